using System.Collections.Concurrent;
using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Cases;
using Aufsicht.Core.Evaluation;
using Aufsicht.Core.Fines;
using Aufsicht.Data;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
internal sealed class OpenCases(AufsichtDb db, CatalogStore catalog, FineMethodTable fines, CaseSettings settings, Shared.LocalDates dates, TimeProvider clock, ILogger<OpenCases> logger)
{
    /// <param name="request">Which bodies.</param>
    /// <param name="actor">Who opens the cases, as the audit log names them.</param>
    /// <param name="handlerId">The account that handles the new cases (its deadlines, reminders and calendar): the opener, as a rule.</param>
    /// <param name="cancel">Cancels the request.</param>
    public async Task<Result<OpenedCases>> RunAsync(OpenCasesRequest request, string actor, string? handlerId, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(request);
        var phases = new Phases();
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

        phases.Done("read");

        // A first look outside the transaction, so a request that opens nothing does not wait for the write lock; the
        // look that counts is the one inside it.
        var openBefore = await OpenBodiesAsync(request.CampaignId, cancel).ConfigureAwait(false);
        if (chosen.All(x => openBefore.Contains(x.Id)))
        {
            return Result<OpenedCases>.Ok(new OpenedCases([], chosen.Count));
        }

        // The infringements before the write lock is taken, on all cores (each evaluation is read on its own).
        var cited = new ConcurrentDictionary<string, (string Articles, string Tier)>(StringComparer.Ordinal);
        var found = chosen.Where(x => !openBefore.Contains(x.Id)).AsParallel()
            .Select(x => (x.Id, Infringements: Infringements(x.ResultJson, cited)))
            .ToDictionary(x => x.Id, x => x.Infringements);
        phases.Done("infringements");

        var now = clock.GetUtcNow().UtcDateTime;
        var year = dates.DayOf(now).Year;
        IDbContextTransaction transaction;
        try
        {
            // SQLite: BEGIN IMMEDIATE, so concurrent openers queue here (up to the busy timeout).
            transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException)
        {
            // Another writer holds the database (SQLite) longer than the busy timeout.
            return Error.Conflict(string.Empty, "case.open.conflict");
        }

        await using var owned = transaction.ConfigureAwait(false);
        List<(CaseRecord Case, List<CaseInfringementRecord> Infringements)> records;
        try
        {
            var connection = db.Database.GetDbConnection();
            var dbTransaction = transaction.GetDbTransaction();

            // The year's counter, locked (PostgreSQL: FOR UPDATE; SQLite: the transaction holds the write lock), so a
            // concurrent opener waits here and then sees the cases of this one as open: it skips them instead of failing.
            var last = await LockCounterAsync(connection, dbTransaction, year, cancel).ConfigureAwait(false);
            var open = await OpenBodiesAsync(request.CampaignId, cancel).ConfigureAwait(false);
            var toOpen = chosen.Where(x => found.ContainsKey(x.Id) && !open.Contains(x.Id)).ToList();
            phases.Done("lock");
            if (toOpen.Count == 0)
            {
                return Result<OpenedCases>.Ok(new OpenedCases([], chosen.Count));
            }

            records = new List<(CaseRecord Case, List<CaseInfringementRecord> Infringements)>(toOpen.Count);
            foreach (var body in toOpen)
            {
                last++;
                records.Add((new CaseRecord
                {
                    FileNumber = FileNumbers.Format(settings.FileNumberPattern, year, last),
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
                }, found[body.Id]));
            }

            // The cases first, for their ids (by body: one new case per body); then what refers to them, and the counter.
            var caseIds = await BulkRows.InsertReturningAsync(connection, dbTransaction, "cases",
                ["FileNumber", "BodyId", "CampaignId", "EvaluationVersion", "EvaluationJson", "State", "PublicBody", "InCompetition", "Country", "Land", "OpenedAt", "OpenedBy", "HandlerId", "UpdatedAt", "Revision"],
                records, r => [r.Case.FileNumber, r.Case.BodyId, r.Case.CampaignId, r.Case.EvaluationVersion, r.Case.EvaluationJson, r.Case.State.ToStored(), r.Case.PublicBody, r.Case.InCompetition, r.Case.Country, r.Case.Land, r.Case.OpenedAt, r.Case.OpenedBy, r.Case.HandlerId, r.Case.UpdatedAt, r.Case.Revision],
                "BodyId", "Id", cancel).ConfigureAwait(false);
            phases.Done("cases");
            foreach (var (record, infringements) in records)
            {
                record.Id = caseIds[record.BodyId];
                foreach (var infringement in infringements)
                {
                    infringement.CaseId = record.Id;
                }
            }

            await BulkRows.InsertAsync(connection, dbTransaction, "case_infringements", ["CaseId", "Criterion", "Level", "Articles", "Tier", "Service"],
                records.SelectMany(r => r.Infringements).ToList(), i => [i.CaseId, i.Criterion, i.Level, i.Articles, i.Tier, i.Service], cancel).ConfigureAwait(false);
            phases.Done("infringement rows");
            await InsertAuditAsync(connection, dbTransaction, now, actor, records, cancel).ConfigureAwait(false);
            phases.Done("audit");
            await using (var counter = connection.CreateCommand())
            {
                counter.Transaction = dbTransaction;
                counter.CommandText = """UPDATE case_counters SET "Last" = @last WHERE "Year" = @year""";
                Parameter(counter, "@last", last);
                Parameter(counter, "@year", year);
                await counter.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancel).ConfigureAwait(false);
            phases.Done("commit");
        }
        catch (System.Data.Common.DbException)
        {
            // Another action appended to the audit log at the same moment, or a writer holds the database: nothing of
            // this attempt stays.
            return Error.Conflict(string.Empty, "case.open.conflict");
        }

        OpenCasesLog.Opened(logger, records.Count, request.CampaignId, phases.Milliseconds, phases);
        return Result<OpenedCases>.Ok(new OpenedCases(records.Select(r => new OpenedCase(r.Case.Id, r.Case.FileNumber, r.Case.BodyId)).ToList(), chosen.Count - records.Count));
    }

