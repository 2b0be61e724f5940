using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Documents;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Evaluation;
using Aufsicht.Features.Questionnaires;
using Aufsicht.Features.Shared;
using Aufsicht.Web;

namespace Aufsicht.Features.Campaigns;

/// <summary>
/// A campaign's results as a report for an authority's annual report (ODT to edit, PDF to file), and the charts that
/// the dashboard shows too, so page and report draw the same pictures from the same figures.
/// </summary>
internal static class CampaignReport
{
    /// <summary>More bars than this make the services chart unreadable; the table beside it lists every service.</summary>
    public const int ChartedServices = 12;

    /// <summary>The reports' endpoint names, for links (<c>Url.RouteUrl</c>).</summary>
    public const string OdtRoute = "CampaignReportOdt", PdfRoute = "CampaignReportPdf";

    /// <summary>Maps the reports into the campaign's group (<see cref="CampaignsApi"/>), which holds the path's campaign and the policy.</summary>
    public static void MapCampaignReport(this RouteGroupBuilder campaign)
    {
        campaign.MapGet("/bericht.odt", (long id, HttpContext context, AufsichtDb db, DashboardCache cache, QuestionnaireStore questionnaires, CatalogStore catalog, TimeProvider clock, CancellationToken cancel) =>
            FileAsync(id, context, db, cache, questionnaires, catalog, clock, "odt", cancel))
            .WithName(OdtRoute);
        campaign.MapGet("/bericht.pdf", (long id, HttpContext context, AufsichtDb db, DashboardCache cache, QuestionnaireStore questionnaires, CatalogStore catalog, TimeProvider clock, CancellationToken cancel) =>
            FileAsync(id, context, db, cache, questionnaires, catalog, clock, "pdf", cancel))
            .WithName(PdfRoute);
    }

    private static async Task<IResult> FileAsync(long id, HttpContext context, AufsichtDb db, DashboardCache cache, QuestionnaireStore questionnaires, CatalogStore catalog, TimeProvider clock, string format, CancellationToken cancel)
    {
        // Every deficient body: the report is the record, not a page of it.
        var data = await CampaignDashboard.LoadAsync(db, cache, id, page: null, regions: 12, cancel).ConfigureAwait(false);
        if (data is null)
        {
            return Results.NotFound();
        }

        var language = UiLanguageMiddleware.Of(context);
        var campaign = data.Campaign;
        var names = new ReportNames(
            (await questionnaires.GetAsync(campaign.QuestionnaireId, cancel).ConfigureAwait(false)).Definition.Title.In(language),
            catalog.Catalog.FindAuthority(campaign.Authority)?.Name.In(language) ?? campaign.Authority,
            key => ServiceName(catalog, key, language),
            catalog.Data.Criteria);
        var document = Build(data, names, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), language);
        using var stream = new MemoryStream();
        if (format == "odt")
        {
            OdtWriter.Write(document, stream);
            return Results.File(stream.ToArray(), "application/vnd.oasis.opendocument.text", $"umfrage-{id}-bericht.odt");
        }

