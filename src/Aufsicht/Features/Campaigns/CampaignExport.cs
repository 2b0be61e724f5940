using System.Globalization;
using System.Text;
using Aufsicht.Core.Evaluation;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Features.Evaluation;
using Aufsicht.Features.Questionnaires;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Aufsicht.Features.Campaigns;

/// <summary>
/// A campaign's answers and results as CSV or XLSX: one row per body asked, with its status, main findings, the
/// verdict per service, and every answer of its newest submitted version in questionnaire order.
/// </summary>
internal static class CampaignExport
{
    /// <summary>The export's endpoint name, for links (<c>Url.RouteUrl</c>).</summary>
    public const string Route = "CampaignExport";

    /// <summary>Maps the export into the campaign's group (<see cref="CampaignsApi"/>), which holds the path's campaign and the policy.</summary>
    public static void MapCampaignExport(this RouteGroupBuilder campaign) =>
        campaign.MapGet("/export.{format}", async (long id, string format, AufsichtDb db, QuestionnaireStore questionnaires, CancellationToken cancel) =>
        {
            if (format is not ("csv" or "xlsx"))
            {
                return Results.NotFound();
            }

            var table = await RowsAsync(db, questionnaires, id, cancel).ConfigureAwait(false);
            if (table is null)
            {
                return Results.NotFound();
            }

            var (headers, rows) = table.Value;
            using var stream = new MemoryStream();
            if (format == "csv")
            {
                // UTF-8 with BOM, so that spreadsheet programs show umlauts right; RFC 4180 quoting.
                using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
                {
                    foreach (var line in rows.Prepend([.. headers]))
                    {
                        writer.Write(string.Join(',', line.Select(Quote)));
                        writer.Write("\r\n");
                    }
                }

                return Results.File(stream.ToArray(), "text/csv; charset=utf-8", $"umfrage-{id}.csv");
            }

            var sheet = rows.Select(row =>
            {
                var record = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < headers.Count; i++)
                {
                    record[headers[i]] = row[i];
                }

                return record;
            });
            stream.SaveAs(sheet, sheetName: "Antworten");
            return Results.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"umfrage-{id}.xlsx");
        }).WithName(Route);

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static async Task<(IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows)?> RowsAsync(AufsichtDb db, QuestionnaireStore questionnaires, long campaignId, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(questionnaires);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancel).ConfigureAwait(false);
        if (campaign is null)
        {
            return null;
        }

        var questionnaire = (await questionnaires.GetAsync(campaign.QuestionnaireId, cancel).ConfigureAwait(false)).Definition;
        var bodies = await db.CampaignBodies.Where(t => t.CampaignId == campaignId).Join(db.Bodies, t => t.BodyId, b => b.Id, (_, b) => b)
            .AsNoTracking().OrderBy(b => b.Name).ThenBy(b => b.Id).ToListAsync(cancel).ConfigureAwait(false);
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.CampaignId == campaignId).ToDictionaryAsync(e => e.BodyId, cancel).ConfigureAwait(false);
        var latest = await db.Responses.Where(r => r.CampaignId == campaignId && r.SubmittedVersion > 0)
            .Join(db.ResponseVersions, r => new { r.Id, V = r.SubmittedVersion }, v => new { Id = v.ResponseId, V = v.Version }, (r, v) => new { r.BodyId, v.Version, v.SubmittedAt, v.Receipt, v.AnswersJson })
            .AsNoTracking().ToDictionaryAsync(x => x.BodyId, cancel).ConfigureAwait(false);
        var answers = latest.ToDictionary(p => p.Key, p => Answers.FromJson(p.Value.AnswersJson));

        // Answer columns in questionnaire order; per-service questions once per service anyone picked.
        var keys = new List<string>();
        foreach (var a in answers.Values.SelectMany(x => SurveyForm.Asked(questionnaire, x)))
        {
            if (!keys.Contains(a.Key))
            {
                keys.Add(a.Key);
            }

            var other = Answers.OtherKey(a.Question.Id);
            if (a.Question.Kind == QuestionKind.Services && a.Question.AllowOther && !keys.Contains(other))
            {
                keys.Add(other);
            }
        }

        var order = questionnaire.AllQuestions().Select((q, i) => (q.Question.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        keys = keys.OrderBy(k => order.GetValueOrDefault(k.Split('@', '.')[0], int.MaxValue)).ThenBy(k => k, StringComparer.Ordinal).ToList();

        string[] headers = ["externalId", "name", "kind", "region", "state", "status", "mainFindings", "verdicts", "version", "submittedAt", "receipt", .. keys];
        var rows = new List<string[]>(bodies.Count);
        foreach (var body in bodies)
        {
            evaluations.TryGetValue(body.Id, out var evaluation);
            latest.TryGetValue(body.Id, out var version);
            answers.TryGetValue(body.Id, out var given);
            var verdicts = evaluation is null ? string.Empty
                : string.Join("; ", CampaignEvaluator.Outcomes(evaluation.ResultJson).Select(o => $"{o.Service ?? OtherServices.Prefix + o.Other}={o.Verdict}"));
            string[] fixedCells =
            [
                body.ExternalId, body.Name, body.Kind, body.Region ?? string.Empty, body.State, ((Compliance?)evaluation?.Status).ToStored(),
                evaluation?.MainFindings ?? string.Empty, verdicts, version?.Version.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                version?.SubmittedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty, version?.Receipt ?? string.Empty,
            ];
            rows.Add([.. fixedCells, .. keys.Select(k => given is null ? string.Empty : string.Join("; ", given.Get(k)))]);
        }

        return (headers, rows);
    }
}
