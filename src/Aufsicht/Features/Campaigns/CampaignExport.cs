using System.Globalization;
using Aufsicht.Core.Evaluation;
using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Evaluation;
using Aufsicht.Features.Questionnaires;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns;

/// <summary>
/// A campaign's answers and results as CSV or XLSX: one row per body asked, with its status, main findings, the
/// verdict per service, and every answer of its newest submitted version in questionnaire order. German by default —
/// German column names (the questions' texts), kinds, states, lights, option labels, ja/nein, dates as 16.12.2026 and
/// times in Berlin; <c>?variant=machine</c> gives the codes, ISO dates and UTC that scripts read (<see cref="TableExport"/>).
/// </summary>
internal static class CampaignExport
{
    /// <summary>The export's endpoint name, for links (<c>Url.RouteUrl</c>).</summary>
    public const string Route = "CampaignExport";

    /// <summary>Maps the export into the campaign's group (<see cref="CampaignsApi"/>), which holds the path's campaign and the policy.</summary>
    public static void MapCampaignExport(this RouteGroupBuilder campaign) =>
        campaign.MapGet("/export.{format}", async (long id, string format, [FromQuery(Name = TableExport.VariantParameter)] string? variant,
            AufsichtDb db, QuestionnaireStore questionnaires, CatalogStore catalog, CancellationToken cancel) =>
        {
            if (format is not ("csv" or "xlsx") || TableExport.Variant(variant) is not { } chosen)
            {
                return Results.NotFound();
            }

            var table = await RowsAsync(db, questionnaires, catalog, id, chosen, cancel).ConfigureAwait(false);
            if (table is null)
            {
                return Results.NotFound();
            }

            var (headers, rows) = table.Value;
            using var stream = new MemoryStream();
            var name = chosen == ExportVariant.Machine ? $"umfrage-{id}-maschinenlesbar" : $"umfrage-{id}";
            if (format == "csv")
            {
                TableExport.WriteCsv(stream, headers, rows, chosen);
                return Results.File(stream.ToArray(), TableExport.CsvType, name + ".csv");
            }

            TableExport.WriteXlsx(stream, "Antworten", headers, rows);
            return Results.File(stream.ToArray(), TableExport.XlsxType, name + ".xlsx");
        }).WithName(Route);

    public static async Task<(IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows)?> RowsAsync(
        AufsichtDb db, QuestionnaireStore questionnaires, CatalogStore catalog, long campaignId, ExportVariant variant, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(questionnaires);
        ArgumentNullException.ThrowIfNull(catalog);
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

        var german = variant == ExportVariant.German;
        string[] fixedHeaders = german
            ? [.. FixedColumns.Select(c => Texts.T(Language.De, c.GermanKey))]
            : [.. FixedColumns.Select(c => c.Name)];
        var headers = Unique([.. fixedHeaders, .. keys.Select(k => german ? GermanHeader(questionnaire, catalog, k) : k)]);
        var rows = new List<object?[]>(bodies.Count);
        foreach (var body in bodies)
        {
            evaluations.TryGetValue(body.Id, out var evaluation);
            latest.TryGetValue(body.Id, out var version);
            answers.TryGetValue(body.Id, out var given);
            var status = ((Compliance?)evaluation?.Status).ToStored();
            var outcomes = evaluation is null ? [] : CampaignEvaluator.Outcomes(evaluation.ResultJson);
            var verdicts = german
                ? string.Join("; ", outcomes.Select(o => $"{(o.Service is null ? "„" + o.Other + "“" : ServiceNames.Of(catalog.Catalog, o.Service, Language.De))}: {Texts.T(Language.De, "level." + o.Verdict)}"))
                : string.Join("; ", outcomes.Select(o => $"{o.Service ?? OtherServices.Prefix + o.Other}={o.Verdict}"));
            object?[] fixedCells =
            [
                body.ExternalId, body.Name, german ? Texts.T(Language.De, "kind." + body.Kind) : body.Kind, body.Region ?? string.Empty, body.State,
                german ? Texts.T(Language.De, "status." + status) : status,
                evaluation is null ? string.Empty : german ? CriterionLabel.Text(catalog.Data.Criteria, evaluation.MainFindings, Language.De) : evaluation.MainFindings, verdicts, version?.Version,
                version is null ? string.Empty : TableExport.Time(version.SubmittedAt, variant), version?.Receipt ?? string.Empty,
            ];
            rows.Add([.. fixedCells, .. keys.Select(k => given is null ? null : Cell(questionnaire, catalog, given, k, variant))]);
        }

        return (headers, rows);
    }

