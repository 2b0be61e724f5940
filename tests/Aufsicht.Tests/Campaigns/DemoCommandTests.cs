using Aufsicht.Core.Evaluation;
using Aufsicht.Data;
using Aufsicht.Web;
using Xunit;

namespace Aufsicht.Tests.Campaigns;

[Trait("Category", "Database")]
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aufsicht-demo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Demo_EmptyDatabase_RunningCampaignWithEvaluatedAnswers_AndSignInHint()
    {
        var result = Cli.Run("demo", "--bodies", "50", "--data-dir", _dir);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("demo@aufsicht.example", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("50 erfundene Organisationen, Umfrage 1 läuft", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("mit dem Passwort (nur jetzt angezeigt)", result.Stdout, StringComparison.Ordinal);
        using var db = DatabaseSetup.Open(new ServerOptions(_dir, null, null));
        Assert.Equal(50, db.Bodies.Count());
        var campaign = Assert.Single(db.Campaigns);
        Assert.Equal(CampaignState.Running, campaign.State);
        var answered = db.Responses.Count(r => r.SubmittedVersion > 0);
        Assert.InRange(answered, 20, 50);
        Assert.Equal(answered, db.Evaluations.Count());
        Assert.Contains(db.Evaluations, e => e.Status == Compliance.Deficient);
        Assert.Contains(db.Evaluations, e => e.Status == Compliance.Compliant);
        // Systems named in free text wait for a supervisor on the campaign's page of other services (they used to be
        // missing there, so those bodies stayed "unclear" for good).
        var named = db.EvaluationServices.Where(s => s.Service.StartsWith("other:")).Select(s => s.Service).Distinct().ToList();
        Assert.NotEmpty(named);
        var waiting = db.OtherServices.Where(o => o.CampaignId == campaign.Id && o.LinkedService == null).Select(o => "other:" + o.Text).ToList();
        Assert.Equal(named.Order(StringComparer.Ordinal), waiting.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("de", "0", "--bodies muss eine ganze Zahl von 1 bis 200.000 sein; erhalten: „0“")]
    [InlineData("de", "viele", "--bodies muss eine ganze Zahl")]
    [InlineData("en", "viele", "--bodies must be a whole number from 1 to 200,000; got 'viele'")]
    public void Demo_BadCount_Exit2(string language, string value, string message)
    {
        var result = Cli.Run("demo", "--bodies", value, "--data-dir", _dir, "--lang", language);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_DatabaseNotEmpty_RefusedAndUnchanged()
    {
        Assert.Equal(0, Cli.Run("demo", "--bodies", "5", "--data-dir", _dir).ExitCode);

        var again = Cli.Run("demo", "--bodies", "5", "--data-dir", _dir);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("die Demo füllt nur eine leere", again.Stderr, StringComparison.Ordinal);
        using var db = DatabaseSetup.Open(new ServerOptions(_dir, null, null));
        Assert.Equal(5, db.Bodies.Count());
    }
}
