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
    [InlineData("--bodies", "0", "--bodies must be a whole number")]
    [InlineData("--bodies", "viele", "--bodies must be a whole number")]
    public void Demo_BadCount_Exit2(string option, string value, string message)
    {
        var result = Cli.Run("demo", option, value, "--data-dir", _dir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_DatabaseNotEmpty_RefusedAndUnchanged()
    {
        Assert.Equal(0, Cli.Run("demo", "--bodies", "5", "--data-dir", _dir).ExitCode);

        var again = Cli.Run("demo", "--bodies", "5", "--data-dir", _dir);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("only fills an empty one", again.Stderr, StringComparison.Ordinal);
        using var db = DatabaseSetup.Open(new ServerOptions(_dir, null, null));
        Assert.Equal(5, db.Bodies.Count());
    }
}
