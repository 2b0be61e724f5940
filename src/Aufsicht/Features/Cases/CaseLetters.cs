using System.Globalization;
using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Cases;
using Aufsicht.Core.Deadlines;
using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Law;
using Aufsicht.Core.Measures;
using Aufsicht.Data;
using Aufsicht.Features.Deadlines;
using Aufsicht.Features.Letters;
using Aufsicht.Features.Mail;
using Aufsicht.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases;

/// <summary>What the handler writes into a letter: the facts, the body's statement, the discretion, the evidence, why the case is closed.</summary>
internal sealed record LetterDraft(string Facts, string Statement, string Discretion, string Evidence, string ClosingReason)
{
    /// <summary>The most a text field may hold: a letter's part, not a file.</summary>
    public const int MaxLength = 10_000;
}

/// <summary>A case as a letter needs it: the record, its body, infringements, notes, campaign and handler.</summary>
internal sealed record CaseLetterFile(
    CaseRecord Case, BodyRecord Body, IReadOnlyList<CaseInfringementRecord> Infringements, IReadOnlyList<CaseNoteRecord> Notes, string? CampaignTitle, string? HandlerName);

/// <summary>
/// Letters in a case: the letter's data from the case file (<see cref="DataAsync"/>), filing a rendered letter as ODT
/// and PDF with the PDF's SHA-256 (<see cref="FileAsync"/>), and sending a filed letter by e-mail through the outbox or
/// recording it as posted (<see cref="SendAsync"/>). Every filing and sending is an audit entry in the same transaction;
/// a sent document is never changed again.
/// </summary>
internal sealed class CaseLetters(
    AufsichtDb db, LetterSources sources, Catalog.CatalogStore catalog, DeadlineRules deadlines, CaseSettings settings, LocalDates dates,
    JurisdictionTable jurisdictions, MeasureRecommender recommender, OutboxSignal signal, TimeProvider clock) : ILetterCaseData
{
    Task<Result<LetterData>> ILetterCaseData.DataAsync(long caseId, LetterKind kind, Language language, CancellationToken cancel) =>
        DataAsync(caseId, kind, language, null, cancel);

    async Task<IReadOnlyList<(long Id, string Label)>> ILetterCaseData.RecentAsync(int count, CancellationToken cancel)
    {
        var rows = await (
            from c in db.Cases.AsNoTracking()
            where c.State != CaseState.Closed
            orderby c.UpdatedAt descending
            join b in db.Bodies.AsNoTracking() on c.BodyId equals b.Id
            select new { c.Id, c.FileNumber, b.Name })
            .Take(count).ToListAsync(cancel).ConfigureAwait(false);
        return [.. rows.Select(r => (r.Id, r.FileNumber + " – " + r.Name))];
    }

    /// <summary>The outbox kind of a letter sent by e-mail.</summary>
    public const string OutboxKind = "letter";

    public const string LetterheadPage = "/verfahren/briefkopf";

    public DateOnly Today => dates.DayOf(clock.GetUtcNow().UtcDateTime);

    public async Task<CaseLetterFile?> LoadAsync(long caseId, CancellationToken cancel)
    {
        var record = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancel).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == record.BodyId, cancel).ConfigureAwait(false);
        var infringements = await db.CaseInfringements.AsNoTracking().Where(i => i.CaseId == caseId).OrderBy(i => i.Id).ToListAsync(cancel).ConfigureAwait(false);
        var notes = await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.At).ThenBy(n => n.Id).ToListAsync(cancel).ConfigureAwait(false);
        var campaign = record.CampaignId is { } id
            ? await db.Campaigns.AsNoTracking().Where(c => c.Id == id).Select(c => c.Title).SingleOrDefaultAsync(cancel).ConfigureAwait(false)
            : null;
        var handler = record.HandlerId is { } h
            ? await db.Users.AsNoTracking().Where(u => u.Id == h).Select(u => u.UserName).SingleOrDefaultAsync(cancel).ConfigureAwait(false)
            : null;
        return new CaseLetterFile(record, body, infringements, notes, campaign, handler);
    }

    /// <summary>The kinds of letter that fit the case as it stands (before the letterhead is looked at).</summary>
    public IReadOnlyList<LetterKind> Fitting(CaseRecord record) => [.. LetterKinds.All.Where(k => Fits(record, k) is null)];

    /// <summary>Why a kind does not fit the case now (field <c>kind</c>), or null when it does.</summary>
    public Error? Fits(CaseRecord record, LetterKind kind)
    {
        ArgumentNullException.ThrowIfNull(record);
        var name = kind.WireName();
        var closed = record.State == CaseState.Closed;
        var powers = PowersOf(record);
        switch (kind)
        {
            case LetterKind.Hearing when closed:
                return Error.Conflict("kind", "case.letter.closed");
            case LetterKind.Warning or LetterKind.Reprimand or LetterKind.Order when record.Measure is null:
                return Error.Conflict("kind", "case.letter.notDecided");
            case LetterKind.Warning when !powers.Contains(Power.A):
            case LetterKind.Reprimand when !powers.Contains(Power.B):
            case LetterKind.Order when !powers.Any(IsOrder):
                return Error.Conflict("kind", "case.letter.notDecidedAs", name);
            case LetterKind.FineHearing or LetterKind.FineNotice:
                var fine = jurisdictions.FineAdmissibility(ControllerOf(record));
                if (!fine.Admissible)
                {
                    return Error.Conflict("kind", "case.letter.fineInadmissible");
                }

                if (closed)
                {
                    return Error.Conflict("kind", "case.letter.closed");
                }

                return kind == LetterKind.FineNotice && record.FineCents is null ? Error.Conflict("kind", "case.letter.noFine") : null;
            case LetterKind.Closing when !closed:
                return Error.Conflict("kind", "case.letter.notClosed");
            default:
                return null;
        }
    }

    /// <summary>
    /// The letter's data from the case file, in the letter's language: authority, recipient, handler, file number,
    /// today's date, infringements, the deadline, the measure, the fine, the hearing's ground and date, and the
    /// handler's texts (<paramref name="texts"/>, or the case file's proposal when null).
    /// </summary>
    public async Task<Result<LetterData>> DataAsync(long caseId, LetterKind kind, Language language, LetterDraft? texts, CancellationToken cancel)
    {
        var file = await LoadAsync(caseId, cancel).ConfigureAwait(false);
        if (file is null)
        {
            return Error.NotFound("id", "case.unknown");
        }

        if (Fits(file.Case, kind) is { } refused)
        {
            return refused;
        }

        var authority = await sources.AuthorityAsync(language, cancel).ConfigureAwait(false);
        if (kind.NeedsRemedy() && Missing(authority, language) is { Count: > 0 } missing)
        {
            return Error.Conflict("kind", "case.letter.letterheadIncomplete", string.Join(", ", missing), LetterheadPage);
        }

        return await DataOfAsync(file, kind, language, texts ?? Proposal(file, language), authority, cancel).ConfigureAwait(false);
    }

    /// <summary>The parts of the letterhead a decision's instruction on legal remedies needs and the letterhead lacks, named in the language.</summary>
    private static List<string> Missing(LetterAuthority authority, Language language)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(authority.Seat))
        {
            missing.Add(Texts.T(language, "case.letter.letterhead.seat"));
        }

        if (string.IsNullOrWhiteSpace(authority.Court))
        {
            missing.Add(Texts.T(language, "case.letter.letterhead.court"));
        }

        return missing;
    }

    private async Task<Result<LetterData>> DataOfAsync(CaseLetterFile file, LetterKind kind, Language language, LetterDraft texts, LetterAuthority authority, CancellationToken cancel)
    {
        var record = file.Case;
        var today = Today;
        var deadline = DeadlineOf(record, kind, language, today);
        if (!deadline.IsOk)
        {
            return Result<LetterData>.Fail(deadline.Errors);
        }

        var hearingKinds = kind == LetterKind.FineNotice ? new[] { LetterKind.FineHearing.WireName() } : [LetterKind.Hearing.WireName()];
        var hearing = await db.CaseDocuments.AsNoTracking()
            .Where(d => d.CaseId == record.Id && hearingKinds.Contains(d.Kind))
            .OrderByDescending(d => d.SentAt != null).ThenByDescending(d => d.Id)
            .Select(d => new { d.SentAt, d.CreatedAt })
            .FirstOrDefaultAsync(cancel).ConfigureAwait(false);
        var data = new LetterData(
            authority,
            new LetterRecipient(file.Body.Name, string.IsNullOrWhiteSpace(file.Body.ContactName) ? null : file.Body.ContactName.Trim(), []),
            new LetterHandler(file.HandlerName ?? record.OpenedBy, Texts.T(language, "case.letter.handlerFunction")),
            record.FileNumber,
            today)
        {
            Facts = texts.Facts.Trim(),
            Deadline = deadline.Value,
            Infringements = [.. file.Infringements.Select(i => new LetterInfringement(Finding(i, language), i.Criterion, Articles(i)))],
            Measure = MeasureOf(file, kind, language),
            Fine = kind is LetterKind.FineHearing or LetterKind.FineNotice && record.FineCents is { } cents
                ? new LetterFine(cents / 100m, Texts.T(language, "case.letter.fine.calculation"))
                : null,
            HearingGround = file.CampaignTitle is { } title ? Texts.T(language, "case.letter.ground.campaign", title) : "",
            HearingDate = hearing is null ? null : dates.DayOf(hearing.SentAt ?? hearing.CreatedAt),
            Statement = texts.Statement.Trim(),
            Discretion = texts.Discretion.Trim(),
            Evidence = texts.Evidence.Trim(),
            ClosingReason = texts.ClosingReason.Trim(),
        };
        return Result<LetterData>.Ok(data);
    }

    /// <summary>
    /// The deadline a letter states: for a hearing two weeks from a letter posted today (after § 41 and § 31 VwVfG, the
    /// Land's holidays), or the hearing deadline the case set; for an order the compliance deadline; none otherwise.
    /// </summary>
    private Result<LetterDeadline?> DeadlineOf(CaseRecord record, LetterKind kind, Language language, DateOnly today)
    {
        DateOnly? stored = kind switch
        {
            LetterKind.Hearing or LetterKind.FineHearing => record.HearingDeadline,
            LetterKind.Order => record.ComplianceDeadline,
            _ => null,
        };
        if (kind is not (LetterKind.Hearing or LetterKind.FineHearing or LetterKind.Order))
        {
            return Result<LetterDeadline?>.Ok(null);
        }

        if (stored is null && kind == LetterKind.Order)
        {
            return Error.Conflict("kind", "case.letter.noComplianceDeadline");
        }

        var request = DeadlineRequest.Parse(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, "2w", "post", settings.State);
        var computed = request.IsOk ? deadlines.Compute(request.Value) : Result<Deadline>.Fail(request.Errors);
        if (stored is null)
        {
            if (!computed.IsOk)
            {
                return Result<LetterDeadline?>.Fail(computed.Errors);
            }

            var result = computed.Value.Result;
            return Result<LetterDeadline?>.Ok(new LetterDeadline(result.End, Texts.T(language, "case.letter.period.weeks", "2"), Computation(result, language)));
        }

        var end = stored.Value;
        // The stored day is the one the case counts with; the computation is shown when it is the proposal's.
        if (computed.IsOk && computed.Value.Result.End == end)
        {
            return Result<LetterDeadline?>.Ok(new LetterDeadline(end, Texts.T(language, "case.letter.period.weeks", "2"), Computation(computed.Value.Result, language)));
        }

        var days = end.DayNumber - today.DayNumber;
        var period = days > 0 && days % 7 == 0
            ? Texts.T(language, "case.letter.period.weeks", (days / 7).ToString(CultureInfo.InvariantCulture))
            : Texts.T(language, "case.letter.period.days", Math.Max(days, 0).ToString(CultureInfo.InvariantCulture));
        return Result<LetterDeadline?>.Ok(new LetterDeadline(end, period, Texts.T(language, "case.letter.deadline.set", LocalDates.Day(end, language))));
    }

    private static string Computation(DeadlineReading reading, Language language) =>
        string.Join(" ", reading.Steps.Select(s => s.Explanation.In(language)));

    private static string[] Articles(CaseInfringementRecord i) =>
        i.Articles.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string Title(string criterion, Language language) =>
        catalog.Data.Criteria.Contains(criterion) ? catalog.Data.Criteria[criterion].Title.In(language) : criterion;

    private string? Service(CaseInfringementRecord i, Language language) =>
        i.Service is { } s ? Catalog.ServiceNames.Of(catalog.Catalog, s, language) : null;

    /// <summary>The finding in words: the criterion's title as not met (red) or not shown to be met (yellow), with the service.</summary>
    private string Finding(CaseInfringementRecord i, Language language)
    {
        var text = Texts.T(language, i.Level == "red" ? "case.letter.finding.red" : "case.letter.finding.yellow", Title(i.Criterion, language));
        return Service(i, language) is { } service ? Texts.T(language, "case.letter.finding.service", text, service) : text;
    }

    /// <summary>
    /// The measure decided (or, for a hearing before a decision, the one recommended): its name, powers and, for an
    /// order, one sentence per infringement to remedy it.
    /// </summary>
    private LetterMeasure? MeasureOf(CaseLetterFile file, LetterKind kind, Language language)
    {
        var powers = PowersOf(file.Case);
        if (powers.Count == 0 && kind == LetterKind.Hearing)
        {
            powers = [.. recommender.Recommend(Pages.CaseModel.MeasureCaseOf(file.Case, file.Body, file.Infringements)).Recommended];
        }

        if (powers.Count == 0)
        {
            return null;
        }

        IReadOnlyList<string> orders = kind == LetterKind.Order
            ? [.. file.Infringements.Select(i => Service(i, language) is { } service
                ? Texts.T(language, "case.letter.order.service", Title(i.Criterion, language), service, ArticleNotation.FormatAll(Articles(i), language))
                : Texts.T(language, "case.letter.order", Title(i.Criterion, language), ArticleNotation.FormatAll(Articles(i), language)))]
            : [];
        return new LetterMeasure(
            string.Join(language == Language.De ? " und " : " and ", powers.Select(p => p.Term().In(language))),
            [.. powers.Select(p => $"Art. 58(2)({Powers.Letter(p)})")],
            orders);
    }

    /// <summary>The handler's texts as the case file suggests them: facts from the infringements (none once the case is closed), the statement from the notes, the closing reason from the outcome.</summary>
    public LetterDraft Proposal(CaseLetterFile file, Language language)
    {
        ArgumentNullException.ThrowIfNull(file);
        var findings = string.Join("; ", file.Infringements.Select(i => $"{i.Criterion} {Title(i.Criterion, language)}"));
        var facts = file.CampaignTitle is { } campaign
            ? Texts.T(language, "case.letter.facts.campaign", campaign, findings)
            : Texts.T(language, "case.letter.facts", findings);
        var statement = string.Join("\n", file.Notes.Select(n => n.Text.Trim()));
        var evidence = file.CampaignTitle is { } title ? Texts.T(language, "case.letter.evidence.campaign", title) : Texts.T(language, "case.letter.evidence");
        var closing = file.Case.Outcome is { } outcome ? Texts.T(language, "case.letter.closing." + CaseWorkflow.Stored(outcome)) : "";
        // A closed case's letter is the closing letter: the findings as facts would read as if still not met.
        return new LetterDraft(file.Infringements.Count == 0 || file.Case.State == CaseState.Closed ? "" : facts, statement, Texts.T(language, "case.letter.discretion"), evidence, closing);
    }

    /// <summary>
    /// Renders the letter with the template in force and files it as a draft: ODT, PDF and the PDF's SHA-256, with the
    /// audit entry <c>case.letter</c> in the same transaction.
    /// </summary>
    public async Task<Result<CaseDocumentRecord>> FileAsync(long caseId, LetterKind kind, Language language, LetterDraft? draft, string actor, CancellationToken cancel)
    {
        var rendered = await RenderAsync(caseId, kind, language, draft, cancel).ConfigureAwait(false);
        if (!rendered.IsOk)
        {
            return Result<CaseDocumentRecord>.Fail(rendered.Errors);
        }

        var (letter, fileNumber) = rendered.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var pdf = LetterOutput.ToPdf(letter);
        var document = new CaseDocumentRecord
        {
            CaseId = caseId,
            Kind = kind.WireName(),
            Title = Texts.T(language, "case.letter.title", Texts.T(language, "case.letter.kind." + kind.WireName()), LocalDates.Day(dates.DayOf(now), language)),
            Language = language == Language.De ? "de" : "en",
            CreatedAt = now,
            CreatedBy = actor,
            Odt = LetterOutput.ToOdt(letter),
            Pdf = pdf,
            Sha256 = LetterOutput.Sha256(pdf),
        };
        db.CaseDocuments.Add(document);
        await AuditLog.AddAsync(db, now, actor, "case.letter", caseId, JsonSerializer.Serialize(new
        {
            kind = document.Kind,
            language = document.Language,
            title = document.Title,
            sha256 = document.Sha256,
            fileNumber,
        }), cancel).ConfigureAwait(false);
        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // The audit chain moved under us: another action on a case at the same moment.
            db.ChangeTracker.Clear();
            return Error.Conflict("kind", "case.changed");
        }

        return Result<CaseDocumentRecord>.Ok(document);
    }

    /// <summary>The letter rendered with the template in force, without filing it (the preview) and the case's file number.</summary>
    public async Task<Result<(Documents.Letters.LetterDocument Letter, string FileNumber)>> RenderAsync(long caseId, LetterKind kind, Language language, LetterDraft? draft, CancellationToken cancel)
    {
        var data = await DataAsync(caseId, kind, language, draft, cancel).ConfigureAwait(false);
        if (!data.IsOk)
        {
            return Result<(Documents.Letters.LetterDocument, string)>.Fail(data.Errors);
        }

        var template = await sources.TemplateAsync(kind, language, cancel).ConfigureAwait(false);
        var letter = LetterTemplates.Render(kind, template.Text, data.Value, language);
        if (!letter.IsOk)
        {
            // The template no longer renders: its errors, introduced by which template it is.
            return Result<(Documents.Letters.LetterDocument, string)>.Fail(
                [Error.Invalid("template", "case.letter.templateBroken", Texts.T(language, "case.letter.kind." + kind.WireName()), language == Language.De ? "Deutsch" : "English"), .. letter.Errors]);
        }

        return Result<(Documents.Letters.LetterDocument, string)>.Ok((letter.Value, data.Value.FileNumber));
    }

    /// <summary>
    /// Sends a filed letter: by e-mail (an outbox message to the body's contact address with the PDF attached and a short
    /// covering text in the letter's language) or recorded as posted. Once sent, a document is not sent again.
    /// </summary>
    public async Task<Result<CaseDocumentRecord>> SendAsync(long documentId, string channel, string actor, CancellationToken cancel)
    {
        if (channel is not ("email" or "post"))
        {
            return Error.Invalid("channel", "case.letter.channel.invalid");
        }

        var document = await db.CaseDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancel).ConfigureAwait(false);
        if (document is null)
        {
            return Error.NotFound("document", "case.letter.unknown");
        }

        if (document.SentAt is not null)
        {
            return Error.Conflict("document", "case.letter.alreadySent");
        }

        var record = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == document.CaseId, cancel).ConfigureAwait(false);
        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == record.BodyId, cancel).ConfigureAwait(false);
        var to = body.ContactEmail?.Trim();
        if (channel == "email" && string.IsNullOrEmpty(to))
        {
            return Error.Conflict("channel", "case.letter.noEmail", body.Name);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var language = document.Language == "en" ? Language.En : Language.De;
        var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            // Claimed in the database: of two sends at the same moment, one finds the document sent already.
            var claimed = await db.CaseDocuments.Where(d => d.Id == documentId && d.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.SentAt, now).SetProperty(d => d.Channel, channel), cancel).ConfigureAwait(false);
            if (claimed != 1)
            {
                return Error.Conflict("document", "case.letter.alreadySent");
            }

            long? outboxId = null;
            if (channel == "email")
            {
                var authority = await sources.AuthorityAsync(language, cancel).ConfigureAwait(false);
                var message = Outbox.Add(db, OutboxKind, record.CampaignId, null, to!,
                    Texts.T(language, "case.letter.mail.subject", document.Title, record.FileNumber),
                    Texts.T(language, "case.letter.mail.body", document.Title, record.FileNumber, authority.Name), now);
                message.CaseDocumentId = documentId;
                await db.SaveChangesAsync(cancel).ConfigureAwait(false);
                outboxId = message.Id;
                await db.CaseDocuments.Where(d => d.Id == documentId)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.OutboxId, outboxId), cancel).ConfigureAwait(false);
            }

            await AuditLog.AddAsync(db, now, actor, "case.letter.sent", record.Id, JsonSerializer.Serialize(new
            {
                kind = document.Kind,
                title = document.Title,
                channel,
                to = channel == "email" ? to : null,
                sha256 = document.Sha256,
            }), cancel).ConfigureAwait(false);
            try
            {
                await db.SaveChangesAsync(cancel).ConfigureAwait(false);
                await transaction.CommitAsync(cancel).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return Error.Conflict("document", "case.changed");
            }

            document.SentAt = now;
            document.Channel = channel;
            document.OutboxId = outboxId;
        }

        if (channel == "email")
        {
            signal.Notify();
        }

        return Result<CaseDocumentRecord>.Ok(document);
    }

    private static List<Power> PowersOf(CaseRecord record) =>
        record.Measure is { } measure
            ? [.. measure.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => Powers.TryParse(w, out var p) ? (Power?)p : null).OfType<Power>()]
            : [];

    /// <summary>Powers whose letter is an order (Anordnung/Anweisung): all but the warning, the reprimand and the fine.</summary>
    private static bool IsOrder(Power power) => power is not (Power.A or Power.B or Power.I);

    private static Controller ControllerOf(CaseRecord record) =>
        new(record.PublicBody, record.PublicBody && record.InCompetition, record.Country, record.Land);
}
