using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Aufsicht.Core;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Evaluation;
using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Features.Campaigns;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Evaluation;
using Aufsicht.Features.Questionnaires;
using Aufsicht.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Responses;

/// <summary>Why an invitation link does not open a questionnaire.</summary>
internal enum LinkProblem
{
    None,
    Unknown,
    Revoked,
    NotStarted,
    Closed,
}

/// <summary>What a link problem is as a failure: a link that opens nothing is not found; a closed survey refuses answers (409, as the form does).</summary>
internal static class LinkProblems
{
    public static Error ToError(LinkProblem problem) => problem == LinkProblem.Closed
        ? Error.Conflict("", "response.closed")
        : Error.NotFound("", "response.link.notFound");
}

/// <summary>What an invitation link opens: the body's place in a campaign, and its response so far (null before the first save).</summary>
internal sealed record Respondent(InvitationRecord Invitation, CampaignRecord Campaign, BodyRecord Body, ResponseRecord? Response, Questionnaire Questionnaire);

/// <summary>Finds what a link opens. Unknown and revoked links are counted per address, so guessing tokens is slowed down.</summary>
internal sealed class RespondentLinks(QuestionnaireStore questionnaires, TimeProvider clock, LocalDates dates)
{
    public const int MaxFailures = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<IPAddress, (DateTime Start, int Count)> _failures = new();

    /// <summary>Whether this address has tried too many wrong links in the current window.</summary>
    public bool IsBlocked(IPAddress? address)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return address is not null && _failures.TryGetValue(address, out var f) && now - f.Start < Window && f.Count >= MaxFailures;
    }

    /// <summary>
    /// What a link opens: invitation, campaign and body in one query, the response in a second (a response joined into
    /// the first becomes a window function over all responses in EF's SQL: 64 ms of CPU per request on SQLite).
    /// Asynchronous: under load a thread waiting for PostgreSQL would otherwise be lost to the pool (bench/README.md).
    /// </summary>
    public async Task<(Respondent? Respondent, LinkProblem Problem)> FindAsync(AufsichtDb db, string? token, IPAddress? address, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var hash = Tokens.LooksValid(token) ? Tokens.Hash(token!) : null;
        var found = hash is null ? null : await (
            from i in db.Invitations.AsNoTracking()
            where i.TokenHash == hash
            join c in db.Campaigns.AsNoTracking() on i.CampaignId equals c.Id
            join b in db.Bodies.AsNoTracking() on i.BodyId equals b.Id
            select new { Invitation = i, Campaign = c, Body = b })
            .SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        if (found is null || found.Invitation.RevokedAt is not null)
        {
            Count(address);
            return (null, found is null ? LinkProblem.Unknown : LinkProblem.Revoked);
        }

        var campaign = found.Campaign;
        var response = await db.Responses.AsNoTracking().SingleOrDefaultAsync(r => r.CampaignId == campaign.Id && r.BodyId == found.Body.Id, cancel).ConfigureAwait(false);
        var questionnaire = (await questionnaires.GetAsync(campaign.QuestionnaireId, cancel).ConfigureAwait(false)).Definition;
        var respondent = new Respondent(found.Invitation, campaign, found.Body, response, questionnaire);
        return campaign.State switch
        {
            CampaignState.Draft => (null, LinkProblem.NotStarted),
            // A case's follow-up link asks for a new version of the answers after the campaign closed, until its own last day.
            CampaignState.Closed when found.Invitation.OpenUntil is { } until && dates.DayOf(clock.GetUtcNow().UtcDateTime) <= until => (respondent, LinkProblem.None),
            CampaignState.Closed => (respondent, LinkProblem.Closed),
            _ => (respondent, LinkProblem.None),
        };
    }

    private void Count(IPAddress? address)
    {
        if (address is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        _failures.AddOrUpdate(address, (now, 1), (_, f) => now - f.Start >= Window ? (now, 1) : (f.Start, f.Count + 1));
    }
}

/// <summary>What saving or submitting did.</summary>
internal sealed record SaveOutcome(int Revision, int? Version, string? Receipt, Compliance? Status = null);

