using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;
using Xunit;

namespace Aufsicht.Tests;

/// <summary>
/// The arrows of docs/architecture.md: a feature uses another only through that feature's named entry points, the
/// host (Web), the CLI's toolkit and the document library know no feature, and the data layer knows only the domain.
/// The table <see cref="Arrows"/> is the doc's table; a test compares the two, so a new arrow needs both.
/// </summary>
/// <remarks>
/// The rules read the compiled code (NetArchTest): constants are copied into their users by the compiler, so a use of
/// <c>Roles.Staff</c> or <c>OtherServices.Prefix</c> is no dependency here; the doc names them all the same.
/// </remarks>
[Trait("Category", "Unit")]
public sealed class ArchitectureTests
{
    private static readonly Assembly App = typeof(Aufsicht.Web.WebApp).Assembly;

    private static readonly string[] Features =
        ["Accounts", "Assessment", "Bodies", "Campaigns", "Cases", "Catalog", "Evaluation", "Inventory", "Mail", "Migration", "Operations", "Plans", "Questionnaires", "Responses", "Scheduling"];

    /// <summary>Who may use which of a feature's types: (from, to) → the entry points of "to"; "*" is every part of the app.</summary>
    private static readonly Dictionary<(string From, string To), string[]> Arrows = new()
    {
        [("*", "Accounts")] = ["Roles"],
        [("Campaigns", "Catalog")] = ["CatalogStore", "CatalogStoreServices", "ServiceNames"],
        [("Campaigns", "Evaluation")] = ["CampaignEvaluator", "StoredOutcome", "StoredFinding", "OtherServices"],
        [("Campaigns", "Mail")] = ["Outbox", "OutboxSignal", "MailModel", "MailTemplate", "MailTemplates", "CampaignTemplates", "MailSettings"],
        [("Campaigns", "Questionnaires")] = ["QuestionnaireStore", "AnswerText"],
        [("Campaigns", "Inventory")] = ["FillFromSurvey", "SurveyFillReport"],
        [("Campaigns", "Cases")] = ["OpenCases", "OpenCasesRequest", "OpenedCases", "OpenedCase", "CaseOverview", "CampaignOverdue", "OpenDeadline", "DeadlineKind"],
        [("Cases", "Campaigns")] = ["Tokens", "CampaignContact"],
        [("Cases", "Accounts")] = ["HandlerSettings"],
        [("Cases", "Catalog")] = ["CatalogStore", "ServiceNames"],
        [("Cases", "Evaluation")] = ["CampaignEvaluator", "StoredOutcome", "StoredFinding"],
        [("Cases", "Mail")] = ["Outbox", "OutboxSignal"],
        [("Catalog", "Assessment")] = ["AssessmentJson", "AssessmentText", "AssessCommand"],
        [("Cli", "Catalog")] = ["CatalogQueries", "View"],
        [("Evaluation", "Catalog")] = ["CatalogStore", "ServiceNames"],
        [("Evaluation", "Questionnaires")] = ["QuestionnaireStore"],
        [("Inventory", "Bodies")] = ["BodyFile", "BodyTable"],
        [("Inventory", "Catalog")] = ["CatalogStore", "ServiceNames"],
        [("Inventory", "Plans")] = ["MigrationData"],
        [("Plans", "Catalog")] = ["CatalogStore"],
        [("Plans", "Bodies")] = ["BodyFile", "BodyTable"],
        [("Plans", "Migration")] = ["MigrationPlanText"],
        [("Questionnaires", "Catalog")] = ["CatalogStore", "ServiceNames"],
        [("Responses", "Campaigns")] = ["Tokens", "CampaignContact"],
        [("Responses", "Catalog")] = ["CatalogStore", "CatalogStoreServices", "ServiceNames"],
        [("Responses", "Evaluation")] = ["CampaignEvaluator", "OtherServices"],
        [("Responses", "Questionnaires")] = ["QuestionnaireStore", "AnswerText", "Pages.QuestionFields", "Pages.IQuestionForm"],
    };

    /// <summary>The parts of the app outside the features that must know none, or only the entry points above (composition roots excepted).</summary>
    private static readonly string[] Others = ["Web", "Cli", "Documents", "Features.Shared"];

