using System.Net;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Aufsicht.Tests.Plans;

[Trait("Category", "Database")]
public sealed class PlanTargetsPageTestsOnSqlite : PlanTargetsPageTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class PlanTargetsPageTestsOnPostgres : PlanTargetsPageTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// A plan keeps the targets it was created with and its page shows them: per pillar the target by name and how it was
/// chosen, and the lines of the inventory that got no target — no packages for them, and the reason in the page's
/// language, not left out in silence.
/// </summary>
public abstract class PlanTargetsPageTests : IAsyncLifetime
{
    /// <summary>The test inventory and a product of a pillar no target is listed for (specialised applications).</summary>
    private const string Products = PlanTestData.Products + "\nS-1;Haushaltsverfahren HKR;specialised-applications;40;40;0;;50,00;31.12.2027;6\n";

    private AppServer _server = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await SurveyServer.StartAsync(Database);
        await PlanTestData.ImportInventoryAsync(_server, Products);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PlanPage_ShowsTargetsPerPillar_AndTheLineWithoutTarget_WithItsReason_InEachLanguage()
    {
        var plan = await PlanTestData.CreatePlanAsync(_server);
        Assert.DoesNotContain(_server.Db(db => db.PlanPackages.AsNoTracking().Where(p => p.PlanId == plan).Select(p => p.Product).ToList()),
            p => p is not null && p.Contains("Haushalt", StringComparison.Ordinal));
        var bodyId = _server.Db(db => db.InventoryProducts.AsNoTracking().Single(p => p.Product == "Haushaltsverfahren HKR").BodyId);
        var body = _server.Db(db => db.Bodies.AsNoTracking().Single(b => b.Id == bodyId).Name);
        var session = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password)).Status);

        var german = WebUtility.HtmlDecode((await session.GetAsync($"/migration/plaene/{plan}")).Body);
        Assert.Contains("<h2 id=\"ziele\">Ziele je Säule</h2>", german, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Bürosoftware</th><td>LibreOffice</td><td>Umstieg: im Katalog grün bewertet</td><td class=\"number\">2</td>", german, StringComparison.Ordinal);
        Assert.Contains("<td>GNU/Linux-Arbeitsplatz</td><td>Umstieg: im Katalog grün bewertet</td><td class=\"number\">1</td>", german, StringComparison.Ordinal);
        Assert.Contains("Ohne grünes Ziel, daher ohne Arbeitspakete – Zeilen des Bestands: 1", german, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">{body}</th><td>Haushaltsverfahren HKR</td><td>Fachverfahren</td><td>für die Säule Fachverfahren ist kein Ziel hinterlegt</td>", german, StringComparison.Ordinal);
        Assert.DoesNotContain("migration.target", german, StringComparison.Ordinal);
        Assert.DoesNotContain(">specialised-applications<", german, StringComparison.Ordinal); // (an option's value may be the wire name; no text is)

        // The timeline for the government says the same.
        var pdf = PdfText((await session.DownloadAsync($"/migration/plaene/{plan}/zeitschiene.pdf")).Content);
        Assert.Contains("Ziele je Säule", pdf, StringComparison.Ordinal);
        Assert.Contains("GNU/Linux-Arbeitsplatz", pdf, StringComparison.Ordinal);
        // (A cell's lines wrap: the words of the next cell come between them.)
        Assert.Contains("Haushaltsverfahren Fachverfahren für die Säule Fachverfahren ist kein Ziel", pdf, StringComparison.Ordinal);

        session.Cookies.Add(_server.Address, new Cookie("aufsicht-lang", "en"));
        var english = WebUtility.HtmlDecode((await session.GetAsync($"/migration/plaene/{plan}")).Body);
        Assert.Contains("<th scope=\"row\">Office suite</th><td>LibreOffice</td><td>Move: rated green in the catalogue</td>", english, StringComparison.Ordinal);
        Assert.Contains("<td>Haushaltsverfahren HKR</td><td>Specialised applications</td><td>no target is listed for the pillar Specialised applications</td>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Bürosoftware", english, StringComparison.Ordinal);
    }

    private static string PdfText(byte[] bytes)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Fact]
    public async Task PlanCreatedBeforeTargetsWereKept_PageSaysSo_InsteadOfAnEmptyTable()
    {
        var plan = await PlanTestData.CreatePlanAsync(_server);
        _server.Db(db => db.MigrationPlans.Where(p => p.Id == plan).ExecuteUpdate(s => s.SetProperty(p => p.TargetsJson, "{\"bundle\":null}")));
        var session = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password)).Status);

        var german = WebUtility.HtmlDecode((await session.GetAsync($"/migration/plaene/{plan}")).Body);
        Assert.Contains("Für diesen Plan ist die Wahl der Ziele nicht gespeichert", german, StringComparison.Ordinal);
        Assert.DoesNotContain("Ohne grünes Ziel", german, StringComparison.Ordinal);
    }
}
