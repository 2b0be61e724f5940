using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Aufsicht.Core.Cases;
using Aufsicht.Core.Enforcement;
using Aufsicht.Data;
using Aufsicht.Features.Cases;
using Aufsicht.Features.Shared;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Web;
using Aufsicht.Web;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Xunit;

namespace Aufsicht.Tests.Cases;

[Trait("Category", "Database")]
public sealed class CaseOverviewTestsOnSqlite : CaseOverviewTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class CaseOverviewTestsOnPostgres : CaseOverviewTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The overview of enforcement on each database: the Art. 59 figures of a year (cases of two years, Berlin's year
/// boundary, two powers counting twice, fines), the dashboard's counts, a campaign's overdue cases; and through the
/// web app the handler filter, the dashboard's links, the overdue box, the report as page, PDF and ODT, and a bad year.
/// </summary>
public abstract class CaseOverviewTests
{
    protected abstract string Database { get; }

    private static DateTime Utc(int year, int month, int day, int hour = 10, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private async Task<AufsichtDb> OpenAsync() => (await OpenWithOptionsAsync()).Db;

    private async Task<(AufsichtDb Db, ServerOptions Options)> OpenWithOptionsAsync()
    {
        var dir = Directory.CreateTempSubdirectory("aufsicht-overview-").FullName;
        var options = new ServerOptions(dir, Database == "postgres" ? PostgresServer.NewDatabase() : null, null);
        var db = DatabaseSetup.Open(options);
        await DatabaseSetup.MigrateAsync(db, options, CancellationToken.None);
        return (db, options);
    }

    private static int _number;

    /// <summary>A case row with the dates and figures the overview counts; the rest as a case opened from a survey has it.</summary>
    private static CaseRecord Case(long body, DateTime opened, CaseState state = CaseState.Opened, DateTime? decided = null, string? measure = null,
        long? fine = null, DateTime? closed = null, CaseOutcome? outcome = null, bool publicBody = true, string? handler = null, long? campaign = null,
        DateOnly? hearing = null, DateOnly? compliance = null) => new()
        {
            FileNumber = "AZ-" + Interlocked.Increment(ref _number).ToString("00000", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6],
            BodyId = body,
            CampaignId = campaign,
            EvaluationJson = "{}",
            State = closed is null ? state : CaseState.Closed,
            Outcome = outcome,
            HandlerId = handler,
            PublicBody = publicBody,
            Country = "DE",
            Land = "MV",
            Measure = measure,
            DecidedAt = decided,
            FineCents = fine,
            HearingDeadline = hearing,
            ComplianceDeadline = compliance,
            OpenedAt = opened,
            OpenedBy = "sachbearbeitung@aufsicht.example",
            UpdatedAt = closed ?? decided ?? opened,
            ClosedAt = closed,
        };

    /// <summary>Cases of 2025, 2026 and 2027 (by Berlin's calendar), with one escalation in 2025 and one in 2026.</summary>
    private static async Task SeedTwoYearsAsync(AufsichtDb db)
    {
        var school = await CaseRows.BodyAsync(db, "Schule am See");
        var firm = await CaseRows.BodyAsync(db, "Video GmbH");
        var c = Case(school, Utc(2026, 2, 1), decided: Utc(2026, 4, 1), measure: "58(2)(d)", closed: Utc(2026, 6, 1), outcome: CaseOutcome.Complied);
        var old = Case(school, Utc(2025, 5, 1), decided: Utc(2025, 6, 1), measure: "58(2)(i)", fine: 999_00, publicBody: false);
        db.Cases.AddRange(
            // Opened in 2025, closed in 2026: closed in 2026, not opened.
            Case(school, Utc(2025, 3, 1), closed: Utc(2026, 2, 1), outcome: CaseOutcome.Remedied),
            // Two powers in one decision: each counts.
            Case(school, Utc(2026, 1, 10), CaseState.Decided, decided: Utc(2026, 3, 1), measure: "58(2)(b),58(2)(d)"),
            c,
            // 31 Dec 2025, 23:30 UTC is New Year's Day in Berlin; 31 Dec 2026, 23:30 UTC is in 2027 there.
            Case(school, Utc(2025, 12, 31, 23, 30)),
            Case(school, Utc(2026, 12, 31, 23, 30)),
            old,
            Case(firm, Utc(2026, 5, 1), CaseState.Decided, decided: Utc(2026, 7, 1), measure: "58(2)(i)", fine: 1_234_567_89, publicBody: false),
            Case(firm, Utc(2026, 6, 1), CaseState.Decided, decided: Utc(2026, 8, 1), measure: "58(2)(i)", fine: 50_000_00, publicBody: false),
            Case(school, Utc(2024, 1, 1), closed: Utc(2025, 1, 5), outcome: CaseOutcome.Discontinued));
        await db.SaveChangesAsync();
        await AuditLog.AddAsync(db, Utc(2025, 9, 1), "sachbearbeitung@aufsicht.example", "case.escalate", old.Id, "{}", CancellationToken.None);
        await db.SaveChangesAsync();
        await AuditLog.AddAsync(db, Utc(2026, 9, 1), "sachbearbeitung@aufsicht.example", "case.escalate", c.Id, "{}", CancellationToken.None);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task CountAsync_CasesOfTwoYears_CountsTheYearInBerlinTime()
    {
        await using var db = await OpenAsync();
        await SeedTwoYearsAsync(db);

        var figures = await AnnualReport.CountAsync(db, 2026, LocalDates.Berlin, CancellationToken.None);

        Assert.Equal((5, 1, 1, 0, 1), (figures.Opened, figures.Remedied, figures.Complied, figures.Discontinued, figures.Escalated));
        Assert.Equal(
            [(Power.B, 1), (Power.D, 2), (Power.I, 2)],
            figures.Measures.Where(m => m.Count > 0).Select(m => (m.Power, m.Count)));
        Assert.Equal(10, figures.Measures.Count);
        Assert.Equal((2, 1_284_567_89L, 1_234_567_89L, false), (figures.Fines, figures.FineTotalCents, figures.LargestFineCents, figures.PublicBodiesOnly));

        var before = await AnnualReport.CountAsync(db, 2025, LocalDates.Berlin, CancellationToken.None);
        Assert.Equal((2, 1, 1, 99_900L), (before.Opened, before.Discontinued, before.Escalated, before.FineTotalCents));
    }

    [Fact]
    public async Task CountAsync_OnlyPublicBodies_NotesThatTheyCannotBeFined()
    {
        await using var db = await OpenAsync();
        var school = await CaseRows.BodyAsync(db, "Schule am See");
        db.Cases.Add(Case(school, Utc(2026, 3, 1), CaseState.Decided, decided: Utc(2026, 4, 1), measure: "58(2)(d)"));
        await db.SaveChangesAsync();

        var figures = await AnnualReport.CountAsync(db, 2026, LocalDates.Berlin, CancellationToken.None);
        var empty = await AnnualReport.CountAsync(db, 2024, LocalDates.Berlin, CancellationToken.None);

        Assert.True(figures.PublicBodiesOnly);
        Assert.Contains(AnnualReport.Build(figures, "LfDI M-V", new DateOnly(2026, 12, 5), Core.Law.Language.De).Blocks,
            b => b is global::Aufsicht.Documents.Paragraph p && p.Text.Contains("§ 43 Abs. 3 BDSG", StringComparison.Ordinal));
        // A year without cases says nothing about public bodies.
        Assert.False(empty.PublicBodiesOnly);
    }

    [Fact]
    public async Task CasesReport_Cli_WritesJsonTextAndPdf_AndRefusesABadYearNamingIt()
    {
        var (db, options) = await OpenWithOptionsAsync();
        await using (db)
        {
            await SeedTwoYearsAsync(db);
        }

        string[] where = options.Database is { } connection ? ["--database", connection] : ["--data-dir", options.DataDir];
        var json = Cli.Run(["cases", "report", "--year", "2026", .. where]);
        Assert.Equal(0, json.ExitCode);
        using (var parsed = System.Text.Json.JsonDocument.Parse(json.Stdout))
        {
            var root = parsed.RootElement;
            Assert.Equal((2026, 5, 2, 2), (root.GetProperty("year").GetInt32(), root.GetProperty("opened").GetInt32(), root.GetProperty("measures").GetProperty("58(2)(d)").GetInt32(), root.GetProperty("fines").GetProperty("count").GetInt32()));
            Assert.Equal(("1284567.89", "2026-11-27"), (root.GetProperty("fines").GetProperty("total").GetString(), root.GetProperty("made").GetString()));
        }

        var text = Cli.Run(["cases", "report", "--year", "2026", "--format", "text", .. where]);
        Assert.Contains("Art. 58 Abs. 2 lit. d DSGVO: 2", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("1.284.567,89 €", text.Stdout, StringComparison.Ordinal);

        var file = Path.Combine(options.DataDir, "jahresbericht-2026.pdf");
        Assert.Equal(0, Cli.Run(["cases", "report", "--year", "2026", "--out", file, .. where]).ExitCode);
        Assert.Contains("1.284.567,89 €", PdfText(await File.ReadAllBytesAsync(file)), StringComparison.Ordinal);

        var bad = Cli.Run(["cases", "report", "--year", "1999", "--out", "bericht.txt", .. where]);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("year: „1999“ ist kein Jahr von 2000 bis 2027.", bad.Stderr, StringComparison.Ordinal);
        Assert.Contains("out: „bericht.txt“ muss auf .pdf oder .odt enden.", bad.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bad.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026", true, 2026)]
    [InlineData("2000", true, 2000)]
    [InlineData("2027", true, 2027)]
    [InlineData("", true, 2026)]
    [InlineData("2028", false, 0)]
    [InlineData("1999", false, 0)]
    [InlineData("zwanzig", false, 0)]
    [InlineData("-2026", false, 0)]
    public void ParseYear_Text_AcceptsYearsFrom2000ToNextYear(string text, bool ok, int year)
    {
        var parsed = AnnualReport.ParseYear(text, "year", 2026);

        Assert.Equal(ok, parsed.IsOk);
        if (ok)
        {
            Assert.Equal(year, parsed.Value);
        }
        else
        {
            Assert.Equal(("year", "cases.report.yearInvalid"), (parsed.Errors[0].Field, parsed.Errors[0].Key));
        }
    }

    [Fact]
    public async Task CountAsync_Dashboard_CountsOpenStatesOverdueSoonAndMine()
    {
        await using var db = await OpenAsync();
        var body = await CaseRows.BodyAsync(db, "Amt Nordwest");
        var today = new DateOnly(2026, 12, 16);
        var at = Utc(2026, 12, 1);
        db.Cases.AddRange(
            Case(body, at, CaseState.Hearing, handler: "anna", hearing: today.AddDays(-1)),
            Case(body, at, CaseState.Hearing, handler: "ben", hearing: today),
            Case(body, at, CaseState.Hearing, handler: "anna", hearing: today.AddDays(7)),
            Case(body, at, CaseState.Hearing, handler: "anna", hearing: today.AddDays(8)),
            Case(body, at, CaseState.Decided, handler: "ben", compliance: today.AddDays(-3)),
            Case(body, at, CaseState.FollowUp, handler: "anna", compliance: today.AddDays(-3)),
            Case(body, at, CaseState.Opened),
            Case(body, at, handler: "anna", closed: at, outcome: CaseOutcome.Discontinued, hearing: today.AddDays(-9)));
        await db.SaveChangesAsync();

        var counts = await CaseOverview.CountAsync(db, today, "anna", CancellationToken.None);

        Assert.Equal(
            [(CaseState.Opened, 1), (CaseState.Hearing, 4), (CaseState.Decided, 1), (CaseState.FollowUp, 1)],
            counts.OpenByState.OrderBy(s => s.Key).Select(s => (s.Key, s.Value)));
        Assert.Equal((7, 1, 1, 2, 4), (counts.Open, counts.OverdueHearing, counts.OverdueCompliance, counts.DueSoon, counts.Mine));
    }

    [Fact]
    public async Task CasesPage_HandlerFilterDashboardAndOverdueBox_ShowTheCasesAsked()
    {
        await using var server = await SurveyServer.StartAsync(Database);
        var (campaign, _) = await server.SeedDemoAsync(6);
        using var supervisor = server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password);
        var dashboard = $"/umfragen/{campaign}";
        Assert.DoesNotContain("Überfällige Verfahren", (await supervisor.GetAsync(dashboard)).Body, StringComparison.Ordinal);

        var me = server.Db(db => db.Users.Single(u => u.Email == "sachbearbeitung@aufsicht.example").Id);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (mine, other, elsewhere) = server.Db(db =>
        {
            // A second campaign with an overdue case of its own, which the first one's box must not count.
            var second = db.Campaigns.AsNoTracking().Single(c => c.Id == campaign);
            second.Id = 0;
            second.Title = "Andere Umfrage";
            db.Campaigns.Add(second);
            db.SaveChanges();
            var bodies = db.Bodies.OrderBy(b => b.Id).Select(b => b.Id).Take(2).ToList();
            var mine = Case(bodies[0], DateTime.UtcNow.AddDays(-30), CaseState.Hearing, handler: me, campaign: campaign, hearing: today.AddDays(-3));
            var other = Case(bodies[1], DateTime.UtcNow.AddDays(-30), CaseState.Decided, campaign: campaign, compliance: today.AddDays(20));
            var elsewhere = Case(bodies[0], DateTime.UtcNow.AddDays(-30), CaseState.Decided, campaign: second.Id, compliance: today.AddDays(-1));
            db.Cases.AddRange(mine, other, elsewhere);
            db.SaveChanges();
            return (mine.FileNumber, other.FileNumber, elsewhere.FileNumber);
        });

        var own = await supervisor.GetAsync("/verfahren?bearbeitung=meine");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains(mine, own.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(other, own.Body, StringComparison.Ordinal);
        Assert.Contains("<td>sachbearbeitung@aufsicht.example</td>", own.Body, StringComparison.Ordinal);
        var byId = await supervisor.GetAsync("/verfahren?bearbeitung=" + Uri.EscapeDataString(me) + "&ueberfaellig=true&kampagne=" + campaign);
        Assert.Contains(mine, byId.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(other, byId.Body, StringComparison.Ordinal);
        // The select offers the accounts that can handle cases, not the reader.
        Assert.Contains($"<option value=\"{me}\"", byId.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(">leitung@aufsicht.example</option>", byId.Body, StringComparison.Ordinal);

        // The dashboard: one overdue hearing, mine, each a link to the list that shows it.
        var list = await supervisor.GetAsync("/verfahren");
        Assert.Contains("href=\"/verfahren?stand=hearing&amp;ueberfaellig=true\">1</a>", list.Body, StringComparison.Ordinal);
        Assert.Contains("href=\"/verfahren?stand=offen&amp;bearbeitung=meine\">1</a>", list.Body, StringComparison.Ordinal);
        Assert.Contains("href=\"/verfahren?stand=offen\">3</a>", list.Body, StringComparison.Ordinal);
        Assert.Contains("href=\"/verfahren?stand=decided&amp;ueberfaellig=true\">1</a>", list.Body, StringComparison.Ordinal);
        Assert.Contains("<td>nicht zugewiesen</td>", list.Body, StringComparison.Ordinal);
        var soon = await supervisor.GetAsync("/verfahren?bald=true");
        Assert.DoesNotContain(mine, soon.Body, StringComparison.Ordinal);

        var box = (await supervisor.GetAsync(dashboard)).Body;
        Assert.Contains("Überfällige Verfahren", box, StringComparison.Ordinal);
        Assert.Contains("1 Verfahren dieser Kampagne mit überschrittener Frist.", box, StringComparison.Ordinal);
        Assert.Contains(mine, box, StringComparison.Ordinal);
        Assert.DoesNotContain(other, box, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere, box, StringComparison.Ordinal);
        Assert.Contains($"href=\"/verfahren?kampagne={campaign}&amp;ueberfaellig=true\"", box, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnnualReport_PageAndDownloads_GiveTheFiguresInGermanAndRefuseABadYear()
    {
        await using var server = await SurveyServer.StartAsync(Database);
        server.Db(db =>
        {
            var body = new BodyRecord { ExternalId = "b-firm", Name = "Video GmbH", Kind = "company", State = "MV", PublicBody = false, Language = "de", CreatedAt = Utc(2026, 1, 1), UpdatedAt = Utc(2026, 1, 1) };
            db.Bodies.Add(body);
            db.SaveChanges();
            db.Cases.AddRange(
                Case(body.Id, Utc(2026, 1, 10), CaseState.Decided, decided: Utc(2026, 3, 1), measure: "58(2)(d),58(2)(i)", fine: 1_234_567_89, publicBody: false),
                Case(body.Id, Utc(2025, 1, 10), closed: Utc(2026, 3, 1), outcome: CaseOutcome.Remedied, publicBody: false));
            return db.SaveChanges();
        });
        using var reader = server.NewSession();
        await reader.LoginAsync("leitung@aufsicht.example", SurveyServer.Password);

        var page = await reader.GetAsync("/verfahren/jahresbericht?jahr=2026");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Art. 58 Abs. 2 lit. d DSGVO", page.Body, StringComparison.Ordinal);
        Assert.Contains("1.234.567,89 €", page.Body, StringComparison.Ordinal);
        Assert.Contains(">Entschiedene Maßnahmen im Jahr 2026</caption>", page.Body, StringComparison.Ordinal);

        var pdf = await reader.DownloadAsync("/verfahren/jahresbericht.pdf?jahr=2026");
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (pdf.Status, pdf.ContentType));
        var text = PdfText(pdf.Content);
        Assert.Contains("Art. 58 Abs. 2 lit. i DSGVO", text, StringComparison.Ordinal);
        Assert.Contains("1.234.567,89 €", text, StringComparison.Ordinal);
        Assert.Contains("davon Mangel behoben 1", text, StringComparison.Ordinal);

        var odt = await reader.DownloadAsync("/verfahren/jahresbericht.odt?jahr=2026");
        Assert.Equal(HttpStatusCode.OK, odt.Status);
        using (var zip = new ZipArchive(new MemoryStream(odt.Content), ZipArchiveMode.Read))
        {
            Assert.Equal("mimetype", zip.Entries[0].FullName);
            using var mime = new StreamReader(zip.Entries[0].Open(), Encoding.ASCII);
            Assert.Equal("application/vnd.oasis.opendocument.text", mime.ReadToEnd());
            using var content = zip.GetEntry("content.xml")!.Open();
            var xml = XDocument.Load(content).ToString();
            Assert.Contains("Art. 58 Abs. 2 lit. d DSGVO", xml, StringComparison.Ordinal);
            Assert.Contains("1.234.567,89 €", xml, StringComparison.Ordinal);
        }

        var bad = await reader.GetAsync("/verfahren/jahresbericht?jahr=1999");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("„1999“ ist kein Jahr von 2000 bis", bad.Body, StringComparison.Ordinal);
        var badDownload = await reader.GetAsync("/verfahren/jahresbericht.pdf?jahr=zwanzig");
        Assert.Equal(HttpStatusCode.BadRequest, badDownload.Status);
        Assert.Contains("\"jahr\"", badDownload.Body, StringComparison.Ordinal);

        await reader.GetAsync("/sprache?lang=en&back=/");
        var english = await reader.GetAsync("/verfahren/jahresbericht?jahr=2026");
        Assert.Contains("Art. 58(2)(d) GDPR", english.Body, StringComparison.Ordinal);
        Assert.Contains("€1,234,567.89", english.Body, StringComparison.Ordinal);
        Assert.Contains("Corrective powers under Art. 58(2) GDPR", PdfText((await reader.DownloadAsync("/verfahren/jahresbericht.pdf?jahr=2026")).Content), StringComparison.Ordinal);
    }

    /// <summary>The words of all pages with single spaces, as lines break wherever the layout wraps them.</summary>
    private static string PdfText(byte[] bytes)
    {
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Replace('\u00A0', ' ');
    }
}
