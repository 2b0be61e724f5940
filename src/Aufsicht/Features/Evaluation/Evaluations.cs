using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Evaluation;
using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Aufsicht.Features.Evaluation;

/// <summary>A stored finding: enough to print its text again in either language.</summary>
internal sealed record StoredFinding(string Criterion, string Level, string Reason, Dictionary<string, string>? Args);

/// <summary>One service's outcome as stored in <see cref="EvaluationRecord.ResultJson"/>.</summary>
internal sealed record StoredOutcome(string Key, string? Service, string? Other, string Verdict, IReadOnlyList<StoredFinding> Findings);

/// <summary>
/// Evaluates submitted answers with the engine and stores the outcome: one evaluation row per body, one row per
/// service it uses (what the dashboard counts). Used on each submission and for re-evaluating a whole campaign.
/// </summary>
internal sealed class CampaignEvaluator(CatalogStore catalog, QuestionnaireStore questionnaires)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The date and authority view a campaign's answers are assessed in.</summary>
    public (DateOnly AsOf, AuthorityProfile Authority) View(CampaignRecord campaign, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var asOf = campaign.EvaluationAsOf ?? today;
        var authority = (catalog.Catalog.FindAuthority(campaign.Authority) ?? catalog.Catalog.DefaultAuthority).On(asOf);
        return (asOf, authority);
    }

    public BodyEvaluation Evaluate(CampaignRecord campaign, BodyRecord body, Answers answers, DateOnly asOf, AuthorityProfile authority, IReadOnlyDictionary<string, string> links)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(body);
        var questionnaire = questionnaires.Get(campaign.QuestionnaireId).Definition;
        var who = new Body(body.ExternalId, body.Name, body.Kind, body.PublicBody, body.State);
        return SurveyEvaluation.Evaluate(catalog.Assessor, questionnaire, answers, who, asOf, authority,
            text => links.TryGetValue(OtherServices.Normalise(text), out var id) ? id : null);
    }

    /// <summary>The rows of one body's evaluation (not yet added to the context).</summary>
    public static (EvaluationRecord Evaluation, List<EvaluationServiceRecord> Services) Rows(
        long campaignId, long bodyId, int version, BodyEvaluation result, DateOnly asOf, string authority, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcomes = result.Services.Select(s => new StoredOutcome(
            s.Key, s.ServiceId, s.OtherText, s.Verdict.WireName(),
            s.Findings.Select(f => new StoredFinding(f.Criterion, f.Level.WireName(), f.Reason,
                f.Args.Count == 0 ? null : f.Args.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal))).ToArray())).ToArray();
        var evaluation = new EvaluationRecord
        {
            CampaignId = campaignId,
            BodyId = bodyId,
            Version = version,
            Status = result.Compliance,
            MainFindings = Truncate(string.Join(',', result.MainFindings()), 200),
            ResultJson = JsonSerializer.Serialize(outcomes, Json),
            AsOf = asOf,
            Authority = authority,
            EvaluatedAt = now,
        };
        var services = result.Services.Select(s => new EvaluationServiceRecord
        {
            CampaignId = campaignId,
            BodyId = bodyId,
            Service = s.ServiceId ?? Truncate(OtherServices.Prefix + OtherServices.Normalise(s.OtherText ?? string.Empty), 220),
            Verdict = s.Verdict,
        }).ToList();
        return (evaluation, services);
    }

    /// <summary>Replaces one body's evaluation in the caller's transaction (the caller saves); <paramref name="earlier"/>: rows may exist.</summary>
    public static async Task ReplaceAsync(AufsichtDb db, (EvaluationRecord Evaluation, List<EvaluationServiceRecord> Services) rows, bool earlier, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (evaluation, services) = rows;
        if (earlier)
        {
            await db.Evaluations.Where(e => e.CampaignId == evaluation.CampaignId && e.BodyId == evaluation.BodyId).ExecuteDeleteAsync(cancel).ConfigureAwait(false);
            await db.EvaluationServices.Where(e => e.CampaignId == evaluation.CampaignId && e.BodyId == evaluation.BodyId).ExecuteDeleteAsync(cancel).ConfigureAwait(false);
        }

        db.Evaluations.Add(evaluation);
        db.EvaluationServices.AddRange(services);
    }

    /// <summary>
    /// Evaluates every submitted response of a campaign again, at its as-of date and in its authority view as they now
    /// stand, and replaces all its evaluation rows in one transaction (with the campaign's pending changes); while it
    /// runs, other writers on SQLite wait. Rows go in
    /// bulk (see <see cref="InsertAsync"/>), so 30,000 bodies take seconds.
    /// </summary>
    public async Task<(int Bodies, DateOnly AsOf, string Authority)> ReevaluateAllAsync(AufsichtDb db, CampaignRecord campaign, DateTime now, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(campaign);
        var campaignId = campaign.Id;
        var (asOf, view) = View(campaign, DateOnly.FromDateTime(now));
        await questionnaires.GetAsync(campaign.QuestionnaireId, cancel).ConfigureAwait(false);
        var bodies = await db.CampaignBodies.Where(t => t.CampaignId == campaignId).Join(db.Bodies, t => t.BodyId, b => b.Id, (_, b) => b)
            .AsNoTracking().ToDictionaryAsync(b => b.Id, cancel).ConfigureAwait(false);
        var links = await OtherServices.LinksAsync(db, campaignId, cancel).ConfigureAwait(false);

        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        campaign.Revision++;
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        await db.Evaluations.Where(e => e.CampaignId == campaignId).ExecuteDeleteAsync(cancel).ConfigureAwait(false);
        await db.EvaluationServices.Where(e => e.CampaignId == campaignId).ExecuteDeleteAsync(cancel).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();

        // A few thousand bodies at a time, so the answers and results of a whole campaign are never in memory at once
        // (the resident peak of a 30,000-body re-evaluation was the server's highest; bench/README.md).
        const int Chunk = 2000;
        var count = 0;
        var after = 0L;
        // The names given in free text: a submission queues its own when it arrives, but answers that reached the
        // database another way (the demo, a restore, an import) are only ever seen here.
        var named = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var submissions = await db.Responses.Where(r => r.CampaignId == campaignId && r.SubmittedVersion > 0 && r.BodyId > after)
                .Join(db.ResponseVersions, r => new { r.Id, V = r.SubmittedVersion }, v => new { Id = v.ResponseId, V = v.Version }, (r, v) => new { r.BodyId, v.Version, v.AnswersJson })
                .OrderBy(x => x.BodyId)
                .Take(Chunk)
                .AsNoTracking()
                .ToListAsync(cancel).ConfigureAwait(false);
            if (submissions.Count == 0)
            {
                break;
            }

            var evaluations = new List<EvaluationRecord>(submissions.Count);
            var services = new List<EvaluationServiceRecord>(submissions.Count * 2);
            foreach (var s in submissions)
            {
                var result = Evaluate(campaign, bodies[s.BodyId], Answers.FromJson(s.AnswersJson), asOf, view, links);
                named.UnionWith(result.Services.Where(o => o.ServiceId is null && !string.IsNullOrWhiteSpace(o.OtherText)).Select(o => OtherServices.Normalise(o.OtherText!)));
                var (evaluation, rows) = Rows(campaignId, s.BodyId, s.Version, result, asOf, view.Id, now);
                evaluations.Add(evaluation);
                services.AddRange(rows);
            }

            await InsertAsync(connection, dbTransaction, "evaluations",
                ["CampaignId", "BodyId", "Version", "Status", "MainFindings", "ResultJson", "AsOf", "Authority", "EvaluatedAt"],
                evaluations, e => [e.CampaignId, e.BodyId, e.Version, e.Status.ToStored(), e.MainFindings, e.ResultJson, e.AsOf, e.Authority, e.EvaluatedAt], cancel).ConfigureAwait(false);
            await InsertAsync(connection, dbTransaction, "evaluation_services", ["CampaignId", "BodyId", "Service", "Verdict"],
                services, e => [e.CampaignId, e.BodyId, e.Service, e.Verdict.ToStored()], cancel).ConfigureAwait(false);
            count += submissions.Count;
            after = submissions[^1].BodyId;
        }

        if (named.Count > 0)
        {
            await OtherServices.QueueAsync(db, campaignId, named, cancel).ConfigureAwait(false);
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return (count, asOf, view.Id);
    }

    /// <summary>
    /// Inserts rows a few hundred to a statement on PostgreSQL (one round trip each). On SQLite, which has no round
    /// trips, one prepared single-row statement is bound and stepped per row: binding a multi-row statement's thousands
    /// of named parameters costs time quadratic in their number (measured: 2.5 s of a 3.8 s re-evaluation of 21,000 bodies).
    /// </summary>
    private static async Task InsertAsync<T>(DbConnection connection, DbTransaction transaction, string table, string[] columns, IReadOnlyList<T> rows, Func<T, object[]> values, CancellationToken cancel)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            await using var single = Command(connection, transaction, table, columns, 1);
            foreach (var item in rows)
            {
                var row = values(item);
                for (var c = 0; c < columns.Length; c++)
                {
                    single.Parameters[c].Value = row[c];
                }

                await single.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
            }

            return;
        }

        const int RowsPerStatement = 400;
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            await using var command = Command(connection, transaction, table, columns, count);
            for (var r = 0; r < count; r++)
            {
                var row = values(rows[start + r]);
                for (var c = 0; c < columns.Length; c++)
                {
                    command.Parameters[(r * columns.Length) + c].Value = row[c];
                }
            }

            await command.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
        }
    }

    /// <summary>An INSERT of <paramref name="count"/> rows with parameters @p{row}_{column}, values still to be set.</summary>
    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string table, string[] columns, int count)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO {table} (\"{string.Join("\", \"", columns)}\") VALUES ");
        for (var r = 0; r < count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    public static IReadOnlyList<StoredOutcome> Outcomes(string resultJson) =>
        JsonSerializer.Deserialize<StoredOutcome[]>(resultJson, Json) ?? [];


    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>Services named in free text, and the catalogue entries supervisors linked them to.</summary>
internal static class OtherServices
{
    public const string Prefix = "other:";

    /// <summary>A service of the evaluation rows: the catalogue name, or the free text (still unlinked) in quotes.</summary>
    public static string NameOfRow(ServiceCatalog catalog, string key, Language language)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith(Prefix, StringComparison.Ordinal) ? "„" + key[Prefix.Length..] + "“" : ServiceNames.Of(catalog, key, language);
    }

    /// <summary>Trimmed, single spaces, lower case: "  Big  Blue Button " and "big blue button" are one entry.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Join(' ', words).ToLowerInvariant();
        return joined.Length <= 200 ? joined : joined[..200];
    }

    /// <summary>The links of a campaign: normalised text → catalogue id.</summary>
    public static async Task<Dictionary<string, string>> LinksAsync(AufsichtDb db, long campaignId, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var links = await db.OtherServices.AsNoTracking()
            .Where(o => o.CampaignId == campaignId && o.LinkedService != null)
            .ToDictionaryAsync(o => o.Text, o => o.LinkedService!, StringComparer.Ordinal, cancel).ConfigureAwait(false);
        // A link made in this unit of work and not saved yet counts too: it is saved with the evaluations it causes.
        foreach (var pending in db.OtherServices.Local.Where(o => o.CampaignId == campaignId && o.LinkedService != null))
        {
            links[pending.Text] = pending.LinkedService!;
        }

        return links;
    }

    /// <summary>Queues the free-text names of a submission that are new in the campaign (caller saves).</summary>
    public static async Task QueueAsync(AufsichtDb db, long campaignId, IEnumerable<string> texts, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var text in texts.Select(Normalise).Distinct(StringComparer.Ordinal))
        {
            if (!await db.OtherServices.AnyAsync(o => o.CampaignId == campaignId && o.Text == text, cancel).ConfigureAwait(false)
                && !db.OtherServices.Local.Any(o => o.CampaignId == campaignId && o.Text == text))
            {
                db.OtherServices.Add(new OtherServiceRecord { CampaignId = campaignId, Text = text });
            }
        }
    }
}
