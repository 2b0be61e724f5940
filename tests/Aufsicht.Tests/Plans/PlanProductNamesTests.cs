using System.Net;
using System.Text;
using Aufsicht.Data;
using Aufsicht.Features.Campaigns;
using Aufsicht.Features.Plans;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Xunit;

namespace Aufsicht.Tests.Plans;

/// <summary>
/// Products whose name is words rather than a brand („Proprietary telephony system“) are named in German on German
/// pages and documents of the Schleswig-Holstein demo's plan (products.json's <c>nameDe</c>), in English on English ones.
/// </summary>
[Trait("Category", "Database")]
public sealed class PlanProductNamesTests : IAsyncLifetime
{
    private AppServer _server = null!;
    private long _plan;

    public async Task InitializeAsync()
    {
        _server = await SurveyServer.StartAsync("sqlite");
        using var scope = _server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        await DemoMigration.SeedStateAsync(db, DateTime.UtcNow, CancellationToken.None);
        _plan = await PlanTestData.CreatePlanAsync(_server, PlanTestData.Draft("Schleswig-Holstein (Demo)", PlanCapacities.Default));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ShDemoPlan_GermanPagesAndTimeline_NameTheTelephonyInGerman_EnglishInEnglish()
    {
        var session = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password)).Status);
        var telephony = _server.Db(db => db.PlanPackages.AsNoTracking().Where(p => p.PlanId == _plan && p.Product == "proprietary-telephony").OrderBy(p => p.Id).ToList());
        Assert.Contains(telephony, p => p.Phase == "cancellation");
        var cancellation = telephony.First(p => p.Phase == "cancellation");
        var body = _server.Db(db => db.InventoryProducts.AsNoTracking().First(p => p.Product == "proprietary-telephony").BodyId);

        string[] pages =
        [
            $"/migration/plaene/{_plan}",
            $"/migration/plaene/{_plan}?saeule=telephony",
            $"/migration/plaene/{_plan}/stand",
            $"/migration/plaene/paket/{cancellation.Id}",
            $"/migration/inventar/{body}",
        ];
        // The targets' English names where they are words („Open-source telephony“, „GNU/Linux desktop“), from the shipped file.
        var targets = _server.Services.GetRequiredService<MigrationData>().Targets;
        var englishTargets = targets.ByPillar.Values.SelectMany(c => c).Where(c => c.NameDe is not null).Select(c => c.Name)
            .Concat(targets.Bundles.SelectMany(b => b.Components).Where(c => c.NameDe is not null).Select(c => c.Name)).ToList();
        Assert.Contains("Open-source telephony", englishTargets);
        var seen = new StringBuilder();
        foreach (var path in pages)
        {
            var (status, page, _) = await session.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            var text = WebUtility.HtmlDecode(page);
            Assert.DoesNotContain("Proprietary", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("proprietary-telephony", text, StringComparison.Ordinal);
            Assert.DoesNotContain("on premises", text, StringComparison.Ordinal);
            Assert.All(englishTargets, name => Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("self-operated", text, StringComparison.Ordinal);
            seen.Append(text);
        }

        // The plan's targets per pillar, by their German names, with how they were chosen.
        Assert.Contains("<td>Open-Source-Telefonie</td><td>Umstieg: im Katalog nicht bewertet</td>", seen.ToString(), StringComparison.Ordinal);
        Assert.Contains("<td>GNU/Linux-Arbeitsplatz</td><td>Umstieg: im Katalog grün bewertet</td>", seen.ToString(), StringComparison.Ordinal);
        Assert.Contains("(Proprietäre Telefonanlage)", seen.ToString(), StringComparison.Ordinal); // the cancellation's name
        Assert.Contains("<th scope=\"row\">Proprietäre Telefonanlage</th>", seen.ToString(), StringComparison.Ordinal); // the inventory's row
        var pdf = PdfText((await session.DownloadAsync($"/migration/plaene/{_plan}/zeitschiene.pdf")).Content);
        Assert.DoesNotContain("Proprietary", pdf, StringComparison.OrdinalIgnoreCase);
        Assert.All(englishTargets, name => Assert.DoesNotContain(name, pdf, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("self-operated", pdf, StringComparison.Ordinal);

        session.Cookies.Add(_server.Address, new Cookie("aufsicht-lang", "en"));
        var english = WebUtility.HtmlDecode((await session.GetAsync($"/migration/plaene/paket/{cancellation.Id}")).Body);
        Assert.Contains("(Proprietary telephony system)", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Proprietäre", english, StringComparison.Ordinal);
        var englishPlan = WebUtility.HtmlDecode((await session.GetAsync($"/migration/plaene/{_plan}")).Body);
        Assert.Contains("<td>Open-source telephony</td><td>Move: not assessed in the catalogue</td>", englishPlan, StringComparison.Ordinal);
        Assert.DoesNotContain("Open-Source-Telefonie", englishPlan, StringComparison.Ordinal);
    }

    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
