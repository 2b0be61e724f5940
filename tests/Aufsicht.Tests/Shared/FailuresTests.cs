using System.Text.Json;
using Aufsicht.Cli;
using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Shared;

/// <summary>The one edge from an expected failure to words, an HTTP status, a ProblemDetails and a CLI exit code.</summary>
[Trait("Category", "Unit")]
public sealed class FailuresTests
{
    [Theory]
    [InlineData(ErrorKind.Invalid, 400)]
    [InlineData(ErrorKind.NotFound, 404)]
    [InlineData(ErrorKind.Conflict, 409)]
    [InlineData(ErrorKind.Forbidden, 403)]
    [InlineData(ErrorKind.Gone, 410)]
    [InlineData(ErrorKind.TooLarge, 413)]
    public void Status_OfEachKind(ErrorKind kind, int status)
    {
        Assert.Equal(status, Failures.Status(kind));
        Assert.Equal(status, Failures.Status([new Error(kind, "f", "k", [])]));
    }

    [Theory]
    [InlineData(400, ErrorKind.Invalid, ErrorKind.Invalid)]
    [InlineData(413, ErrorKind.Invalid, ErrorKind.TooLarge)]
    [InlineData(409, ErrorKind.TooLarge, ErrorKind.Conflict, ErrorKind.Invalid)]
    [InlineData(410, ErrorKind.Conflict, ErrorKind.Gone)]
    [InlineData(404, ErrorKind.Gone, ErrorKind.NotFound, ErrorKind.Invalid)]
    [InlineData(403, ErrorKind.Invalid, ErrorKind.NotFound, ErrorKind.Forbidden)]
    public void Status_OfSeveral_TheGravestKindWins(int status, params ErrorKind[] kinds) =>
        Assert.Equal(status, Failures.Status(kinds.Select(k => new Error(k, "f", "k", [])).ToArray()));

    [Theory]
    [InlineData(Language.De, "Frist: bitte ein Datum ab heute im Format JJJJ-MM-TT angeben (erhalten: „morgen“).")]
    [InlineData(Language.En, "Deadline: please give a date from today on as YYYY-MM-DD (got \"morgen\").")]
    public void Message_InTheLanguage_WithItsArguments(Language language, string message) =>
        Assert.Equal(message, Failures.Message(Error.Invalid("deadline", "campaign.invalid.deadline", "morgen"), language));

    [Fact]
    public void Messages_KeepTheOrder()
    {
        var messages = Failures.Messages([Error.Invalid("title", "campaign.invalid.title"), Error.Conflict("campaign", "campaign.notDraft")], Language.De);
        Assert.Equal(["Titel: bitte 1 bis 300 Zeichen angeben.", "Diese Umfrage läuft bereits oder ist abgeschlossen."], messages);
    }

    [Fact]
    public async Task Problem_FieldErrors_AreGroupedByField_WithTheGravestStatus_AndAGermanTitle()
    {
        var (status, type, json) = await ExecuteAsync(Failures.Problem(
            [
                Error.Invalid("deadline", "campaign.invalid.deadline", "morgen"),
                Error.Invalid("deadline", "campaign.invalid.title"),
                Error.Invalid("retention", "campaign.invalid.retention", "7"),
            ],
            Language.De));

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.Equal("Die Anfrage ist ungültig.", json.GetProperty("title").GetString());
        var errors = json.GetProperty("errors");
        Assert.Equal(["deadline", "retention"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, errors.GetProperty("deadline").GetArrayLength());
        Assert.StartsWith("Frist: bitte ein Datum", errors.GetProperty("deadline")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Aufbewahrung: bitte eine ganze Zahl von 30 bis 3650 Tagen (erhalten: „7“).", errors.GetProperty("retention")[0].GetString());
        Assert.False(json.TryGetProperty("detail", out _));
    }

    [Fact]
    public async Task Problem_WholeRequestError_IsTheDetail_NoErrorsObject_InEnglish()
    {
        var (status, _, json) = await ExecuteAsync(Failures.Problem([Error.NotFound("", "api.unknownService", "nope")], Language.En));

        Assert.Equal(404, status);
        Assert.Equal("What the request names does not exist.", json.GetProperty("title").GetString());
        Assert.Equal("\"nope\" is not in the catalogue.", json.GetProperty("detail").GetString());
        Assert.False(json.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task Problem_GivenTitleKey_AndAConflict()
    {
        var (status, _, json) = await ExecuteAsync(Failures.Problem([Error.Conflict("revision", "edit.error.stale")], Language.De, "response.api.invalid"));

        Assert.Equal(409, status);
        Assert.Equal("Einige Antworten sind ungültig; es wurde nichts gespeichert.", json.GetProperty("title").GetString());
        Assert.Contains("von jemand anderem geändert", json.GetProperty("errors").GetProperty("revision")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.De, "campaign start: campaign: Diese Umfrage läuft bereits oder ist abgeschlossen.")]
    [InlineData(Language.En, "campaign start: campaign: This survey is already running or closed.")]
    public void Cli_PrintsOneLinePerError_AndExitsWithInvalidInput(Language language, string line)
    {
        using var error = new StringWriter();
        var context = new CliContext(() => Stream.Null, error, () => Stream.Null, TimeProvider.System, colour: false) { Language = language };

        var exit = CliFailures.Print([Error.Conflict("campaign", "campaign.notDraft"), Error.NotFound("", "campaign.unknown")], context, "campaign start");

        Assert.Equal(ExitCode.InvalidInput, exit);
        var lines = error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(line, lines[0]);
        Assert.StartsWith("campaign start: ", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("campaign.unknown", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.De, "bodies.csv: Zeile 3, Spalte „kind“: „Schule“ ist keiner der Werte")]
    [InlineData(Language.En, "bodies.csv: row 3, column \"kind\": \"Schule\" is not one of")]
    public void Cli_NamesTheFieldTheFeaturesWay_WhenGivenWhere(Language language, string start)
    {
        using var error = new StringWriter();
        var context = new CliContext(() => Stream.Null, error, () => Stream.Null, TimeProvider.System, colour: false) { Language = language };

        var exit = CliFailures.Print([Error.Invalid(new Core.Bodies.CellAt(3, "kind").ToString(), "bodies.notOneOf", "Schule", "school, authority")], context, "bodies.csv", Features.Bodies.BodyText.Where);

        Assert.Equal(ExitCode.InvalidInput, exit);
        Assert.StartsWith(start, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ErrorKind.Invalid)]
    [InlineData(ErrorKind.NotFound)]
    [InlineData(ErrorKind.Conflict)]
    [InlineData(ErrorKind.Forbidden)]
    [InlineData(ErrorKind.Gone)]
    [InlineData(ErrorKind.TooLarge)]
    public void Cli_EveryKind_IsInvalidInput(ErrorKind kind) => Assert.Equal(ExitCode.InvalidInput, CliFailures.Exit(kind));

    /// <summary>Runs an endpoint's result into a response, as the server would.</summary>
    private static async Task<(int Status, string? ContentType, JsonElement Json)> ExecuteAsync(Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult result)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        using var body = new MemoryStream();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        body.Position = 0;
        using var document = await JsonDocument.ParseAsync(body);
        return (http.Response.StatusCode, http.Response.ContentType?.Split(';')[0], document.RootElement.Clone());
    }
}
