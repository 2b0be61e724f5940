using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Cases;
using Aufsicht.Core.Evaluation;
using Aufsicht.Core.Fines;
using Aufsicht.Data;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases;

/// <summary>Which deficient bodies of a campaign to open cases for: the listed ones, or all of a kind and/or region (all when nothing is given).</summary>
internal sealed record OpenCasesRequest(long CampaignId, IReadOnlyList<long>? BodyIds = null, string? Kind = null, string? Region = null);

internal sealed record OpenedCase(long CaseId, string FileNumber, long BodyId);

/// <summary>The cases opened, and how many of the chosen bodies had an open case from this campaign already.</summary>
internal sealed record OpenedCases(IReadOnlyList<OpenedCase> Opened, int AlreadyOpen);

/// <summary>
/// Opens case files for deficient bodies of a campaign — one, or all of a filter at once: each with the next file
/// number of the year, a frozen copy of the body's evaluation, its infringements (finding → criterion → articles → the
/// tier of Art. 83), the controller facts from the registry, and an entry in the audit log; all in one transaction.
/// A body with an open case from the campaign is skipped, not doubled.
/// </summary>
internal sealed class OpenCases(AufsichtDb db, CatalogStore catalog, FineMethodTable fines, CaseSettings settings, Shared.LocalDates dates, TimeProvider clock)
{
    /// <param name="request">Which bodies.</param>
    /// <param name="actor">Who opens the cases, as the audit log names them.</param>
    /// <param name="handlerId">The account that handles the new cases (its deadlines, reminders and calendar): the opener, as a rule.</param>
    /// <param name="cancel">Cancels the request.</param>
    public async Task<Result<OpenedCases>> RunAsync(OpenCasesRequest request, string actor, string? handlerId, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await db.Campaigns.AnyAsync(c => c.Id == request.CampaignId, cancel).ConfigureAwait(false))
        {
            return Error.NotFound("campaignId", "case.campaign.unknown", request.CampaignId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var deficient = db.Evaluations.Where(e => e.CampaignId == request.CampaignId && e.Status == Compliance.Deficient)
            .Join(db.Bodies, e => e.BodyId, b => b.Id, (e, b) => new { Evaluation = e, Body = b });
        if (request.BodyIds is { Count: > 0 } ids)
        {
            deficient = deficient.Where(x => ids.Contains(x.Body.Id));
        }

        if (!string.IsNullOrEmpty(request.Kind))
        {
            deficient = deficient.Where(x => x.Body.Kind == request.Kind);
        }

        if (!string.IsNullOrEmpty(request.Region))
        {
            deficient = deficient.Where(x => x.Body.Region == request.Region);
        }

        var chosen = await deficient
            .Select(x => new { x.Body.Id, x.Body.PublicBody, x.Body.PublicUndertaking, x.Body.State, x.Evaluation.Version, x.Evaluation.ResultJson })
            .OrderBy(x => x.Id)
            .ToListAsync(cancel).ConfigureAwait(false);
        if (request.BodyIds is { Count: > 0 } && chosen.Count < request.BodyIds.Distinct().Count())
        {
            return Error.Invalid("bodyIds", "case.body.notDeficient");
        }

        var open = (await db.Cases.Where(c => c.CampaignId == request.CampaignId && c.State != CaseState.Closed)
            .Select(c => c.BodyId).ToListAsync(cancel).ConfigureAwait(false)).ToHashSet();
        var toOpen = chosen.Where(x => !open.Contains(x.Id)).ToList();
        if (toOpen.Count == 0)
        {
            return Result<OpenedCases>.Ok(new OpenedCases([], chosen.Count));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var year = dates.DayOf(now).Year;
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction;
        try
        {
            transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException)
        {
            // Another writer holds the database (SQLite) longer than the busy timeout.
            return Error.Conflict(string.Empty, "case.open.conflict");
        }

        await using var owned = transaction.ConfigureAwait(false);
        var counter = await db.CaseCounters.SingleOrDefaultAsync(c => c.Year == year, cancel).ConfigureAwait(false);
        if (counter is null)
        {
            counter = new CaseCounterRecord { Year = year };
            db.CaseCounters.Add(counter);
        }

        var records = new List<(CaseRecord Case, List<CaseInfringementRecord> Infringements)>(toOpen.Count);
        foreach (var body in toOpen)
        {
            counter.Last++;
            var record = new CaseRecord
            {
                FileNumber = FileNumbers.Format(settings.FileNumberPattern, year, counter.Last),
                BodyId = body.Id,
                CampaignId = request.CampaignId,
                EvaluationVersion = body.Version,
                EvaluationJson = body.ResultJson,
                State = CaseState.Opened,
                PublicBody = body.PublicBody,
                InCompetition = body.PublicBody && body.PublicUndertaking,
                Country = "DE",
                Land = body.State,
                OpenedAt = now,
                OpenedBy = actor,
                HandlerId = handlerId,
                UpdatedAt = now,
            };
            db.Cases.Add(record);
            records.Add((record, Infringements(body.ResultJson)));
        }

        try
        {
            // The cases first, for their ids; then what refers to them, with the audit entries, in the same transaction.
            // Thousands of rows: change detection is switched off while they are added (nothing is modified after Add).
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
            foreach (var (record, infringements) in records)
            {
                foreach (var infringement in infringements)
                {
                    infringement.CaseId = record.Id;
                }

                db.CaseInfringements.AddRange(infringements);
            }

            await AuditLog.AddRangeAsync(db, now, actor, records.Select(r => ("case.open", (long?)r.Case.Id, JsonSerializer.Serialize(new
            {
                fileNumber = r.Case.FileNumber,
                bodyId = r.Case.BodyId,
                campaignId = r.Case.CampaignId,
                evaluationVersion = r.Case.EvaluationVersion,
                infringements = r.Infringements.Select(i => i.Criterion).ToArray(),
            }))), cancel).ConfigureAwait(false);
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // Another handler opened cases (or numbered one) at the same moment, or holds the database: nothing of this attempt stays.
            return Error.Conflict(string.Empty, "case.open.conflict");
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        return Result<OpenedCases>.Ok(new OpenedCases(records.Select(r => new OpenedCase(r.Case.Id, r.Case.FileNumber, r.Case.BodyId)).ToList(), chosen.Count - toOpen.Count));
    }

    /// <summary>The red and yellow findings of an evaluation, once per service and criterion, with their articles and tier.</summary>
    private List<CaseInfringementRecord> Infringements(string resultJson)
    {
        var criteria = catalog.Data.Criteria;
        var result = new List<CaseInfringementRecord>();
        foreach (var outcome in CampaignEvaluator.Outcomes(resultJson))
        {
            foreach (var finding in outcome.Findings.Where(f => f.Level is "red" or "yellow").DistinctBy(f => f.Criterion))
            {
                var articles = criteria.Contains(finding.Criterion) ? criteria[finding.Criterion].Articles : [];
                result.Add(new CaseInfringementRecord
                {
                    Criterion = finding.Criterion,
                    Level = finding.Level,
                    Articles = string.Join("; ", articles),
                    Tier = Gravest(articles),
                    Service = outcome.Service ?? outcome.Other,
                });
            }
        }

        return result;
    }

    /// <summary>The tier of the gravest article (the higher cap); "unknown" where no article falls under a tier.</summary>
    private string Gravest(IReadOnlyList<string> articles) =>
        articles.Select(fines.TierOf).OfType<FineTier>()
            .OrderByDescending(t => t.StaticCap).ThenByDescending(t => t.TurnoverPercent)
            .Select(t => t.Id).FirstOrDefault() ?? "unknown";
}
