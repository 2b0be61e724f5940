using System.Globalization;
using System.Net;
using System.Text;
using Aufsicht.Core;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Aufsicht.Features.Inventory;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Shared;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Inventory;

[Trait("Category", "Database")]
public sealed class InventoryTestsOnSqlite : InventoryTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class InventoryTestsOnPostgres : InventoryTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The migration inventory on each database: import all-or-nothing with row and column named, the body tree refusing
/// cycles, filling from a survey that keeps what a person typed, a stale revision refused, the pages in German.
/// </summary>
public abstract class InventoryTests : IAsyncLifetime
{
    private const string Products = """
        Organisation;Produkt;Säule;Arbeitsplätze;Nutzende;Postfächer;Version;Lizenzkosten;Vertragsende;Kündigungsfrist
        S-1;Microsoft Office;office;25;30;0;2021;1.200,50;31.12.2027;6
        G-2;Windows 11;operating-system;40;;;;;;
        """;

    private AppServer _server = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync() => _server = await SurveyServer.StartAsync(Database);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<Session> SignInAsync(string email = "sachbearbeitung@aufsicht.example")
    {
        var session = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(email, SurveyServer.Password)).Status);
        return session;
    }

    private long BodyId(string externalId) => _server.Db(db => db.Bodies.Single(b => b.ExternalId == externalId).Id);

    private List<InventoryProductRecord> ProductRows() => _server.Db(db => db.InventoryProducts.AsNoTracking().OrderBy(p => p.Id).ToList());

    [Fact]
    public async Task Import_GoodCsv_WritesEveryRowAsImport()
    {
        using var session = await SignInAsync();
        var (status, page, _) = await session.PostFileAsync("/migration/inventar/import", "/migration/inventar/import", "file", "bestand.csv", Encoding.UTF8.GetBytes(Products));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Importiert: 2 Produkte hinzugefügt, 0 aktualisiert", page, StringComparison.Ordinal);
        var rows = ProductRows();
        Assert.Equal(2, rows.Count);
        var office = rows.Single(r => r.Product == "Microsoft Office");
        Assert.Equal((BodyId("S-1"), Pillar.Office, 25, 30, 120050L, new DateOnly(2027, 12, 31), 6, InventorySource.Import),
            (office.BodyId, office.Pillar, office.Workplaces, office.Users, office.LicenceCentsPerUnitYear!.Value, office.ContractEnd!.Value, office.NoticeMonths!.Value, office.Source));
        Assert.Equal((0, (long?)null), (rows.Single(r => r.Product == "Windows 11").Users, rows.Single(r => r.Product == "Windows 11").LicenceCentsPerUnitYear));

        // The same file again updates, adds nothing, deletes nothing.
        (_, page, _) = await session.PostFileAsync("/migration/inventar/import", "/migration/inventar/import", "file", "bestand.csv", Encoding.UTF8.GetBytes(Products));
        Assert.Contains("Importiert: 0 Produkte hinzugefügt, 2 aktualisiert", page, StringComparison.Ordinal);
        Assert.Equal(2, ProductRows().Count);
    }

    [Fact]
    public async Task Import_OneBadCellAmongGoodRows_WritesNothing_NamesRowAndColumn()
    {
        using var session = await SignInAsync();
        var bad = Products + "\nS-1;LibreOffice;office;1;1;0;;zwölf Euro;;\nX-9;Thunderbird;mail;;;;;;;\n";

        var (status, page, _) = await session.PostFileAsync("/migration/inventar/import", "/migration/inventar/import", "file", "bestand.csv", Encoding.UTF8.GetBytes(bad));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Zeile 4, Spalte „Lizenzkosten“: „zwölf Euro“ ist kein Betrag in Euro", page, StringComparison.Ordinal);
        Assert.Contains("Zeile 5, Spalte „Organisation“: „X-9“ ist keine Kennung", page, StringComparison.Ordinal);
        Assert.Empty(ProductRows());
    }

    [Fact]
    public async Task Import_XlsxWithBothSheets_ExportedAndReadBack_KeepsEveryValue()
    {
        using var session = await SignInAsync();
        var applications = "body,name,kind,dependsOn,compatibility,users,note\nS-1,Zeugnisprogramm,specialised,\"windows,office-suite\",needs-work,12,läuft nur mit Makros\n";
        await session.PostFileAsync("/migration/inventar/import", "/migration/inventar/import", "file", "bestand.csv", Encoding.UTF8.GetBytes(Products));
        var (status, page, _) = await session.PostFileAsync("/migration/inventar/import", "/migration/inventar/import", "file", "register.csv", Encoding.UTF8.GetBytes(applications));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1 Fachverfahren hinzugefügt", page, StringComparison.Ordinal);

        using var xlsx = new MemoryStream();
        using (var scope = _server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            InventoryMapping.WriteXlsx(xlsx, await InventoryMapping.ProductRowsAsync(db, default), await InventoryMapping.ApplicationRowsAsync(db, default));
        }

        var before = _server.Db(db => db.InventoryApplications.AsNoTracking().Single());
        (status, page, _) = await session.PostFileAsync("/migration/inventar/import", "/migration/inventar/import", "file", "alles.xlsx", xlsx.ToArray());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("0 Produkte hinzugefügt, 2 aktualisiert; 0 Fachverfahren hinzugefügt, 1 aktualisiert", page, StringComparison.Ordinal);
        var after = _server.Db(db => db.InventoryApplications.AsNoTracking().Single());
        Assert.Equal((before.Name, before.Kind, before.DependsOn, before.Compatibility, before.Users, before.Note), (after.Name, after.Kind, after.DependsOn, after.Compatibility, after.Users, after.Note));
        Assert.Equal("office-suite,windows", after.DependsOn);
        Assert.Equal(120050L, ProductRows().Single(r => r.Product == "Microsoft Office").LicenceCentsPerUnitYear);
    }

    [Fact]
    public async Task BodyTree_ParentCycleInImportAndForm_Refused_ValidParentStored()
    {
        using var session = await SignInAsync();
        var cycle = "Kennung;Name;Art;Land;Übergeordnet\nM-1;Ministerium;Landesbehörde;MV;A-1\nA-1;Amt;Landesbehörde;MV;M-1\n";
        var (status, page, _) = await session.PostFileAsync("/organisationen/import", "/organisationen/import", "file", "baum.csv", Encoding.UTF8.GetBytes(cycle));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Zeile 2, Spalte „parent“", page, StringComparison.Ordinal);
        Assert.Contains("wäre die Organisation sich selbst übergeordnet", page, StringComparison.Ordinal);
        Assert.False(_server.Db(db => db.Bodies.Any(b => b.ExternalId == "M-1")));

        var tree = "Kennung;Name;Art;Land;Übergeordnet\nM-1;Ministerium;Landesbehörde;MV;\nA-1;Amt;Landesbehörde;MV;M-1\n";
        (status, _, _) = await session.PostFileAsync("/organisationen/import", "/organisationen/import", "file", "baum.csv", Encoding.UTF8.GetBytes(tree));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(BodyId("M-1"), _server.Db(db => db.Bodies.Single(b => b.ExternalId == "A-1").ParentId));

        // A list without the parent column (an older file) leaves the tree alone.
        (status, _, _) = await session.PostFileAsync("/organisationen/import", "/organisationen/import", "file", "alt.csv", Encoding.UTF8.GetBytes("Kennung;Name;Art;Land\nA-1;Amt;Landesbehörde;MV\n"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(BodyId("M-1"), _server.Db(db => db.Bodies.Single(b => b.ExternalId == "A-1").ParentId));

        // The ministry below its own office: refused on the body's page, naming the field.
        var ministry = _server.Db(db => db.Bodies.Single(b => b.ExternalId == "M-1"));
        var url = $"/organisationen/{ministry.Id}";
        (status, page, _) = await session.PostFormAsync(url, url, [new("externalId", "M-1"), new("name", "Ministerium"), new("kind", "state-authority"), new("state", "MV"),
            new("language", "de"), new("parent", "A-1"), new("revision", ministry.UpdatedAt.Ticks.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("sich selbst übergeordnet", page, StringComparison.Ordinal);
        Assert.Null(_server.Db(db => db.Bodies.Single(b => b.ExternalId == "M-1").ParentId));

        var export = Encoding.UTF8.GetString((await session.DownloadAsync("/organisationen/export.csv?variant=machine")).Content);
        Assert.Contains("A-1,Amt,state-authority,,MV,true,false,,,de,M-1", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FillFromCampaign_RowsWithPillars_SecondRunKeepsABrowserEditedRow()
    {
        using var supervisor = await SignInAsync();
        var (campaign, links) = await _server.StartCampaignAsync(supervisor, "Videokonferenzen 2026");
        Assert.Equal(HttpStatusCode.OK, await PutAsync(links["schule@example.org"], SurveyAnswers.Json("zoom", "120")));
        Assert.Equal(HttpStatusCode.OK, await PutAsync(links["gemeinde@example.org"], SurveyAnswers.Json("jitsi-self-operated", "40")));
        var id = campaign.ToString(CultureInfo.InvariantCulture);

        var (status, page, _) = await supervisor.PostFormAsync("/migration/inventar/aus-umfrage", "/migration/inventar/aus-umfrage", [new("campaign", id)]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2 Stellen mit Antworten: 2 Produkte hinzugefügt, 0 aktualisiert, 0 unverändert gelassen", page, StringComparison.Ordinal);
        var zoom = ProductRows().Single(r => r.Product == "zoom");
        Assert.Equal((BodyId("S-1"), Pillar.Video, 120, 0, InventorySource.Survey, (long?)campaign), (zoom.BodyId, zoom.Pillar, zoom.Users, zoom.Workplaces, zoom.Source, zoom.CampaignId));

        // A person corrects the municipality's row in the browser: it becomes theirs.
        var jitsi = ProductRows().Single(r => r.Product == "jitsi-self-operated");
        var bodyPage = $"/migration/inventar/{jitsi.BodyId}";
        (status, _, _) = await supervisor.PostFormAsync(bodyPage, bodyPage + "?handler=Product", [new("row", jitsi.Id.ToString(CultureInfo.InvariantCulture)),
            new("revision", jitsi.Revision.ToString(CultureInfo.InvariantCulture)), new("product", "jitsi-self-operated"), new("pillar", "video"), new("users", "7"), new("workplaces", "3")]);
        Assert.Equal(HttpStatusCode.Redirect, status);

        (status, page, _) = await supervisor.PostFormAsync("/migration/inventar/aus-umfrage", "/migration/inventar/aus-umfrage", [new("campaign", id)]);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("0 Produkte hinzugefügt, 0 aktualisiert, 1 unverändert gelassen", page, StringComparison.Ordinal);
        var kept = ProductRows().Single(r => r.Product == "jitsi-self-operated");
        Assert.Equal((InventorySource.Browser, 7, 3), (kept.Source, kept.Users, kept.Workplaces));
    }

    [Fact]
    public async Task SaveProduct_StaleRevision_Conflict_AndThePageSays409()
    {
        var body = BodyId("G-2");
        using (var scope = _server.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<InventoryStore>();
            var fields = new Dictionary<string, string?> { ["product"] = "Exchange 2019", ["pillar"] = "mail", ["mailboxes"] = "80" };
            var added = await store.SaveProductAsync(body, null, null, fields, default);
            Assert.True(added.IsOk, string.Join("; ", added.Errors));
            var changed = await store.SaveProductAsync(body, added.Value.Id, 0, fields, default);
            Assert.True(changed.IsOk, string.Join("; ", changed.Errors));

            var stale = await store.SaveProductAsync(body, added.Value.Id, 0, new Dictionary<string, string?>(fields) { ["mailboxes"] = "1" }, default);
            Assert.Equal((ErrorKind.Conflict, "inventory.changed"), (Assert.Single(stale.Errors).Kind, stale.Errors[0].Key));
            var invalid = await store.SaveProductAsync(body, added.Value.Id, 1, new Dictionary<string, string?>(fields) { ["noticeMonths"] = "61", ["workplaces"] = "-1" }, default);
            Assert.Equal(["noticeMonths", "workplaces"], invalid.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        }

        Assert.Equal(80, ProductRows().Single().Mailboxes);
        using var session = await SignInAsync();
        var row = ProductRows().Single();
        var url = $"/migration/inventar/{body}";
        var (status, page, _) = await session.PostFormAsync(url, url + "?handler=DeleteProduct", [new("row", row.Id.ToString(CultureInfo.InvariantCulture)), new("revision", "0")]);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("jemand anderes hat diese Zeile geändert", page, StringComparison.Ordinal);
        Assert.Single(ProductRows());
    }

    [Fact]
    public async Task Pages_InGerman_ShowNoKeyNorEnglish_ReaderMayNotChange()
    {
        using var session = await SignInAsync();
        await session.PostFileAsync("/migration/inventar/import", "/migration/inventar/import", "file", "bestand.csv", Encoding.UTF8.GetBytes(Products));
        var body = BodyId("S-1");
        foreach (var path in new[] { "/migration/inventar", $"/migration/inventar/{body}", "/migration/inventar/import", "/migration/inventar/aus-umfrage" })
        {
            var (status, page, _) = await session.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain("inventory.", page, StringComparison.Ordinal);
            foreach (var english in new[] { "Workplaces", "Licence cost", "Products", "Survey", "Import an", ">Save<", "per unit", "Typed in" })
            {
                Assert.DoesNotContain(english, page, StringComparison.Ordinal);
            }
        }

        var overview = (await session.GetAsync("/migration/inventar")).Body;
        Assert.Contains("Arbeitsplätze, aber kein Register der Fachverfahren", overview, StringComparison.Ordinal);
        Assert.Contains(">Migration<", overview, StringComparison.Ordinal);

        using var reader = await SignInAsync("leitung@aufsicht.example");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/migration/inventar/{body}")).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await reader.GetAsync("/migration/inventar/import")).Status);
    }

    private async Task<HttpStatusCode> PutAsync(string link, string answers)
    {
        using var client = new HttpClient { BaseAddress = _server.Address };
        using var content = new StringContent(answers, Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(new Uri("/api/v1/responses/" + link.Split('/')[^1], UriKind.Relative), content);
        return response.StatusCode;
    }
}