/// <summary>
/// Answer checks as failures: the field is the answer key, the key the message of the check's code with its argument.
/// The message's first argument is the question as the respondent sees it (its label, with the service it was asked
/// for), which only the edge knows; <see cref="Message"/> puts it in front.
/// </summary>
internal static class AnswerErrors
{
    public static Error ToError(AnswerError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Error.Invalid(error.Key, "answer." + error.Code, error.Argument ?? string.Empty);
    }

    public static IReadOnlyList<Error> ToErrors(IReadOnlyList<AnswerError> errors) => errors.Select(ToError).ToArray();

    /// <summary>The error with the question's <paramref name="label"/> as its first argument, as the answer messages expect.</summary>
    public static Error Labelled(Error error, string label)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error with { Args = [label, .. error.Args] };
    }

    /// <summary>The message of an answer error in the language, naming the question by <paramref name="label"/>.</summary>
    public static string Message(Error error, string label, Language language) => Failures.Message(Labelled(error, label), language);
}

/// <summary>
/// Saves a respondent's answers of one section, or submits the whole response. Nothing is written on any invalid
/// answer, or when the response changed since the form was shown (another window): the respondent is told instead of
/// silently overwriting. A submission becomes a new version, is evaluated at once, and both are committed together.
/// </summary>
internal sealed class SaveResponse(AufsichtDb db, CampaignEvaluator evaluator, CatalogStoreServices services, ResponseWriter writer, TimeProvider clock)
{
    /// <summary>The response changed since the request read it (another window, another request): nothing was written.</summary>
    public static readonly Error Conflict = Error.Conflict("", "response.conflict");

    /// <summary>
    /// Merges the posted answers of <paramref name="section"/> into the draft and saves it. Refused: invalid answers
    /// (each an <see cref="ErrorKind.Invalid"/> error on its answer key) or <see cref="Conflict"/>.
    /// </summary>
    public async Task<Result<SaveOutcome>> SaveAsync(Respondent respondent, Section section, Answers posted, int revision, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(respondent);
        var q = respondent.Questionnaire;
        var draft = SurveyForm.Clean(q, Merge(respondent, section, posted));
        var errors = SurveyForm.Check(q, draft, services.IsService, complete: false);
        if (errors.Count > 0)
        {
            return Result<SaveOutcome>.Fail(AnswerErrors.ToErrors(errors));
        }

        return await WriteAsync(respondent, draft, revision, submit: false, cancel).ConfigureAwait(false);
    }

    /// <summary>The saved draft with the posted answers of <paramref name="section"/> in place of its own: what a refused form shows again.</summary>
    public static Answers Merge(Respondent respondent, Section section, Answers posted)
    {
        ArgumentNullException.ThrowIfNull(respondent);
        ArgumentNullException.ThrowIfNull(posted);
        var merged = new Dictionary<string, IReadOnlyList<string>>(Draft(respondent).Values, StringComparer.Ordinal);
        foreach (var key in merged.Keys.Where(k => BelongsTo(respondent.Questionnaire, section, k)).ToArray())
        {
            merged.Remove(key);
        }

        foreach (var (key, values) in posted.Values)
        {
            merged[key] = values;
        }

        return new Answers(merged);
    }

