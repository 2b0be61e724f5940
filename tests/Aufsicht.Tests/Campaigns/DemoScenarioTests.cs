using System.Text.Json;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Aufsicht.Web;
using Xunit;

namespace Aufsicht.Tests.Campaigns;

/// <summary>The demo's migration scenarios (issue 14): the Schleswig-Holstein-like Land and the inventory of the Mecklenburg-Vorpommern demo.</summary>
[Trait("Category", "Database")]
public sealed class DemoScenarioTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aufsicht-demo-scenario-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Demo_ScenarioSh_TreeOfBodiesWithStateSizedInventory_SecondRunRefused()
    {
        var result = Cli.Run("demo", "--scenario", "sh", "--data-dir", _dir);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("demo@aufsicht.example", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("mit dem Passwort (nur jetzt angezeigt)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("/migration/inventar", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Migrationsbestand: ", result.Stdout, StringComparison.Ordinal);
        using (var db = DatabaseSetup.Open(new ServerOptions(_dir, null, null)))
        {
            Assert.Empty(db.Campaigns);
            var bodies = db.Bodies.ToDictionary(b => b.Id, b => b.ParentId);
            Assert.InRange(bodies.Count, 200, 500);
            Assert.Equal(10, bodies.Count(b => b.Value is null));
            foreach (var (id, _) in bodies)
            {
                var seen = new HashSet<long>();
                for (long? at = id; at is { } current; at = bodies[current])
                {
                    Assert.True(seen.Add(current), $"body {id} is in a cycle");
                    Assert.True(bodies.ContainsKey(current), $"body {id} has a parent that is no body");
                }
            }

            Assert.True(bodies.Values.Any(p => p is { } parent && bodies[parent] is not null), "the tree has at least three levels");
            Assert.All(db.Bodies, b => Assert.EndsWith("(Demo)", b.Name, StringComparison.Ordinal));
            var products = db.InventoryProducts.ToList();
            Assert.InRange(products.Where(p => p.Pillar == Pillar.OperatingSystem).Sum(p => p.Workplaces), 24_000, 26_000);
            Assert.True(products.Where(p => p.Pillar == Pillar.Mail).Sum(p => p.Mailboxes) >= 40_000);
            Assert.InRange(products.Where(p => p.Pillar == Pillar.Directory).Sum(p => p.Users), 28_000, 32_000);
            var withRegister = db.InventoryApplications.Select(a => a.BodyId).Distinct().ToHashSet();
            Assert.Contains(products, p => p.Workplaces > 0 && !withRegister.Contains(p.BodyId));
            var compatibility = db.InventoryApplications.GroupBy(a => a.Compatibility).ToDictionary(g => g.Key, g => g.Count());
            Assert.True(compatibility[Compatibility.Compatible] > compatibility[Compatibility.Incompatible]);
            Assert.True(compatibility[Compatibility.NeedsWork] > 0 && compatibility[Compatibility.Incompatible] > 0 && compatibility[Compatibility.Unknown] > 0);

            // Every product the planner knows has its pillar from products.json; the targets already in use are catalogue services.
            using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(Cli.Repository, "data", "migration", "products.json")));
            var pillars = file.RootElement.GetProperty("products").EnumerateArray()
                .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("pillar").GetString()!);
            var targets = new Dictionary<string, Pillar>
            {
                ["libreoffice"] = Pillar.Office,
                ["linux-desktop"] = Pillar.OperatingSystem,
                ["open-xchange"] = Pillar.Mail,
                ["opentalk"] = Pillar.Video,
            };
            foreach (var product in products)
            {
                if (pillars.TryGetValue(product.Product, out var pillar))
                {
                    Assert.Equal(pillar, MigrationNames.Wire(product.Pillar));
                }
                else
                {
                    Assert.Equal(targets[product.Product], product.Pillar);
                }
            }

            Assert.Contains(products, p => p.Product == "microsoft-office" && p.LicenceCentsPerUnitYear == 100_00);
            Assert.All(products.Where(p => p.ContractEnd is not null), p =>
            {
                Assert.InRange(p.ContractEnd!.Value.Year, 2027, 2029);
                Assert.InRange(p.NoticeMonths!.Value, 3, 6);
            });
            Assert.All(products, p => Assert.Equal(InventorySource.Import, p.Source));
        }

        var again = Cli.Run("demo", "--scenario", "sh", "--data-dir", _dir);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("die Demo füllt nur eine leere", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_ScenarioMv_InventoryFromSurveyAndAddedRows_CampaignAsBefore()
    {
        var result = Cli.Run("demo", "--scenario", "mv", "--bodies", "80", "--data-dir", _dir, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("80 fictional bodies, campaign 1 running", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("migration inventory: ", result.Stdout, StringComparison.Ordinal);
        using var db = DatabaseSetup.Open(new ServerOptions(_dir, null, null));
        Assert.Equal(80, db.Bodies.Count());
        var campaign = Assert.Single(db.Campaigns);
        Assert.Equal(CampaignState.Running, campaign.State);
        Assert.Equal(db.Responses.Count(r => r.SubmittedVersion > 0), db.Evaluations.Count());
        var survey = db.InventoryProducts.Where(p => p.Source == InventorySource.Survey).ToList();
        Assert.NotEmpty(survey);
        Assert.All(survey, p => Assert.Equal(campaign.Id, p.CampaignId));
        var imported = db.InventoryProducts.Where(p => p.Source == InventorySource.Import).ToList();
        var kinds = db.Bodies.ToDictionary(b => b.Id, b => b.Kind);
        Assert.All(imported, p => Assert.True(kinds[p.BodyId] is "state-authority" or "district"));
        foreach (var product in new[] { "microsoft-office", "exchange-server", "active-directory" })
        {
            Assert.Contains(imported, p => p.Product == product);
        }

        Assert.Contains(imported, p => p.Product is "windows-10" or "windows-11");
        Assert.NotEmpty(db.InventoryApplications);
        var ministry = Assert.Single(db.Bodies, b => b.Name == "Ministerium für Inneres, Bau und Digitalisierung (Demo)");
        Assert.All(db.Bodies.Where(b => b.Kind == "state-authority" && b.Id != ministry.Id), b => Assert.Equal(ministry.Id, b.ParentId));
    }

    [Theory]
    [InlineData("de", "demo: --scenario: möglich sind mv, sh; angegeben war „x“.")]
    [InlineData("en", "demo: --scenario: expected one of mv, sh; got 'x'")]
    public void Demo_UnknownScenario_Exit2NamingTheOption(string language, string message)
    {
        var result = Cli.Run("demo", "--scenario", "x", "--data-dir", _dir, "--lang", language);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