    /// <summary>The bodies with an open case from the campaign.</summary>
    private async Task<HashSet<long>> OpenBodiesAsync(long campaignId, CancellationToken cancel) =>
        (await db.Cases.Where(c => c.CampaignId == campaignId && c.State != CaseState.Closed)
            .Select(c => c.BodyId).ToListAsync(cancel).ConfigureAwait(false)).ToHashSet();

    /// <summary>The last file number of the year, its row made if missing and locked until the transaction ends.</summary>
    private static async Task<int> LockCounterAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, int year, CancellationToken cancel)
    {
        var postgres = connection is not Microsoft.Data.Sqlite.SqliteConnection;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO case_counters ("Year", "Last") VALUES (@year, 0) ON CONFLICT ("Year") DO NOTHING;
            SELECT "Last" FROM case_counters WHERE "Year" = @year{(postgres ? " FOR UPDATE" : string.Empty)};
            """;
        Parameter(command, "@year", year);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancel).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// One "case.open" entry per case, chained in memory after the last entry (read in this transaction, under the
    /// lock) and written in bulk. Each entry is made by <see cref="AuditLog.Chain"/>, as every other audit entry, but
    /// written without the change tracker, which cost more than the inserts for 18,000 entries. <see cref="AuditLog.VerifyAsync"/> checks the result (tests).
    /// </summary>
    private async Task InsertAuditAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, DateTime now, string actor, List<(CaseRecord Case, List<CaseInfringementRecord> Infringements)> records, CancellationToken cancel)
    {
        var previous = await AuditLog.LastAsync(db, cancel).ConfigureAwait(false);
        var entries = new List<AuditRecord>(records.Count);
        foreach (var (record, infringements) in records)
        {
            var data = JsonSerializer.Serialize(new
            {
                fileNumber = record.FileNumber,
                bodyId = record.BodyId,
                campaignId = record.CampaignId,
                evaluationVersion = record.EvaluationVersion,
                infringements = infringements.Select(i => i.Criterion).ToArray(),
            });
            var entry = AuditLog.Chain(previous, now, actor, "case.open", record.Id, data);
            entries.Add(entry);
            previous = (entry.Sequence, entry.Hash);
        }

        await BulkRows.InsertAsync(connection, transaction, "audit_log", ["Sequence", "At", "Actor", "Action", "CaseId", "DataJson", "PreviousHash", "Hash"],
            entries, a => [a.Sequence, a.At, a.Actor, a.Action, a.CaseId, a.DataJson, a.PreviousHash, a.Hash], cancel).ConfigureAwait(false);
    }

    private static void Parameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// The red and yellow findings of an evaluation, once per service and criterion, with their articles and tier;
    /// <paramref name="cited"/> keeps each criterion's articles and tier for the other evaluations of the request.
    /// </summary>
    private List<CaseInfringementRecord> Infringements(string resultJson, ConcurrentDictionary<string, (string Articles, string Tier)> cited)
    {
        var criteria = catalog.Data.Criteria;
        var result = new List<CaseInfringementRecord>();
        foreach (var outcome in CampaignEvaluator.Outcomes(resultJson))
        {
            foreach (var finding in outcome.Findings.Where(f => f.Level is "red" or "yellow").DistinctBy(f => f.Criterion))
            {
                var (articles, tier) = cited.GetOrAdd(finding.Criterion, c =>
                {
                    var list = criteria.Contains(c) ? criteria[c].Articles : [];
                    return (string.Join("; ", list), Gravest(list));
                });
                result.Add(new CaseInfringementRecord
                {
                    Criterion = finding.Criterion,
                    Level = finding.Level,
                    Articles = articles,
                    Tier = tier,
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