    /// <summary>The columns before the answers: the code a machine reads, and the key of the German column name.</summary>
    private static readonly (string Name, string GermanKey)[] FixedColumns =
    [
        ("externalId", "campaign.export.externalId"), ("name", "campaign.export.name"), ("kind", "campaign.export.kind"), ("region", "campaign.export.region"), ("state", "campaign.export.state"),
        ("status", "campaign.export.status"), ("mainFindings", "campaign.export.mainFindings"), ("verdicts", "campaign.export.verdicts"), ("version", "campaign.export.version"),
        ("submittedAt", "campaign.export.submittedAt"), ("receipt", "campaign.export.receipt"),
    ];

    /// <summary>
    /// One answer cell. For machines the stored values as they are, joined by „; “. In German as the respondent read
    /// them (option labels, ja/nein/weiß nicht, service names), a number with a decimal comma, a date as 16.12.2026.
    /// A single number is a number cell, so that XLSX keeps it summable.
    /// </summary>
    private static object? Cell(Questionnaire questionnaire, CatalogStore catalog, Answers given, string key, ExportVariant variant)
    {
        var values = given.Get(key);
        if (values.Count == 0)
        {
            return null;
        }

        var question = questionnaire.Find(key.Split('@', '.')[0])?.Question;
        if (question is null || key.EndsWith(".other", StringComparison.Ordinal))
        {
            return string.Join("; ", values);
        }

        if (question.Kind == QuestionKind.Number && values.Count == 1 && SurveyForm.ParseNumber(values[0]) is { } number)
        {
            return number;
        }

        if (variant == ExportVariant.Machine)
        {
            return string.Join("; ", values);
        }

        return string.Join("; ", values.Select(v => question.Kind switch
        {
            QuestionKind.Date when DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => TableExport.Date(date, variant),
            _ => AnswerText.Of(question, v, Language.De, id => ServiceNames.InAnswers(catalog.Catalog, id, given, questionnaire, Texts.T(Language.De, "respond.other"), Language.De)),
        }));
    }

    /// <summary>A German column name for an answer key: the question's text, with the service it is asked for.</summary>
    private static string GermanHeader(Questionnaire questionnaire, CatalogStore catalog, string key)
    {
        var at = key.IndexOf('@', StringComparison.Ordinal);
        var questionId = key.Split('@', '.')[0];
        var label = questionnaire.Find(questionId)?.Question.Label.In(Language.De) ?? questionId;
        if (key.EndsWith(".other", StringComparison.Ordinal))
        {
            return $"{label} ({Texts.T(Language.De, "campaign.export.otherNamed")})";
        }

        if (at < 0)
        {
            return label;
        }

        var service = key[(at + 1)..];
        return $"{label} ({(service == Answers.Other ? Texts.T(Language.De, "respond.other") : ServiceNames.Of(catalog.Catalog, service, Language.De))})";
    }

    /// <summary>Column names must differ (two questions may read alike): a repeated one gets „(2)“, „(3)“.</summary>
    private static string[] Unique(IReadOnlyList<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new string[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            for (var n = 2; !seen.Add(name); n++)
            {
                name = FormattableString.Invariant($"{names[i]} ({n})");
            }

            result[i] = name;
        }

        return result;
    }
}