    /// <summary>Submits the saved draft as a new version, if it is complete.</summary>
    public async Task<Result<SaveOutcome>> SubmitAsync(Respondent respondent, int revision, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(respondent);
        var draft = Draft(respondent);
        var errors = SurveyForm.Check(respondent.Questionnaire, draft, services.IsService, complete: true);
        return errors.Count > 0
            ? Result<SaveOutcome>.Fail(AnswerErrors.ToErrors(errors))
            : await WriteAsync(respondent, draft, revision, submit: true, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces all answers at once (the API: a body's own system sending its answers) and submits them if asked; a
    /// concurrent change still gives a conflict rather than a lost update.
    /// </summary>
    public async Task<Result<SaveOutcome>> ReplaceAsync(Respondent respondent, Answers answers, bool submit, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(respondent);
        var draft = SurveyForm.Clean(respondent.Questionnaire, answers);
        var errors = SurveyForm.Check(respondent.Questionnaire, draft, services.IsService, complete: submit);
        return errors.Count > 0
            ? Result<SaveOutcome>.Fail(AnswerErrors.ToErrors(errors))
            : await WriteAsync(respondent, draft, respondent.Response?.Revision ?? 0, submit, cancel).ConfigureAwait(false);
    }

    public static Answers Draft(Respondent respondent) =>
        respondent.Response is null ? Answers.Empty : Answers.FromJson(respondent.Response.DraftJson);

    /// <summary>Whether an answer key is one the section's form posts (its questions, for every service; a picker's free text).</summary>
    public static bool BelongsTo(Questionnaire questionnaire, Section section, string key)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(key);
        var at = key.IndexOf('@', StringComparison.Ordinal);
        var id = at < 0 ? key : key[..at];
        if (id.EndsWith(".other", StringComparison.Ordinal))
        {
            id = id[..^6];
        }

        return section.Questions.Any(q => q.Id == id);
    }

    /// <summary>
    /// Writes through the group commit (<see cref="ResponseWriter"/>) when the response is as the request found it;
    /// otherwise — a conflict, a double submit, free-text services to queue, a failed batch — carefully, alone.
    /// </summary>
    private async Task<Result<SaveOutcome>> WriteAsync(Respondent respondent, Answers draft, int revision, bool submit, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var json = draft.ToJson();
        if (submit && respondent.Response is { } seen && seen.DraftJson == json
            && await AlreadySubmittedAsync(respondent, seen, json, cancel).ConfigureAwait(false) is { } same)
        {
            // Submitting again what was just submitted (a client retrying, a form sent twice) makes no new version.
            return Result<SaveOutcome>.Ok(same);
        }

        // No token for the group commit: a batch is shared with other requests, and a queued write is committed or refused whole.
        if ((respondent.Response?.Revision ?? 0) == revision && Prepare(respondent, draft, json, submit, now) is { } pending
            && await writer.WriteAsync(pending).ConfigureAwait(false))
        {
            return Result<SaveOutcome>.Ok(new SaveOutcome(revision + 1, submit ? pending.Version : null, pending.Receipt, pending.Rows?.Evaluation.Status));
        }

        if (!db.Database.IsSqlite())
        {
            return await WriteAloneAsync(respondent, draft, json, revision, submit, now, cancel).ConfigureAwait(false);
        }

        await ResponseWriter.SqliteGate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            return await WriteAloneAsync(respondent, draft, json, revision, submit, now, cancel).ConfigureAwait(false);
        }
        finally
        {
            ResponseWriter.SqliteGate.Release();
        }
    }

    /// <summary>
    /// The write as it stands if the response is still as the link found it: the new version, its receipt and
    /// evaluation. Null when a submission names services in free text: queueing them needs the careful path.
    /// </summary>
    private PendingWrite? Prepare(Respondent respondent, Answers draft, string json, bool submit, DateTime now)
    {
        var (campaign, body, seen) = (respondent.Campaign, respondent.Body, respondent.Response);
        var version = (seen?.SubmittedVersion ?? 0) + (submit ? 1 : 0);
        if (!submit)
        {
            return new PendingWrite(campaign.Id, body.Id, seen, json, now, false, version, null, null);
        }

        // The evaluation itself tells whether a service was named in free text (its deployments are worked out once).
        var (asOf, authority) = evaluator.View(campaign, DateOnly.FromDateTime(now));
        var result = evaluator.Evaluate(campaign, body, draft, asOf, authority, NoLinks);
        if (result.Services.Any(s => s.OtherText is not null))
        {
            return null;
        }

        var rows = CampaignEvaluator.Rows(campaign.Id, body.Id, version, result, asOf, authority.Id, now);
        return new PendingWrite(campaign.Id, body.Id, seen, json, now, true, version, Receipt(respondent, version, json), rows);
    }

    /// <summary>
    /// The outcome of the newest submitted version if it holds exactly <paramref name="json"/> (receipt and the body's
    /// status, as the first answer gave them); null otherwise.
    /// </summary>
    private async Task<SaveOutcome?> AlreadySubmittedAsync(Respondent respondent, ResponseRecord response, string json, CancellationToken cancel)
    {
        if (response.SubmittedVersion == 0)
        {
            return null;
        }

        var latest = await db.ResponseVersions.Where(v => v.ResponseId == response.Id && v.Version == response.SubmittedVersion)
            .Select(v => new { v.AnswersJson, v.Receipt }).SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        if (latest is null || latest.AnswersJson != json)
        {
            return null;
        }

        var status = await db.Evaluations.Where(e => e.CampaignId == respondent.Campaign.Id && e.BodyId == respondent.Body.Id)
            .Select(e => (Compliance?)e.Status).SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        return new SaveOutcome(response.Revision, response.SubmittedVersion, latest.Receipt, status);
    }

    private static readonly IReadOnlyDictionary<string, string> NoLinks = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The careful path: reads the response in its own transaction and decides on what is there now.</summary>
    private async Task<Result<SaveOutcome>> WriteAloneAsync(Respondent respondent, Answers draft, string json, int revision, bool submit, DateTime now, CancellationToken cancel)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        var response = await db.Responses.SingleOrDefaultAsync(r => r.CampaignId == respondent.Campaign.Id && r.BodyId == respondent.Body.Id, cancel).ConfigureAwait(false);
        if (response is null)
        {
            if (revision != 0)
            {
                return Conflict;
            }

            response = new ResponseRecord { CampaignId = respondent.Campaign.Id, BodyId = respondent.Body.Id, DraftJson = json, StartedAt = now };
            db.Responses.Add(response);
        }
        else if (response.Revision != revision)
        {
            // The same submission sent twice (a double click, a resent form): the first one's receipt, not a second version.
            return (submit ? await AlreadySubmittedAsync(respondent, response, json, cancel).ConfigureAwait(false) : null) is { } same
                ? Result<SaveOutcome>.Ok(same)
                : Conflict;
        }

        response.DraftJson = json;
        response.UpdatedAt = now;
        response.Revision++;
        if (submit)
        {
            response.SubmittedVersion++;
            response.SubmittedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another request saved first (a concurrent first save, or a submit racing a submit).
            return Conflict;
        }

        var (version, newRevision) = (response.SubmittedVersion, response.Revision);
        string? receipt = null;
        Compliance? status = null;
        if (submit)
        {
            try
            {
                receipt = Receipt(respondent, version, json);
                db.ResponseVersions.Add(new ResponseVersionRecord { ResponseId = response.Id, Version = version, AnswersJson = json, SubmittedAt = now, Receipt = receipt });
                var (asOf, authority) = evaluator.View(respondent.Campaign, DateOnly.FromDateTime(now));
                var others = OtherTexts(respondent.Questionnaire, draft).ToList();
                var links = NoLinks;
                if (others.Count > 0)
                {
                    await OtherServices.QueueAsync(db, respondent.Campaign.Id, others, cancel).ConfigureAwait(false);
                    links = await OtherServices.LinksAsync(db, respondent.Campaign.Id, cancel).ConfigureAwait(false);
                }

                var result = evaluator.Evaluate(respondent.Campaign, respondent.Body, draft, asOf, authority, links);
                var rows = CampaignEvaluator.Rows(respondent.Campaign.Id, respondent.Body.Id, version, result, asOf, authority.Id, now);
                await CampaignEvaluator.ReplaceAsync(db, rows, earlier: version > 1, cancel).ConfigureAwait(false);
                await db.SaveChangesAsync(cancel).ConfigureAwait(false);
                status = rows.Evaluation.Status;
            }
            catch (DbUpdateException)
            {
                // The version exists already: a submit raced a submit of the same revision.
                return Conflict;
            }
        }

        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return Result<SaveOutcome>.Ok(new SaveOutcome(newRevision, submit ? version : null, receipt, status));
    }

    private static IEnumerable<string> OtherTexts(Questionnaire questionnaire, Answers answers) =>
        SurveyEvaluation.Deployments(questionnaire, answers, new Body(null, null, "other", false, null))
            .Where(d => d.OtherText is not null)
            .Select(d => d.OtherText!);

    /// <summary>A receipt number a person can read out on the phone: campaign, body, version and a check of the content.</summary>
    private static string Receipt(Respondent respondent, int version, string json)
    {
        var check = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..6];
        return $"U{respondent.Campaign.Id}-{respondent.Body.Id}-F{version}-{check}";
    }
}
