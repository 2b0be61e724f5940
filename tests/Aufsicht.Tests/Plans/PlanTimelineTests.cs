using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Aufsicht.Core.Migration;
using Aufsicht.Features.Plans;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Xunit;

namespace Aufsicht.Tests.Plans;

[Trait("Category", "Database")]
public sealed class PlanTimelineTestsOnSqlite : PlanTimelineTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class PlanTimelineTestsOnPostgres : PlanTimelineTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// A computed plan's outputs on each database: the Gantt and costs charts on the plan page, and the timeline as ODT
/// and PDF — for staff, not for anyone signed out.
/// </summary>
public abstract partial class PlanTimelineTests : IAsyncLifetime
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private AppServer _server = null!;
    private long _plan;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await SurveyServer.StartAsync(Database);
        await PlanTestData.ImportInventoryAsync(_server);
        _plan = await PlanTestData.CreatePlanAsync(_server, PlanTestData.Draft("Zeitschiene Küste"), computeSeconds: 5);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PlanPage_ShowsGanttAndCostsCharts_OneBarPerPhaseGroup_NoKey()
    {
        using var reader = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await reader.LoginAsync("leitung@aufsicht.example", SurveyServer.Password)).Status);

        var page = await reader.GetAsync($"/migration/plaene/{_plan}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var gantt = Chart(page.Body, "chart-gantt");
        Assert.Equal("img", (string?)gantt.Attribute("role"));
        Assert.Equal("Zeitplan der Migration je Säule", gantt.Element(Svg + "title")!.Value);
        Assert.StartsWith("Zeitplan. Bürosoftware: Vorbereitung und Schulung ", gantt.Element(Svg + "desc")!.Value, StringComparison.Ordinal);

        // One bar per pillar and phase group that has packages (the bars carry a tooltip; legend swatches do not).
        var rows = _server.Db(db => db.PlanPackages.AsNoTracking().Where(p => p.PlanId == _plan).Select(p => new { p.Pillar, p.Phase }).ToList());
        var expected = rows.GroupBy(r => r.Pillar).Sum(g => g.Select(r => PlanGantt.GroupOf(r.Phase)).Distinct().Count());
        var bars = gantt.Descendants(Svg + "rect").Where(r => r.Element(Svg + "title") is not null).ToList();
        Assert.Equal(expected, bars.Count);
        Assert.Contains(bars, b => b.Element(Svg + "title")!.Value.StartsWith("Bürosoftware – Kündigung bis Lizenzende: ", StringComparison.Ordinal));
        Assert.Contains(bars, b => b.Element(Svg + "title")!.Value.StartsWith("Betriebssystem – Pilot: ", StringComparison.Ordinal));

        // The caption explains the line of today only where the chart draws it (today may lie before the plan's start).
        var line = gantt.Descendants(Svg + "line").Any(l => ((string?)l.Attribute("class"))?.Contains("chart-today", StringComparison.Ordinal) == true);
        Assert.Equal(line, page.Body.Contains("Die senkrechte Linie markiert heute", StringComparison.Ordinal));

        var costs = Chart(page.Body, "chart-costs");
        Assert.Equal("Gesparte Lizenzen und Kosten der Migration je Jahr in Euro", costs.Element(Svg + "title")!.Value);
        Assert.Contains(costs.Descendants(Svg + "text"), t => t.Value == "2027: Kosten");

        Assert.Contains(">Zeitplan der Migration je Säule</caption>", page.Body, StringComparison.Ordinal);
        Assert.Contains($"/migration/plaene/{_plan}/zeitschiene.pdf", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("plans.", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("report.", page.Body, StringComparison.Ordinal);
        Assert.DoesNotMatch(IsoMonth(), page.Body);
    }

    [Fact]
    public async Task PlanPage_NarrowedToABody_AddsItsRows_UnknownBodyIsNamed()
    {
        using var reader = _server.NewSession();
        await reader.LoginAsync("leitung@aufsicht.example", SurveyServer.Password);
        var body = _server.Db(db => db.Bodies.AsNoTracking().Single(b => b.ExternalId == "S-1"));

        var page = await reader.GetAsync($"/migration/plaene/{_plan}?stelle={body.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        // The table under the chart names each row in full (the chart wraps long labels).
        var rowHeads = RowHead().Matches(page.Body[page.Body.IndexOf(">Zeitplan der Migration je Säule</caption>", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).Take(4);
        Assert.Equal(["Bürosoftware", "Betriebssystem", $"{body.Name} · Bürosoftware", $"{body.Name} · Betriebssystem"], rowHeads);
        var bodyBars = Chart(page.Body, "chart-gantt").Descendants(Svg + "rect").Count(r => r.Element(Svg + "title")?.Value.StartsWith(body.Name + " · ", StringComparison.Ordinal) == true);
        Assert.True(bodyBars >= 4, $"{bodyBars} bars for the body's two rows");

        // The package table's pillar stays chosen when the Gantt is narrowed to another body (its form carries it along).
        var withPillar = await reader.GetAsync($"/migration/plaene/{_plan}?stelle={body.Id}&saeule=office");
        var ganttForm = withPillar.Body[withPillar.Body.IndexOf("id=\"stelle\"", StringComparison.Ordinal)..withPillar.Body.IndexOf("id=\"stelle-hint\"", StringComparison.Ordinal)];
        Assert.Contains("name=\"saeule\" value=\"office\"", ganttForm, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"saeule\"", page.Body[page.Body.IndexOf("id=\"stelle\"", StringComparison.Ordinal)..page.Body.IndexOf("id=\"stelle-hint\"", StringComparison.Ordinal)], StringComparison.Ordinal);

        var bad = await reader.GetAsync($"/migration/plaene/{_plan}?stelle=Ministerium");
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("Stelle: „Ministerium“ ist keine Stelle dieses Plans", bad.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_ReaderDownloadsOdtAndPdf_AnonymousMayNot()
    {
        using var reader = _server.NewSession();
        await reader.LoginAsync("leitung@aufsicht.example", SurveyServer.Password);

        var odt = await reader.DownloadAsync($"/migration/plaene/{_plan}/zeitschiene.odt");
        Assert.Equal((HttpStatusCode.OK, "application/vnd.oasis.opendocument.text"), (odt.Status, odt.ContentType));
        using (var zip = new ZipArchive(new MemoryStream(odt.Content), ZipArchiveMode.Read))
        {
            Assert.Equal("mimetype", zip.Entries[0].FullName);
            using var content = zip.GetEntry("content.xml")!.Open();
            var xml = XDocument.Load(content).ToString();
            Assert.Contains("Zeitschiene Küste", xml, StringComparison.Ordinal);
            Assert.Contains("Meilensteine je Säule", xml, StringComparison.Ordinal);
            Assert.Contains(zip.Entries, e => e.FullName.StartsWith("Pictures/chart", StringComparison.Ordinal));
        }

        var pdf = await reader.DownloadAsync($"/migration/plaene/{_plan}/zeitschiene.pdf");
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (pdf.Status, pdf.ContentType));
        var text = PdfText(pdf.Content);
        Assert.Contains("Zeitschiene Küste", text, StringComparison.Ordinal);
        Assert.Contains("Zeitschiene der Migration", text, StringComparison.Ordinal);
        Assert.Matches(@"\b(0[1-9]|1[0-2])/20\d\d\b", text);
        Assert.Matches(@"Berechnet am \d\d\.\d\d\.20\d\d", text);
        Assert.DoesNotMatch(IsoMonth(), Url().Replace(text, " ")); // a source's address stays as it is

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/migration/plaene/987654/zeitschiene.pdf")).Status);

        using var anonymous = _server.NewSession();
        var refused = await anonymous.GetAsync($"/migration/plaene/{_plan}/zeitschiene.pdf");
        Assert.NotEqual(HttpStatusCode.OK, refused.Status);
        Assert.DoesNotContain("%PDF", refused.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_ListsThePlansAssumptions_ValueUnitBasisAndSources_InEachLanguage()
    {
        using var reader = _server.NewSession();
        await reader.LoginAsync("leitung@aufsicht.example", SurveyServer.Password);

        // The table's rows as the ODT holds them (the PDF's words run across its cells line by line).
        var german = await ParameterRowsAsync(reader);
        Row(german, "Aufwand Bürosoftware", "0,1 Personentage je Arbeitsplatz", "Schleswig-Holstein hat LibreOffice");
        Row(german, "Aufwand Betriebssystem", "0,25 Personentage je Arbeitsplatz", "Annahme: Zwei Stunden je Gerät");
        Assert.Equal("500 Einheiten", Cells(german, "Größe einer Kohorte")[0]);
        Assert.Equal("3 Monate", Cells(german, "Dauer des Parallelbetriebs")[0]);
        Assert.Equal("5 Personen je 1.000 Nutzende", Cells(german, "Support je 1.000 Nutzende")[0]);
        Assert.Equal("800 Euro je Personentag", Cells(german, "Tagessatz")[0]);
        Assert.EndsWith("Quellen: schleswig-holstein.de, cybernews.com (Adressen unter der Tabelle)", german["Aufwand Bürosoftware"][2], StringComparison.Ordinal);
        // Only what the plan uses: it moves no mailboxes; and no English text of the data file.
        Assert.DoesNotContain("Aufwand E-Mail", german.Keys);
        Assert.DoesNotContain(german.Values.SelectMany(v => v), c => c.Contains("person-days", StringComparison.Ordinal) || c.Contains("assumption", StringComparison.Ordinal));

        var pdf = PdfText((await reader.DownloadAsync($"/migration/plaene/{_plan}/zeitschiene.pdf")).Content);
        Has(pdf, "Annahmen der Planung");
        Has(pdf, "Kapazitäten je Monat");
        Has(pdf, "Quellen der Planungsparameter Aufwand Bürosoftware: https://schleswig-holstein.de/DE/");
        Has(pdf, "(gesehen am 02.12.2026)");

        reader.Cookies.Add(_server.Address, new System.Net.Cookie("aufsicht-lang", "en"));
        var english = await ParameterRowsAsync(reader);
        Row(english, "Effort, office suite", "0.1 person-days per workplace", "Schleswig-Holstein put LibreOffice");
        Row(english, "Effort, operating system", "0.25 person-days per workplace", "Assumption: Two hours per device");
        Assert.DoesNotContain(english.Values.SelectMany(v => v), c => c.Contains("Personentage", StringComparison.Ordinal));
        Has(PdfText((await reader.DownloadAsync($"/migration/plaene/{_plan}/zeitschiene.pdf")).Content), "Planning assumptions");
    }

    /// <summary>A parameter's row: its value with unit, and how its basis begins.</summary>
    private static void Row(Dictionary<string, string[]> rows, string name, string value, string basis)
    {
        var row = Cells(rows, name);
        Assert.Equal(value, row[0]);
        Assert.StartsWith(basis, row[1], StringComparison.Ordinal);
    }

    /// <summary>The value and the basis of a parameter's row.</summary>
    private static string[] Cells(Dictionary<string, string[]> rows, string name)
    {
        Assert.True(rows.TryGetValue(name, out var row), $"no row „{name}“ in: {string.Join(" | ", rows.Keys)}");
        return [row[1], row[2]];
    }

    /// <summary>The rows of the timeline's parameters table (the one whose header starts with „Parameter“), by their first cell.</summary>
    private async Task<Dictionary<string, string[]>> ParameterRowsAsync(Session session)
    {
        var odt = await session.DownloadAsync($"/migration/plaene/{_plan}/zeitschiene.odt");
        using var zip = new ZipArchive(new MemoryStream(odt.Content), ZipArchiveMode.Read);
        await using var content = zip.GetEntry("content.xml")!.Open();
        var xml = await XDocument.LoadAsync(content, LoadOptions.None, CancellationToken.None);
        XNamespace table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
        var rows = xml.Descendants(table + "table")
            .Select(t => t.Descendants(table + "table-row").Select(r => r.Elements(table + "table-cell").Select(c => c.Value).ToArray()).ToList())
            .Single(t => t.Count > 0 && t[0].Length == 3 && t[0][0] == "Parameter");
        return rows.Skip(1).ToDictionary(r => r[0], r => r);
    }

    private static void Has(string text, string expected) => Assert.True(text.Contains(expected, StringComparison.Ordinal), $"„{expected}“ not in: {text}");

    [Fact]
    public void ParametersText_EveryParameterHasItsNameAndGermanUnitAndBasis()
    {
        var entries = Aufsicht.Core.Migration.MigrationDataReader.ReadParameterEntries(File.ReadAllBytes(Path.Combine(Cli.Repository, "data", Aufsicht.Core.Migration.MigrationDataReader.ParametersFile))).Value;
        Assert.Equal(PlanningParameters.Ids.Order(StringComparer.Ordinal), entries.Select(e => e.Id).Order(StringComparer.Ordinal));
        foreach (var entry in entries)
        {
            Assert.True(PlanParametersText.German.TryGetValue(entry.Id, out var de), entry.Id + " has no German text");
            Assert.False(string.IsNullOrWhiteSpace(de.Unit), entry.Id);
            // The German text says what the file says: a basis where it has one, a reason where it is an assumption.
            Assert.Equal(entry.Basis == "assumption", de.Basis is null);
            Assert.Equal(entry.Reason is not null, de.Reason is not null);
            Assert.NotEqual("plans.parameter." + entry.Id, Aufsicht.Features.Texts.T(Aufsicht.Core.Law.Language.De, "plans.parameter." + entry.Id));
        }
    }

    private static XElement Chart(string page, string id)
    {
        var title = page.IndexOf($"id=\"{id}-title\"", StringComparison.Ordinal);
        Assert.True(title >= 0, $"no chart {id} on the page");
        var at = page.LastIndexOf("<svg", title, StringComparison.Ordinal);
        var end = page.IndexOf("</svg>", at, StringComparison.Ordinal) + "</svg>".Length;
        return XElement.Parse(page[at..end]);
    }

    /// <summary>The words of all pages with single spaces, as lines break wherever the layout wraps them.</summary>
    private static string PdfText(byte[] bytes)
    {
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Replace('\u00A0', ' ');
    }

    [GeneratedRegex("<th scope=\"row\">([^<]*)</th>")]
    private static partial Regex RowHead();

    [GeneratedRegex(@"\b20\d\d-(0[1-9]|1[0-2])\b")]
    private static partial Regex IsoMonth();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();
}
