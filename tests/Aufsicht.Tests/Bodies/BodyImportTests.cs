using System.Net;
using System.Text;
using Aufsicht.Data;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Bodies;

[Trait("Category", "Database")]
public sealed class BodyImportTestsOnSqlite : BodyImportTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class BodyImportTestsOnPostgres : BodyImportTests
{
    protected override string Database => "postgres";
}

/// <summary>The registry of bodies through its pages: import all-or-nothing, re-import updates, export re-imports unchanged.</summary>
[Trait("Category", "Database")]
public abstract class BodyImportTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const string Supervisor = "sachbearbeitung@aufsicht.example";
    private const string Reader = "leitung@aufsicht.example";

    private const string Csv = """
        Kennung;Name;Art;Region;Land;Öffentliche Stelle;Ansprechperson;E-Mail;Sprache
        S-001;Gymnasium Am See;Schule;Rostock;MV;ja;Erika Muster;sekretariat@gymnasium.example;de
        S-002;Grundschule Nord;Schule;Rostock;MV;ja;;;de
        G-100;Gemeinde Ahrenshoop;Gemeinde;Vorpommern-Rügen;MV;;;;
        U-1;Müller & Söhne GmbH;Unternehmen;;SH;nein;Hans Müller;info@mueller.example;en
        """;

    private AppServer _server = null!;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await AppServer.StartOnAsync(Database);
        await _server.CreateUserAsync(Supervisor, Password, "Supervisor");
        await _server.CreateUserAsync(Reader, Password, "Reader");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<Session> SignInAsync(string email)
    {
        var session = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(email, Password)).Status);
        return session;
    }

    [Fact]
    public async Task Import_XlsxThatUnpacksToMoreThanTheLimit_IsRefusedWithTheLimit_AndImportsNothing()
    {
        using var session = await SignInAsync(Supervisor);
        await Upload(session, "schulen.csv", Encoding.UTF8.GetBytes(Csv));
        var before = await BodiesAsync();

        var (status, body, _) = await Upload(session, "bombe.xlsx", BodyFileLimitTests.BombXlsx(Aufsicht.Features.Bodies.BodyFile.MaxExpandedBytes + (1024 * 1024)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Nichts wurde importiert", body, StringComparison.Ordinal);
        Assert.Contains("ergibt entpackt mehr als 50 MB", body, StringComparison.Ordinal);
        Assert.Equal(before.Select(b => (b.ExternalId, b.Name, b.UpdatedAt)), (await BodiesAsync()).Select(b => (b.ExternalId, b.Name, b.UpdatedAt)));
    }

    private static Task<(HttpStatusCode Status, string Body, Uri? Location)> Upload(Session session, string fileName, byte[] content) =>
        session.PostFileAsync("/organisationen/import", "/organisationen/import", "file", fileName, content);

    private async Task<List<BodyRecord>> BodiesAsync()
    {
        using var scope = _server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AufsichtDb>().Bodies.AsNoTracking().OrderBy(b => b.ExternalId).ToListAsync();
    }

    [Fact]
    public async Task Import_CsvWithSemicolons_AddsEveryRow_ListShowsThem()
    {
        using var session = await SignInAsync(Supervisor);
        var (status, body, _) = await Upload(session, "schulen.csv", Encoding.UTF8.GetBytes(Csv));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("4 neu angelegt, 0 geändert, 0 unverändert", body, StringComparison.Ordinal);
        var bodies = await BodiesAsync();
        Assert.Equal(["G-100", "S-001", "S-002", "U-1"], bodies.Select(b => b.ExternalId));
        var gemeinde = bodies[0];
        Assert.Equal(("municipality", "Vorpommern-Rügen", "MV", true, "de"), (gemeinde.Kind, gemeinde.Region, gemeinde.State, gemeinde.PublicBody, gemeinde.Language));
        Assert.Equal(("company", false, "en"), (bodies[3].Kind, bodies[3].PublicBody, bodies[3].Language));

        var (listStatus, list, _) = await session.GetAsync("/organisationen?q=m%C3%BCller");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("Müller &amp; Söhne GmbH", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Gymnasium Am See", list, StringComparison.Ordinal);
        var (_, schools, _) = await session.GetAsync("/organisationen?kind=school&state=MV&region=Rostock");
        Assert.Contains("Organisationen 1–2 von 2 gefundenen", schools, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.GetAsync("/organisationen?kind=schule")).Status);
    }

    [Fact]
    public async Task List_ManyBodies_FiftyAPage()
    {
        using var session = await SignInAsync(Supervisor);
        var csv = "externalId,name,kind,state\n" + string.Concat(Enumerable.Range(1, 120).Select(i => $"S-{i:000},Schule {i:000},school,BE\n"));
        Assert.Equal(HttpStatusCode.OK, (await Upload(session, "viele.csv", Encoding.UTF8.GetBytes(csv))).Status);
        var (status, page, _) = await session.GetAsync("/organisationen?seite=3");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Organisationen 101–120 von 120 gefundenen", page, StringComparison.Ordinal);
        Assert.Contains("Schule 101", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Schule 100<", page, StringComparison.Ordinal);
        Assert.Contains("Seite 3 von 3", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await session.GetAsync("/organisationen?seite=x")).Status);
    }

    [Fact]
    public async Task Import_Again_WithAChange_UpdatesInsteadOfDuplicating()
    {
        using var session = await SignInAsync(Supervisor);
        await Upload(session, "schulen.csv", Encoding.UTF8.GetBytes(Csv));
        var changed = Csv.Replace("Grundschule Nord", "Grundschule Nord-West", StringComparison.Ordinal);
        var (status, body, _) = await Upload(session, "schulen.csv", Encoding.UTF8.GetBytes(changed));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("0 neu angelegt, 1 geändert, 3 unverändert", body, StringComparison.Ordinal);
        var bodies = await BodiesAsync();
        Assert.Equal(4, bodies.Count);
        Assert.Equal("Grundschule Nord-West", bodies.Single(b => b.ExternalId == "S-002").Name);
    }

    [Fact]
    public async Task Import_OneBadRow_NothingWritten_MessageNamesRowAndColumn()
    {
        using var session = await SignInAsync(Supervisor);
        var bad = Csv.Replace("G-100;Gemeinde Ahrenshoop;Gemeinde", "G-100;Gemeinde Ahrenshoop;Dorf", StringComparison.Ordinal);
        var (status, body, _) = await Upload(session, "schulen.csv", Encoding.UTF8.GetBytes(bad));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Nichts wurde importiert", body, StringComparison.Ordinal);
        Assert.Contains("Zeile 4, Spalte „kind“: „Dorf“ ist keiner der Werte school, municipality", body, StringComparison.Ordinal);
        Assert.Empty(await BodiesAsync());
    }

    [Fact]
    public async Task Import_WrongColumnName_NothingWritten_MessageNamesIt()
    {
        using var session = await SignInAsync(Supervisor);
        var bad = Csv.Replace("Ansprechperson", "Ansprechpartner", StringComparison.Ordinal);
        var (status, body, _) = await Upload(session, "schulen.csv", Encoding.UTF8.GetBytes(bad));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Zeile 1, Spalte „Ansprechpartner“: unbekannte Spalte; die Spalten heißen externalId, name, kind", body, StringComparison.Ordinal);
        Assert.Empty(await BodiesAsync());
    }

    [Fact]
    public async Task Import_Windows1252Csv_WithCommas_ReadsUmlauts()
    {
        using var session = await SignInAsync(Supervisor);
        var csv = "externalId,name,kind,state\r\nL-1,Landesamt für Straßenbau,Landesbehörde,BY\r\n";
        var (status, _, _) = await Upload(session, "amt.csv", CodePages().GetBytes(csv));
        Assert.Equal(HttpStatusCode.OK, status);
        var amt = Assert.Single(await BodiesAsync());
        Assert.Equal(("Landesamt für Straßenbau", "state-authority"), (amt.Name, amt.Kind));
    }

    [Fact]
    public async Task Import_Xlsx_AddsEveryRow()
    {
        using var session = await SignInAsync(Supervisor);
        var rows = new List<Dictionary<string, object>>
        {
            new() { ["Kennung"] = 13001, ["Name"] = "Schule Eins", ["Art"] = "Schule", ["Land"] = "SH", ["Öffentliche Stelle"] = true },
            new() { ["Kennung"] = "0042", ["Name"] = "Kreis Zwei", ["Art"] = "district", ["Land"] = "sh", ["Öffentliche Stelle"] = "ja" },
        };
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows);
        var (status, body, _) = await Upload(session, "liste.xlsx", stream.ToArray());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2 neu angelegt", body, StringComparison.Ordinal);
        Assert.Equal(["0042", "13001"], (await BodiesAsync()).Select(b => b.ExternalId));
    }

    [Fact]
    public async Task Import_NotASpreadsheet_ClearMessage_NothingWritten()
    {
        using var session = await SignInAsync(Supervisor);
        var (status, body, _) = await Upload(session, "liste.xlsx", Encoding.UTF8.GetBytes("PK\u0003\u0004 nonsense"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Datei: die Datei sieht aus wie ein ZIP-Archiv, ist aber keine lesbare XLSX-Tabelle", body, StringComparison.Ordinal);
        Assert.Empty(await BodiesAsync());
    }

    [Theory]
    [InlineData("csv", "")]
    [InlineData("csv", "?variant=machine")]
    [InlineData("xlsx", "")]
    [InlineData("xlsx", "?variant=machine")]
    public async Task Export_ReimportsUnchanged_FormulasNeutralised(string format, string query)
    {
        using var session = await SignInAsync(Supervisor);
        var formula = Csv.Replace("Erika Muster", "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", StringComparison.Ordinal).Replace("S-002;Grundschule", "-2;Grundschule", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Upload(session, "schulen.csv", Encoding.UTF8.GetBytes(formula))).Status);
        var before = (await BodiesAsync()).Select(b => (b.ExternalId, b.Name, b.Kind, b.Region, b.State, b.PublicBody, b.PublicUndertaking, b.ContactName, b.ContactEmail, b.Language)).ToList();

        var (status, type, content) = await session.DownloadAsync("/organisationen/export." + format + query);
        Assert.Equal(HttpStatusCode.OK, status);
        var german = query.Length == 0;
        if (format == "csv")
        {
            Assert.Equal("text/csv", type);
            var text = Encoding.UTF8.GetString(content);
            if (german)
            {
                Assert.Equal([0xEF, 0xBB, 0xBF], content[..3]);
                Assert.StartsWith("\uFEFFKennung;Name;Art;Region;Land;Öffentliche Stelle;Wettbewerbsunternehmen;Ansprechperson;E-Mail;Sprache;Übergeordnet\r\n", text, StringComparison.Ordinal);
                Assert.Contains("\r\nG-100;Gemeinde Ahrenshoop;Gemeinde;Vorpommern-Rügen;MV;ja;nein;;;de;\r\n", text, StringComparison.Ordinal);
            }
            else
            {
                Assert.NotEqual((byte)0xEF, content[0]);
                Assert.StartsWith("externalId,name,kind,region,state,publicBody,publicUndertaking,contactName,contactEmail,language,parent\r\n", text, StringComparison.Ordinal);
                Assert.Contains("\r\nG-100,Gemeinde Ahrenshoop,municipality,Vorpommern-Rügen,MV,true,false,,,de,\r\n", text, StringComparison.Ordinal);
            }

            // No formula when a spreadsheet opens it: the apostrophe makes both cells text.
            Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", text, StringComparison.Ordinal);
            Assert.Contains((german ? "\r\n'-2;" : "\r\n'-2,"), text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("PK"u8.ToArray(), content[..2]);
            var rows = Sheet(content);
            Assert.Equal(german ? "Kennung" : "externalId", rows[0][0]);
            Assert.Equal(german ? "Öffentliche Stelle" : "publicBody", rows[0][5]);
            var gymnasium = rows.Single(r => r[0] == "S-001");
            Assert.Equal("'=HYPERLINK(\"http://x\",\"y\")", gymnasium[7]);
            Assert.Equal(german ? ("Schule", "ja") : ("school", "true"), (gymnasium[2], gymnasium[5]));
            Assert.Contains(rows, r => r[0] == "'-2");
        }

        var (again, body, _) = await Upload(session, "export." + format, content);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Contains("0 neu angelegt, 0 geändert, 4 unverändert", body, StringComparison.Ordinal);
        Assert.Equal(before, (await BodiesAsync()).Select(b => (b.ExternalId, b.Name, b.Kind, b.Region, b.State, b.PublicBody, b.PublicUndertaking, b.ContactName, b.ContactEmail, b.Language)).ToList());
    }

    /// <summary>The first sheet's cells as text (empty ones as ""), the header row first, read back with MiniExcel.</summary>
    internal static List<string[]> Sheet(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return [.. MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToArray())];
    }

    [Fact]
    public async Task Reader_SeesTheList_CannotImportOrEdit()
    {
        using (var supervisor = await SignInAsync(Supervisor))
        {
            await Upload(supervisor, "schulen.csv", Encoding.UTF8.GetBytes(Csv));
        }

        using var reader = await SignInAsync(Reader);
        var (listStatus, list, _) = await reader.GetAsync("/organisationen");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("Gymnasium Am See", list, StringComparison.Ordinal);
        Assert.DoesNotContain("/organisationen/import", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/organisationen/import")).Status);

        // A forged upload with a token from another page is refused before it is read.
        var id = (await BodiesAsync())[0].Id;
        var (_, detail, _) = await reader.GetAsync($"/organisationen/{id}");
        Assert.DoesNotContain("name=\"externalId\"", detail, StringComparison.Ordinal);
        var (status, _, _) = await reader.PostFileAsync($"/organisationen/{id}", "/organisationen/import", "file", "x.csv", Encoding.UTF8.GetBytes(Csv));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var (edit, _, _) = await reader.PostFormAsync($"/organisationen/{id}", $"/organisationen/{id}", [new("externalId", "X"), new("name", "X"), new("kind", "school"), new("state", "BE")]);
        Assert.Equal(HttpStatusCode.Forbidden, edit);
        Assert.Equal(4, (await BodiesAsync()).Count);
        Assert.DoesNotContain(await BodiesAsync(), b => b.ExternalId == "X");
    }

    [Fact]
    public async Task Edit_SameRulesAsImport_SavesAGoodChange()
    {
        using var session = await SignInAsync(Supervisor);
        await Upload(session, "schulen.csv", Encoding.UTF8.GetBytes(Csv));
        var body = (await BodiesAsync()).Single(b => b.ExternalId == "S-002");
        KeyValuePair<string, string>[] Form(string email) =>
        [
            new("externalId", "S-002"), new("name", "Grundschule Nord"), new("kind", "school"), new("region", "Rostock"), new("state", "MV"),
            new("publicBody", "true"), new("publicUndertaking", "false"), new("contactName", "Max Beispiel"), new("contactEmail", email), new("language", "de"),
        ];

        var (bad, badBody, _) = await session.PostFormAsync($"/organisationen/{body.Id}", $"/organisationen/{body.Id}", Form("max(at)schule"));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("href=\"#f-contactEmail\"", badBody, StringComparison.Ordinal);
        Assert.Contains("E-Mail der Ansprechperson: „max(at)schule“ ist keine E-Mail-Adresse wie name@example.org", badBody, StringComparison.Ordinal);

        var (ok, okBody, _) = await session.PostFormAsync($"/organisationen/{body.Id}", $"/organisationen/{body.Id}", Form("max@schule.example"));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains("Gespeichert.", okBody, StringComparison.Ordinal);
        Assert.Equal(("Max Beispiel", "max@schule.example"), ((await BodiesAsync()).Single(b => b.Id == body.Id).ContactName, (await BodiesAsync()).Single(b => b.Id == body.Id).ContactEmail));

        // A form based on the entry before that change is a conflict: refused with 409, and nothing is changed.
        var (stale, staleBody, _) = await session.PostFormAsync($"/organisationen/{body.Id}", $"/organisationen/{body.Id}",
            [.. Form("stale@schule.example"), new("revision", body.UpdatedAt.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Contains("Gleichzeitige Änderung: jemand anderes hat diese Organisation geändert", staleBody, StringComparison.Ordinal);
        Assert.Equal("max@schule.example", (await BodiesAsync()).Single(b => b.Id == body.Id).ContactEmail);
    }

    [Fact]
    public async Task Disclosure_ContainsTheBodyAndItsInvitations_WithoutTokenHash()
    {
        using var session = await SignInAsync(Supervisor);
        await Upload(session, "schulen.csv", Encoding.UTF8.GetBytes(Csv));
        var body = (await BodiesAsync()).Single(b => b.ExternalId == "S-001");
        using (var scope = _server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            var questionnaire = new QuestionnaireRecord { Key = "video", Version = 1, DefinitionJson = "{}", Hash = new string('a', 64) };
            db.Questionnaires.Add(questionnaire);
            await db.SaveChangesAsync();
            var campaign = new CampaignRecord
            {
                Title = "Videokonferenzen an Schulen 2026",
                QuestionnaireId = questionnaire.Id,
                State = CampaignState.Running,
                Deadline = new DateOnly(2026, 12, 31),
                ReminderDays = "7,1",
                TemplatesJson = "{}",
                Authority = "lfdi-mv",
                CreatedAt = DateTime.UtcNow,
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            db.CampaignBodies.Add(new CampaignBodyRecord { CampaignId = campaign.Id, BodyId = body.Id });
            db.Invitations.Add(new InvitationRecord { CampaignId = campaign.Id, BodyId = body.Id, TokenHash = new string('f', 64), Email = "sekretariat@gymnasium.example", Language = "de", IssuedAt = DateTime.UtcNow });
            var response = new ResponseRecord { CampaignId = campaign.Id, BodyId = body.Id, DraftJson = "{\"service\":[\"zoom\"]}", StartedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Responses.Add(response);
            await db.SaveChangesAsync();
            db.ResponseVersions.Add(new ResponseVersionRecord { ResponseId = response.Id, Version = 1, AnswersJson = "{\"service\":[\"zoom\"]}", SubmittedAt = DateTime.UtcNow, Receipt = "A-1" });
            await db.SaveChangesAsync();
        }

        var (status, type, content) = await session.DownloadAsync($"/organisationen/{body.Id}/auskunft.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        using var json = System.Text.Json.JsonDocument.Parse(content);
        var root = json.RootElement;
        Assert.Equal("S-001", root.GetProperty("body").GetProperty("externalId").GetString());
        Assert.Equal("Gymnasium Am See", root.GetProperty("body").GetProperty("name").GetString());
        Assert.Equal("Videokonferenzen an Schulen 2026", root.GetProperty("campaigns")[0].GetProperty("title").GetString());
        Assert.Equal("sekretariat@gymnasium.example", root.GetProperty("invitations")[0].GetProperty("email").GetString());
        Assert.Equal("zoom", root.GetProperty("responses")[0].GetProperty("versions")[0].GetProperty("answers").GetProperty("service")[0].GetString());
        Assert.DoesNotContain("ffffffff", Encoding.UTF8.GetString(content), StringComparison.Ordinal);
        Assert.DoesNotContain("tokenHash", Encoding.UTF8.GetString(content), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/organisationen/999999/auskunft.json")).Status);
    }

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
