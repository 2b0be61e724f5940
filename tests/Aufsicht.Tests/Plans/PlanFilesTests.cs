using System.Net;
using System.Text;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Aufsicht.Tests.Campaigns;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Plans;

[Trait("Category", "Database")]
public sealed class PlanFilesTestsOnSqlite : PlanFilesTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class PlanFilesTestsOnPostgres : PlanFilesTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// A plan's files on each database: the packages exported (German and machine), edited and imported back as progress
/// (all or nothing, every error by row and column), the milestones as ICS, and who may have them.
/// </summary>
public abstract class PlanFilesTests : IAsyncLifetime
{
    private AppServer _server = null!;
    private long _plan;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await SurveyServer.StartAsync(Database);

        // A ministry above the school: its roll-out gets a milestone of its own.
        _server.Db(db =>
        {
            var now = DateTime.UtcNow;
            var ministry = new BodyRecord { ExternalId = "M-0", Name = "Ministerium für Schule", Kind = "authority", State = "MV", PublicBody = true, Language = "de", CreatedAt = now, UpdatedAt = now };
            db.Bodies.Add(ministry);
            db.SaveChanges();
            return db.Bodies.Where(b => b.ExternalId == "S-1").ExecuteUpdate(s => s.SetProperty(b => b.ParentId, ministry.Id));
        });
        await PlanTestData.ImportInventoryAsync(_server);
        _plan = await PlanTestData.CreatePlanAsync(_server, computeSeconds: 5);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string PlanPath => $"/migration/plaene/{_plan}";

