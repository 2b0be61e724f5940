using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Aufsicht.Tests.Bodies;
using Aufsicht.Tests.Shared;
using Aufsicht.Tests.Web;
using Xunit;

namespace Aufsicht.Tests.Campaigns;

[Trait("Category", "Database")]
public sealed class CampaignExportTestsOnSqlite : CampaignExportTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class CampaignExportTestsOnPostgres : CampaignExportTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The campaign's export of answers and results: German CSV and XLSX for the office by default, the machine variant
/// on request, and a respondent's formula in free text written as text in every one of them.
/// </summary>
[Trait("Category", "Database")]
public abstract partial class CampaignExportTests : IAsyncLifetime
{
    private const string Formula = "=HYPERLINK(\"http://x\",\"y\")";
    private AppServer _server = null!;
    private Session _supervisor = null!;
    private long _id;

    protected abstract string Database { get; }

    public async Task InitializeAsync()
    {
        _server = await SurveyServer.StartAsync(Database);
        _supervisor = _server.NewSession();
        await _supervisor.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password);
        (_id, var links) = await _server.StartCampaignAsync(_supervisor, "Videokonferenzen 2026");

        // The municipality answers over the API, with a formula as its remark on Skype.
        using var client = new HttpClient { BaseAddress = _server.Address };
        var token = links["gemeinde@example.org"].Split('/')[^1];
        using var answer = new StringContent(SurveyAnswers.Json("skype", "120", ("remarks", Formula)), Encoding.UTF8, "application/json");
        using var response = await client.PutAsync($"/api/v1/responses/{token}", answer);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _supervisor.Dispose();
        await _server.DisposeAsync();
    }

    [GeneratedRegex(@"^G-2;Gemeinde Süderholz;Gemeinde;Vorpommern-Greifswald;MV;(konform|mangelhaft|unklar);(""[^""]*""|[^;]*);[^;]*Skype: (grün|gelb|rot|nicht bewertet)[^;]*;1;\d\d\.\d\d\.20\d\d \d\d:\d\d;U[^;]+;")]
    private static partial Regex GermanRow();

    [GeneratedRegex(@"^G-2,Gemeinde Süderholz,municipality,Vorpommern-Greifswald,MV,(compliant|deficient|unclear),(""[^""]*""|[^,]*),[^,]*skype=(green|yellow|red|not-assessed)[^,]*,1,20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ,U[^,]+,")]
    private static partial Regex MachineRow();

    [Fact]
    public async Task Csv_German_SemicolonsBomGermanHeadersAndValues_FormulaNeutralised()
    {
        var (status, type, content) = await _supervisor.DownloadAsync($"/umfragen/{_id}/export.csv");
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (status, type));
        Assert.Equal([0xEF, 0xBB, 0xBF], content[..3]);
        var lines = Encoding.UTF8.GetString(content[3..]).Split("\r\n");
        Assert.StartsWith("Kennung;Name;Art;Region;Land;Ergebnis;Wesentliche Befunde;Bewertung je System;Fassung;Eingereicht am;Eingangsnummer;", lines[0], StringComparison.Ordinal);
        Assert.Contains(";Anmerkungen zu diesem System (Skype)", lines[0], StringComparison.Ordinal);
        Assert.Contains(";Wie viele Personen nehmen etwa monatlich an Videokonferenzen Ihrer Stelle teil?;", lines[0], StringComparison.Ordinal);

        var row = Assert.Single(lines, l => l.StartsWith("G-2;", StringComparison.Ordinal));
        Assert.Matches(GermanRow(), row);
        Assert.Contains(";\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", row, StringComparison.Ordinal);
        Assert.Contains(";ja;", row, StringComparison.Ordinal);
        Assert.Contains(";Skype;", row, StringComparison.Ordinal);
        // Main findings with their titles for people; the machine variant keeps the bare ids (below).
        Assert.Contains("L03 Keine Nutzung für eigene Zwecke", row, StringComparison.Ordinal);
        Assert.StartsWith("S-1;Grundschule Am Deich;Schule;Nordwestmecklenburg;MV;noch nicht geantwortet;", Assert.Single(lines, l => l.StartsWith("S-1;", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_Machine_CommasNoBomCodes_FormulaNeutralised()
    {
        var (status, type, content) = await _supervisor.DownloadAsync($"/umfragen/{_id}/export.csv?variant=machine");
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (status, type));
        Assert.Equal((byte)'e', content[0]);
        var lines = Encoding.UTF8.GetString(content).Split("\r\n");
        Assert.StartsWith("externalId,name,kind,region,state,status,mainFindings,verdicts,version,submittedAt,receipt,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",remarks@skype", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines, l => l.StartsWith("G-2,", StringComparison.Ordinal));
        Assert.Matches(MachineRow(), row);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", row, StringComparison.Ordinal);
        Assert.Contains(",yes,", row, StringComparison.Ordinal);
        Assert.Contains("L03", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Keine Nutzung", row, StringComparison.Ordinal);
        Assert.StartsWith("S-1,Grundschule Am Deich,school,Nordwestmecklenburg,MV,not-answered,", Assert.Single(lines, l => l.StartsWith("S-1,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Kennung", "Anmerkungen zu diesem System (Skype)", "Gemeinde")]
    [InlineData("?variant=machine", "externalId", "remarks@skype", "municipality")]
    public async Task Xlsx_HeadersAndValues_FormulaNeutralised(string query, string first, string remarks, string kind)
    {
        var (status, type, content) = await _supervisor.DownloadAsync($"/umfragen/{_id}/export.xlsx{query}");
        Assert.Equal((HttpStatusCode.OK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (status, type));
        var rows = BodyImportTests.Sheet(content);
        Assert.Equal(first, rows[0][0]);
        var column = Array.IndexOf(rows[0], remarks);
        Assert.True(column > 0, "no column " + remarks + " in " + string.Join(" | ", rows[0]));
        var row = rows.Single(r => r[0] == "G-2");
        Assert.Equal("'" + Formula, row[column]);
        Assert.Equal(kind, row[2]);
    }

    [Fact]
    public async Task UnknownVariant_IsNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _supervisor.DownloadAsync($"/umfragen/{_id}/export.csv?variant=excel")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _supervisor.DownloadAsync("/organisationen/export.csv?variant=excel")).Status);
    }
}