    /// <summary>Where everything is put together: they name every feature by necessity.</summary>
    private static readonly string[] CompositionRoots = ["Aufsicht.Web.WebApp", "Aufsicht.Cli.CommandLineApp", "Aufsicht.Features.Texts"];

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var to in Features)
        {
            foreach (var from in Features.Concat(Others).Where(f => f != to))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Part_UsesAnotherFeature_OnlyThroughItsEntryPoints(string from, string to)
    {
        var allowed = EntryPoints(from, to).Select(e => $"Aufsicht.Features.{to}.{e}").ToHashSet(StringComparer.Ordinal);
        var forbidden = TypesOf(to).Where(t => !allowed.Contains(t)).ToArray();
        // HaveDependencyOnAny matches by prefix: a forbidden name must not be the start of an allowed one.
        Assert.DoesNotContain(forbidden, f => allowed.Any(a => a.StartsWith(f, StringComparison.Ordinal)));

        var result = Types.InAssembly(App).That().ResideInNamespaceMatching(Within(Namespace(from)))
            .And().DoNotHaveName(CompositionRoots.Select(r => r[(r.LastIndexOf('.') + 1)..]).ToArray())
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult();
        Assert.True(result.IsSuccessful,
            $"{from} uses internals of {to}: {string.Join(", ", result.FailingTypeNames ?? [])}. Use an entry point ({string.Join(", ", EntryPoints(from, to).DefaultIfEmpty("none"))}) or add the arrow to docs/architecture.md and this test.");
    }

    [Fact]
    public void Web_UsesOfTheCli_OnlyArgumentsAndTheDataFolder()
    {
        string[] allowed = ["Aufsicht.Cli.Arguments", "Aufsicht.Cli.DataFolder", "Aufsicht.Cli.ExitCode"];
        var forbidden = App.GetTypes().Where(t => t.Namespace == "Aufsicht.Cli" && !t.IsNested).Select(t => t.FullName!).Where(t => !allowed.Contains(t)).ToArray();
        Assert.Contains("Aufsicht.Cli.InputException", forbidden);
        var result = Types.InAssembly(App).That().ResideInNamespaceMatching(Within("Aufsicht.Web")).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, "Web uses the CLI's internals: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Documents_KnowsNoPartOfTheApp()
    {
        var result = Types.InAssembly(App).That().ResideInNamespaceMatching(Within("Aufsicht.Documents"))
            .ShouldNot().HaveDependencyOnAny("Aufsicht.Features", "Aufsicht.Web", "Aufsicht.Cli")
            .GetResult();
        Assert.True(result.IsSuccessful, "Documents depends on the app: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Data_KnowsOnlyTheDomain()
    {
        var data = typeof(Aufsicht.Data.AufsichtDb).Assembly;
        Assert.Equal(["Aufsicht.Core"], data.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Aufsicht", StringComparison.Ordinal) || n == "aufsicht"));
        var result = Types.InAssembly(data).ShouldNot().HaveDependencyOnAny("Aufsicht.Web", "Aufsicht.Features", "Aufsicht.Cli", "Aufsicht.Documents").GetResult();
        Assert.True(result.IsSuccessful, "Data depends on the app: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Core_KnowsNoOtherProject()
    {
        var core = typeof(Aufsicht.Core.Error).Assembly;
        Assert.DoesNotContain(core.GetReferencedAssemblies(), a => a.Name!.StartsWith("Aufsicht", StringComparison.Ordinal) || a.Name == "aufsicht");
    }

    [Fact]
    public void EveryEntryPoint_IsATypeOfItsFeature()
    {
        var missing = Arrows.SelectMany(a => a.Value.Select(e => $"Aufsicht.Features.{a.Key.To}.{e}")).Where(name => App.GetType(name) is null).ToList();
        Assert.Empty(missing);
        Assert.All(Arrows.Keys, k => Assert.Contains(k.To, Features));
    }

    [Fact]
    public void ArrowsTable_IsTheOneInTheDoc()
    {
        var doc = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "architecture.md"));
        var rows = doc.Select(l => Regex.Match(l, @"^\|\s*(?<from>[\w*.]+)\s*\|\s*(?<to>\w+)\s*\|(?<entries>[^|]*)\|", RegexOptions.None, TimeSpan.FromSeconds(1)))
            .Where(m => m.Success && m.Groups["entries"].Value.Contains('`', StringComparison.Ordinal))
            .Select(m => $"{m.Groups["from"].Value} → {m.Groups["to"].Value}: " + string.Join(", ",
                Regex.Matches(m.Groups["entries"].Value, "`([^`]+)`", RegexOptions.None, TimeSpan.FromSeconds(1)).Select(e => e.Groups[1].Value).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        var table = Arrows.Select(a => $"{a.Key.From} → {a.Key.To}: " + string.Join(", ", a.Value.Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(table, rows);
    }

    private static IEnumerable<string> EntryPoints(string from, string to) =>
        Arrows.GetValueOrDefault((from, to), []).Concat(Arrows.GetValueOrDefault(("*", to), []));

    private static string Namespace(string part) => part.StartsWith("Features.", StringComparison.Ordinal) || Features.Contains(part)
        ? "Aufsicht.Features." + part.Replace("Features.", string.Empty, StringComparison.Ordinal)
        : "Aufsicht." + part;

    /// <summary>The namespace and those below it, not a namespace that merely starts with the same letters.</summary>
    private static string Within(string ns) => "^" + Regex.Escape(ns) + @"(\.|$)";

    /// <summary>The top-level types of a feature, its pages included, by full name.</summary>
    private static IEnumerable<string> TypesOf(string feature) =>
        App.GetTypes()
            .Where(t => !t.IsNested && t.Namespace is { } ns && (ns == "Aufsicht.Features." + feature || ns.StartsWith("Aufsicht.Features." + feature + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName!);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Aufsicht.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Aufsicht.slnx not found above " + AppContext.BaseDirectory);
    }
}