    private async Task<Session> SupervisorAsync()
    {
        var session = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password)).Status);
        return session;
    }

    private List<PlanPackageRecord> Rows() =>
        _server.Db(db => db.PlanPackages.AsNoTracking().Where(p => p.PlanId == _plan).OrderBy(p => p.Id).ToList());

    [Fact]
    public async Task ExportEditImport_RoundTrip_ChangesExactlyThosePackages()
    {
        using var session = await SupervisorAsync();
        var (status, type, content) = await session.DownloadAsync(PlanPath + "/pakete.csv");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/csv", type);
        var text = Encoding.UTF8.GetString(content);
        Assert.StartsWith("\uFEFFSchlüssel;Organisation;Säule;Phase;", text, StringComparison.Ordinal);
        Assert.Contains("Grundschule Am Deich;Bürosoftware;Pilot;", text, StringComparison.Ordinal);
        Assert.Matches(@";0[1-9]/20\d\d;|;1[0-2]/20\d\d;", text);
        Assert.DoesNotContain("plans.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(";2027-", text, StringComparison.Ordinal);

        // A person fills in the actual months of two packages in the German file and uploads it whole.
        var table = Csv(text.TrimStart('\uFEFF'), ';');
        var rows = Rows();
        Assert.Equal(rows.Count + 1, table.Count);
        var (first, second) = (table[1][0], table[3][0]);
        (table[1][8], table[1][9]) = ("10/2026", "11.2026");
        table[3][8] = "2026-09";
        var edited = "\uFEFF" + string.Join("\r\n", table.Select(r => string.Join(';', r.Select(Quote))));
        var (posted, page, _) = await session.PostFileAsync(PlanPath + "/fortschritt", PlanPath + "/fortschritt", "file", "pakete.csv", Encoding.UTF8.GetBytes(edited));
        Assert.Equal(HttpStatusCode.OK, posted);
        Assert.Contains($"Übernommen: 2 von {Aufsicht.Documents.ReportFormat.Number(rows.Count, Aufsicht.Core.Law.Language.De)} Arbeitspaketen geändert.", page, StringComparison.Ordinal);

        var after = Rows();
        Assert.Equal([first, second], after.Where(r => r.ActualStart is not null).Select(r => r.Key).ToArray());
        var one = after.Single(r => r.Key == first);
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)), (one.ActualStart, one.ActualEnd));
        Assert.Equal((new DateOnly(2026, 9, 1), (DateOnly?)null), (after.Single(r => r.Key == second).ActualStart, after.Single(r => r.Key == second).ActualEnd));
        Assert.Equal(rows.Select(r => (r.Key, r.PlannedStart)), after.Select(r => (r.Key, r.PlannedStart)));

        // The machine variant: codes, ISO months, no German-only column; the same file imported again changes nothing.
        var machine = Encoding.UTF8.GetString((await session.DownloadAsync(PlanPath + "/pakete.csv?variant=machine")).Content);
        Assert.StartsWith("key,body,pillar,phase,units,effortPersonDays,plannedStart,plannedEnd,actualStart,actualEnd,earliest,latest\r\n", machine, StringComparison.Ordinal);
        Assert.Contains($"{first},S-1,office,", machine, StringComparison.Ordinal);
        Assert.Contains(",2026-10,2026-11,", machine, StringComparison.Ordinal);
        var (_, again, _) = await session.PostFileAsync(PlanPath + "/fortschritt", PlanPath + "/fortschritt", "file", "pakete.csv", Encoding.UTF8.GetBytes(machine));
        Assert.Contains("Übernommen: 0 von", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_German_NamesProductsInHoldsAsThePlanPageDoes()
    {
        // A package held by a cancellation (as a later pillar's package may be): the hold names the cancellation, with its product.
        var cancellation = Rows().First(r => r.Phase == "cancellation" && r.Pillar == Pillar.Office);
        var held = Rows().Last(r => r.Phase != "cancellation");
        _server.Db(db => db.PlanPackages.Where(p => p.Id == held.Id).ExecuteUpdate(s => s.SetProperty(p => p.HoldsJson, $$"""[{"kind":"predecessor","other":"{{cancellation.Key}}","period":null}]""")));
        using var session = await SupervisorAsync();
        var text = Encoding.UTF8.GetString((await session.DownloadAsync(PlanPath + "/pakete.csv")).Content);
        var xlsx = (await session.DownloadAsync(PlanPath + "/pakete.xlsx")).Content;

        var holds = Csv(text.TrimStart('\uFEFF'), ';').Skip(1).Select(r => r[^1]).ToList();
        Assert.True(holds.Any(h => h.Contains("Lizenzen enden (Microsoft Office (lokal betrieben))“", StringComparison.Ordinal)), string.Join("\n", holds));
        Assert.DoesNotContain(holds, h => h.Contains("(microsoft-office)", StringComparison.Ordinal) || h.Contains("(windows-11)", StringComparison.Ordinal));
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        var sheets = string.Join("\n", zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains("Lizenzen enden (Microsoft Office (lokal betrieben))“", sheets, StringComparison.Ordinal);
        Assert.DoesNotContain("(microsoft-office)", sheets, StringComparison.Ordinal);
        Assert.DoesNotContain("on premises", text + sheets, StringComparison.Ordinal); // German files name the product in German
    }

    [Fact]
    public async Task Import_BadFile_NamesRowAndColumn_ChangesNothing()
    {
        using var session = await SupervisorAsync();
        var keys = Rows().Select(r => r.Key).ToList();
        var bad = $"""
            Schlüssel;Tatsächlicher Beginn;Tatsächliches Ende
            {keys[0]};10/2026;11/2026
            {keys[1]};11/2026;10/2026
            gibt/es/nicht;10/2026;
            {keys[2]};05/2099;
            """;
        var (status, page, _) = await session.PostFileAsync(PlanPath + "/fortschritt", PlanPath + "/fortschritt", "file", "fortschritt.csv", Encoding.UTF8.GetBytes(bad));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Nichts übernommen", page, StringComparison.Ordinal);
        Assert.Contains("Zeile 3, Spalte „Tatsächliches Ende“: Das Ende (10/2026) liegt vor dem Beginn (11/2026)", page, StringComparison.Ordinal);
        Assert.Contains("Zeile 4, Spalte „Schlüssel“: Das Arbeitspaket „gibt/es/nicht“ gibt es in diesem Plan nicht", page, StringComparison.Ordinal);
        Assert.Contains("Zeile 5, Spalte „Tatsächlicher Beginn“: 05/2099 liegt in der Zukunft", page, StringComparison.Ordinal);
        Assert.DoesNotContain("entries[", page, StringComparison.Ordinal);

        var notMonth = $"key,actualStart,actualEnd\r\n{keys[0]},10/2026,\r\n{keys[1]},März,\r\n";
        var (status2, page2, _) = await session.PostFileAsync(PlanPath + "/fortschritt", PlanPath + "/fortschritt", "file", "fortschritt.csv", Encoding.UTF8.GetBytes(notMonth));
        Assert.Equal(HttpStatusCode.BadRequest, status2);
        Assert.Contains("Zeile 3, Spalte „Tatsächlicher Beginn“: „März“ ist kein Monat", page2, StringComparison.Ordinal);
        Assert.All(Rows(), r => Assert.Null(r.ActualStart));

        var noKey = "Organisation;Tatsächlicher Beginn\r\nx;10/2026\r\n";
        var (_, page3, _) = await session.PostFileAsync(PlanPath + "/fortschritt", PlanPath + "/fortschritt", "file", "fortschritt.csv", Encoding.UTF8.GetBytes(noKey));
        Assert.Contains("Zeile 1: Die Spalte „Schlüssel“ (key) fehlt", page3, StringComparison.Ordinal);
        Assert.All(Rows(), r => Assert.Null(r.ActualStart));
    }

    [Fact]
    public async Task Import_Xlsx_StoresActuals()
    {
        using var session = await SupervisorAsync();
        var key = Rows()[1].Key;
        using var file = new MemoryStream();
        Aufsicht.Features.Shared.TableExport.WriteXlsx(file, "Fortschritt", ["key", "Actual start", "Actual end"], [[key, "2026-08", "09/2026"]]);
        var (status, page, _) = await session.PostFileAsync(PlanPath + "/fortschritt", PlanPath + "/fortschritt", "file", "fortschritt.xlsx", file.ToArray());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Übernommen: 1 von 1 Arbeitspaketen geändert.", page, StringComparison.Ordinal);
        var row = Rows().Single(r => r.Key == key);
        Assert.Equal((new DateOnly(2026, 8, 1), new DateOnly(2026, 9, 1)), (row.ActualStart, row.ActualEnd));

        // The packages export as XLSX opens and carries the month in German.
        var (xStatus, xType, xlsx) = await session.DownloadAsync(PlanPath + "/pakete.xlsx");
        Assert.Equal((HttpStatusCode.OK, Aufsicht.Features.Shared.TableExport.XlsxType), (xStatus, xType));
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("08/2026", sheet.Single(r => (string?)r["Schlüssel"] == key)["Tatsächlicher Beginn"]);
    }

    [Fact]
    public async Task Export_CellStartingLikeAFormula_GetsAnApostrophe()
    {
        _server.Db(db => db.Bodies.Where(b => b.ExternalId == "G-2").ExecuteUpdate(s => s.SetProperty(b => b.Name, "=HYPERLINK(\"http://example.org\")")));
        using var session = await SupervisorAsync();
        var csv = Encoding.UTF8.GetString((await session.DownloadAsync(PlanPath + "/pakete.csv")).Content);
        Assert.Contains(";\"'=HYPERLINK(\"\"http://example.org\"\")\";", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";\"=HYPERLINK", csv, StringComparison.Ordinal);
        var xlsx = (await session.DownloadAsync(PlanPath + "/pakete.xlsx")).Content;
        var names = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => r["Organisation"]).ToList();
        Assert.Contains("'=HYPERLINK(\"http://example.org\")", names);
    }

    [Fact]
    public async Task Milestones_Ics_ParsesWithGermanSummaries_StableUids()
    {
        using var session = await SupervisorAsync();
        var (status, type, content) = await session.DownloadAsync(PlanPath + "/meilensteine.ics");
        Assert.Equal((HttpStatusCode.OK, "text/calendar"), (status, type));
        var text = Encoding.UTF8.GetString(content);
        var calendar = Ical.Net.Calendar.Load(text)!;
        var summaries = calendar.Events.Select(e => e.Summary!).ToList();
        Assert.Contains("Bürosoftware: Pilot beginnt", summaries);
        Assert.Contains("Bürosoftware: Umstellung abgeschlossen", summaries);
        Assert.Contains("Bürosoftware: letzte Lizenzen enden", summaries);
        Assert.Contains("Betriebssystem: Umstellung abgeschlossen", summaries);
        Assert.Contains("Ministerium für Schule – Bürosoftware: Umstellung abgeschlossen", summaries);
        Assert.DoesNotContain(summaries, s => s.Contains("Gemeinde", StringComparison.Ordinal)); // a body without offices is no ministry
        Assert.DoesNotContain("plans.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("planFiles.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(summaries, s => s.Contains('/', StringComparison.Ordinal) || s.Contains("office", StringComparison.Ordinal));
        Assert.All(calendar.Events, e => Assert.True(e.IsAllDay, e.Summary));

        // The roll-out completes on the last day of the last planned roll-out month.
        var rows = Rows();
        var lastMonth = rows.Where(r => r.Pillar == Pillar.Office && r.Phase is "pilot" or "cohort").Max(r => r.PlannedEnd!.Value).AddDays(-1);
        var rolledOut = calendar.Events.Single(e => e.Summary == "Bürosoftware: Umstellung abgeschlossen");
        Assert.Equal(lastMonth, DateOnly.FromDateTime(rolledOut.DtStart!.Value));

        // Stable UIDs: the same for the same milestone on the next download, and in English only the words differ.
        var uids = calendar.Events.Select(e => e.Uid).ToList();
        Assert.Equal(uids.Count, uids.Distinct().Count());
        Assert.All(uids, u => Assert.StartsWith($"plan-{_plan}-", u, StringComparison.Ordinal));
        var english = Ical.Net.Calendar.Load(Encoding.UTF8.GetString((await session.DownloadAsync(PlanPath + "/meilensteine.ics?lang=en")).Content))!;
        Assert.Equal(uids, english.Events.Select(e => e.Uid).ToList());
        Assert.Contains("Office suite: roll-out complete", english.Events.Select(e => e.Summary));
    }

    [Fact]
    public async Task Files_AnonymousGetsNothing_ReaderMayDownloadButNotImport()
    {
        using var anonymous = _server.NewSession();
        foreach (var path in new[] { "/pakete.csv", "/pakete.xlsx", "/pakete.csv?variant=machine", "/meilensteine.ics", "/fortschritt" })
        {
            var (status, body, location) = await anonymous.GetAsync(PlanPath + path);
            Assert.Equal(HttpStatusCode.Redirect, status);
            Assert.StartsWith("/anmelden", location!.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString, StringComparison.Ordinal);
            Assert.DoesNotContain("Grundschule", body, StringComparison.Ordinal);
        }

        using var reader = _server.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await reader.LoginAsync("leitung@aufsicht.example", SurveyServer.Password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await reader.DownloadAsync(PlanPath + "/pakete.csv")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(PlanPath + "/fortschritt")).Status);
        var plan = (await reader.GetAsync(PlanPath)).Body;
        Assert.Contains("meilensteine.ics", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("/fortschritt", plan, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(PlanPath + "/pakete.csv?variant=klingonisch")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/migration/plaene/4711/meilensteine.ics")).Status);
    }

    [Fact]
    public void Cli_ExportAndProgress_ExitCodes()
    {
        var dir = Directory.CreateTempSubdirectory("aufsicht-planfiles-").FullName;
        try
        {
            string[] where = Database == "postgres" ? ["--database", PostgresServer.NewDatabase()] : ["--data-dir", dir];
            string Write(string name, string content)
            {
                var path = Path.Combine(dir, name);
                File.WriteAllText(path, content, new UTF8Encoding(false));
                return path;
            }

            Assert.Equal(0, Cli.Run(["bodies", "import", Write("stellen.csv", "Kennung;Name;Art;Land\nS-1;Grundschule Am Deich;Schule;MV\nG-2;Gemeinde Süderholz;Gemeinde;MV\n"), .. where]).ExitCode);
            Assert.Equal(0, Cli.Run(["inventory", "import", Write("bestand.csv", PlanTestData.Products), .. where]).ExitCode);
            Assert.Equal(0, Cli.Run(["plan", "create", "--name", "T", "--start", "2027-01", "--team", "6", .. where]).ExitCode);
            Assert.Equal(0, Cli.Run(["plan", "compute", "1", "--time-limit", "5", .. where]).ExitCode);

            var csv = Cli.Run(["plan", "export", "1", "--format", "csv", "--variant", "machine", .. where]);
            Assert.Equal(0, csv.ExitCode);
            Assert.StartsWith("key,body,pillar,phase,", csv.Stdout, StringComparison.Ordinal);
            var ics = Cli.Run(["plan", "export", "1", "--format", "ics", .. where]);
            Assert.Equal(0, ics.ExitCode);
            Assert.Contains("SUMMARY:Bürosoftware: Umstellung abgeschlossen", ics.Stdout, StringComparison.Ordinal);
            Assert.Equal(2, Cli.Run(["plan", "export", "1", "--format", "xlsx", .. where]).ExitCode);
            Assert.Equal(2, Cli.Run(["plan", "export", "1", "--format", "pdf", .. where]).ExitCode);
            var xlsx = Path.Combine(dir, "pakete.xlsx");
            Assert.Equal(0, Cli.Run(["plan", "export", "1", "--format", "xlsx", "--out", xlsx, .. where]).ExitCode);
            Assert.True(new FileInfo(xlsx).Length > 1000);

            var key = csv.Stdout.Split("\r\n")[1].Split(',')[0];
            var bad = Cli.Run(["plan", "progress", "1", Write("schlecht.csv", $"key;actualStart;actualEnd\n{key};10/2026;09/2026\nnix;10/2026;\n"), .. where]);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("Zeile 2, Spalte „Tatsächliches Ende“", bad.Stderr, StringComparison.Ordinal);
            Assert.Contains("Zeile 3, Spalte „Schlüssel“", bad.Stderr, StringComparison.Ordinal);
            Assert.Contains("Nichts gespeichert.", bad.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(",2026-10,", Cli.Run(["plan", "export", "1", "--format", "csv", "--variant", "machine", .. where]).Stdout, StringComparison.Ordinal);

            var good = Cli.Run(["plan", "progress", "1", Write("gut.csv", $"key;actualStart;actualEnd\n{key};10/2026;11/2026\n"), .. where]);
            Assert.Equal(0, good.ExitCode);
            Assert.Contains("Übernommen: 1 von 1", good.Stdout, StringComparison.Ordinal);
            Assert.Contains($"{key},S-1,", Cli.Run(["plan", "export", "1", "--format", "csv", "--variant", "machine", .. where]).Stdout, StringComparison.Ordinal);
            Assert.Contains(",2026-10,2026-11,", Cli.Run(["plan", "export", "1", "--format", "csv", "--variant", "machine", .. where]).Stdout, StringComparison.Ordinal);
            Assert.Equal(2, Cli.Run(["plan", "progress", "99", Write("gut2.csv", $"key;actualStart\n{key};10/2026\n"), .. where]).ExitCode);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    /// <summary>A small RFC 4180 reader for the test's own look at the file (quotes, doubled quotes, CRLF).</summary>
    private static List<string[]> Csv(string text, char separator)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