        PdfWriter.Write(document, stream);
        return Results.File(stream.ToArray(), "application/pdf", $"umfrage-{id}-bericht.pdf");
    }

    /// <summary>The report of a campaign; <paramref name="data"/> should hold all deficient bodies (<c>page: null</c>).</summary>
    public static ReportDocument Build(DashboardData data, ReportNames names, DateOnly today, Language language)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(names);
        string T(string key) => Texts.T(language, key);
        var campaign = data.Campaign;
        var overall = data.Figures.Overall;
        var answered = overall.Total - overall.NotAnswered;
        string Share(int part) => $"{ReportFormat.Number(part, language)} ({ReportFormat.Percent(Percent(part, overall.Total), language)})";

        List<KeyValue> about =
        [
            new(T("report.campaign.questionnaire"), names.Questionnaire),
            new(T("report.campaign.state"), T("campaign.state." + campaign.State.ToStored())),
        ];
        if (campaign.StartedAt is { } started)
        {
            about.Add(new(T("report.campaign.started"), ReportFormat.Date(DateOnly.FromDateTime(started), language)));
        }

        about.Add(new(T("report.campaign.deadline"), ReportFormat.Date(campaign.Deadline, language)));
        if (campaign.ClosedAt is { } closed)
        {
            about.Add(new(T("report.campaign.closed"), ReportFormat.Date(DateOnly.FromDateTime(closed), language)));
        }

        about.Add(new(T("report.campaign.asOf"), campaign.EvaluationAsOf is { } asOf ? ReportFormat.Date(asOf, language) : T("report.campaign.asOfEach")));
        about.Add(new(T("report.campaign.authority"), names.Authority));

        List<Block> blocks =
        [
            new Heading(T("report.campaign.about")),
            new KeyValues(about),
            new Heading(T("report.campaign.figures")),
            new KeyValues(
            [
                new(T("report.campaign.asked"), ReportFormat.Number(overall.Total, language)),
                new(T("report.campaign.answered"), Share(answered)),
                new(T("report.campaign.compliant"), Share(overall.Compliant)),
                new(T("report.campaign.deficient"), Share(overall.Deficient)),
                new(T("report.campaign.unclear"), Share(overall.Unclear)),
                new(T("report.campaign.notAnswered"), Share(overall.NotAnswered)),
            ]),
            new Paragraph(T("report.campaign.sharesNote")),
            new Heading(T("report.campaign.results")),
            new Heading(T("report.campaign.section.responses"), 2),
            new Chart(ResponseRate(data, language)),
            new Heading(T("report.campaign.section.kind"), 2),
            new Chart(ByKind(data, language)),
            SvgChart.TableOf(ByKind(data, language), language),
            new Heading(T("report.campaign.section.region"), 2),
            new Chart(ByRegion(data, language)),
            SvgChart.TableOf(ByRegion(data, language), language),
            new Heading(T("report.campaign.section.services"), 2),
        ];

        if (data.Figures.Services.Count > 0)
        {
            blocks.Add(new Chart(Services(data, names.Service, language)));
            if (data.Figures.Services.Count > ChartedServices)
            {
                blocks.Add(new Paragraph(Texts.T(language, "campaign.chart.topServices", ChartedServices)));
            }

            blocks.Add(SvgChart.TableOf(Services(data, names.Service, language, all: true), language));
        }
        else
        {
            blocks.Add(new Paragraph(T("report.campaign.noServices")));
        }

        blocks.Add(new Heading(T("campaign.deficientBodies")));
        if (data.Deficient.Count > 0)
        {
            blocks.Add(new Paragraph(Texts.T(language, "report.campaign.deficientIntro", data.Deficient.Count)));
            blocks.Add(new Table(
                T("campaign.deficientBodies"),
                [T("campaign.body"), T("campaigns.kind"), T("campaigns.region"), T("campaign.mainFindings")],
                [.. data.Deficient.Select(b => (IReadOnlyList<string>)[b.Name, T("kind." + b.Kind), b.Region ?? string.Empty, CriterionLabel.Text(names.Criteria, b.MainFindings, language, "\n")])]));
        }
        else
        {
            blocks.Add(new Paragraph(T("report.campaign.noDeficient")));
        }

        blocks.Add(new Heading(T("report.campaign.method")));
        blocks.Add(new Paragraph(T("report.campaign.methodText")));
        blocks.Add(new Paragraph(T("report.campaign.criteriaText")));
        if (Legend(data, names.Criteria, language) is { } legend)
        {
            blocks.Add(new Heading(T("report.campaign.legend"), 2));
            blocks.Add(legend);
        }

        return new ReportDocument(campaign.Title, Texts.T(language, "report.campaign.subtitle", ReportFormat.Date(today, language)), language, blocks);
    }

    /// <summary>Share of bodies asked that have answered, per day, from the day the campaign started.</summary>
    public static LineChart ResponseRate(DashboardData data, Language language)
    {
        ArgumentNullException.ThrowIfNull(data);
        var total = data.Figures.Overall.Total;
        var points = data.Figures.Responses.Select(r => new LinePoint(r.Day, Math.Min(100, Percent(r.Cumulative, total)))).ToList();
        if (data.Campaign.StartedAt is { } started && (points.Count == 0 || DateOnly.FromDateTime(started) < points[0].Date))
        {
            points.Insert(0, new LinePoint(DateOnly.FromDateTime(started), 0));
        }

        return new LineChart(Texts.T(language, "campaign.responses"), null, Texts.T(language, "campaign.rate"), points);
    }

    public static BarChart ByKind(DashboardData data, Language language)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Statuses(Texts.T(language, "campaign.byKind"), Texts.T(language, "campaigns.kind"), data.Figures.ByKind, g => Texts.T(language, "kind." + g), language);
    }

    public static BarChart ByRegion(DashboardData data, Language language)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Statuses(Texts.T(language, "campaign.byRegion"), Texts.T(language, "campaigns.region"), data.Figures.ByRegion,
            g => g.Length == 0 ? Texts.T(language, "campaign.noRegion") : g, language);
    }

    /// <summary>Bodies using each service, stacked by the verdict of their use; the most used first.</summary>
    public static BarChart Services(DashboardData data, Func<string, string> serviceName, Language language, bool all = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(serviceName);
        return new BarChart(
            Texts.T(language, "campaign.services"),
            null,
            Texts.T(language, "table.service"),
            [
                new ChartSeries(Texts.T(language, "level.green"), Tone.Green),
                new ChartSeries(Texts.T(language, "level.yellow"), Tone.Yellow),
                new ChartSeries(Texts.T(language, "level.red"), Tone.Red),
                new ChartSeries(Texts.T(language, "level.not-assessed"), Tone.Grey),
            ],
            [.. data.Figures.Services.Take(all ? int.MaxValue : ChartedServices).Select(s => new Bar(serviceName(s.Service), [s.Green, s.Yellow, s.Red, s.NotAssessed]))]);
    }

    /// <summary>A service key as people read it: the catalogue name, or the free text in quotes while it awaits its link.</summary>
    public static string ServiceName(CatalogStore catalog, string key, Language language)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(key);
        return OtherServices.NameOfRow(catalog.Catalog, key, language);
    }

    /// <summary>
    /// Every criterion the report names, with its title and articles in the reader's notation, in catalogue order: a
    /// printed report has no tooltip, and its readers (a parliament, the press) do not know the ids.
    /// </summary>
    public static Table? Legend(DashboardData data, CriteriaCatalog criteria, Language language)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(criteria);
        var named = data.Deficient.SelectMany(b => CriterionLabel.Ids(b.MainFindings)).ToHashSet(StringComparer.Ordinal);
        var rows = criteria.All.Where(c => named.Contains(c.Id))
            .Select(c => (IReadOnlyList<string>)[c.Id, c.Title.In(language), string.Join("\n", c.Articles.Select(a => ArticleNotation.Format(a, language)))])
            .Concat(named.Where(id => !criteria.Contains(id)).Order(StringComparer.Ordinal).Select(id => (IReadOnlyList<string>)[id, string.Empty, string.Empty]))
            .ToList();
        return rows.Count == 0
            ? null
            : new Table(
                Texts.T(language, "report.campaign.legend"),
                [Texts.T(language, "report.campaign.legend.id"), Texts.T(language, "report.campaign.legend.title"), Texts.T(language, "report.campaign.legend.articles")],
                rows);
    }

    private static BarChart Statuses(string title, string header, IReadOnlyList<StatusCounts> groups, Func<string, string> label, Language language) => new(
        title,
        null,
        header,
        [
            // Each tone has its own pattern too (solid, cross-hatch, diagonal, dots), so the four stay apart in greyscale.
            new ChartSeries(Texts.T(language, "status.compliant"), Tone.Green),
            new ChartSeries(Texts.T(language, "status.deficient"), Tone.Red),
            new ChartSeries(Texts.T(language, "status.unclear"), Tone.Yellow),
            new ChartSeries(Texts.T(language, "status.not-answered"), Tone.Grey),
        ],
        [.. groups.Select(g => new Bar(label(g.Group), [g.Compliant, g.Deficient, g.Unclear, g.NotAnswered]))]);

    private static double Percent(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;
}

/// <summary>What the report names but the figures hold only as ids: the questionnaire, the authority view, the services.</summary>
internal sealed record ReportNames(string Questionnaire, string Authority, Func<string, string> Service, CriteriaCatalog Criteria);
