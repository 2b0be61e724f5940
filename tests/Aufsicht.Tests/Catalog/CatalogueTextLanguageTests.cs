using Aufsicht.Core.DataFiles;
using Aufsicht.Tests.Web;
using Xunit;

namespace Aufsicht.Tests.Catalog;

/// <summary>
/// Every text a service page can show beside a fact — a source's summary, why a value is inferred, the quoted passage
/// in the page's language — passes the checks the language walks apply to the pages they reach. The walks visit only a
/// few service pages; this reads all of them, so a new snapshot cannot bring an internal key or an English word to a
/// German page (or a German one to an English page) unseen.
/// </summary>
[Trait("Category", "Unit")]
public sealed class CatalogueTextLanguageTests
{
    [Fact]
    public void EveryCatalogueText_PassesTheLanguageChecksOfItsPage()
    {
        var read = DataReader.Read(Aufsicht.Cli.DataFolder.Files(Path.Combine(Cli.Repository, "data")));
        Assert.True(read.IsOk, string.Join("\n", read.Errors));
        var catalog = read.Value.Catalog;
        var problems = new List<string>();
        foreach (var snapshot in catalog.ServiceIds.SelectMany(catalog.History))
        {
            var what = $"{snapshot.Id}@{snapshot.FactsAsOf:yyyy-MM-dd}";
            Check(problems, what + " description", [snapshot.Description?.De], [snapshot.Description?.En]);
            foreach (var source in snapshot.Sources)
            {
                Check(problems, $"{what}, {source.Url}", Texts([source], german: true), Texts([source], german: false));
            }
        }

        // What else the catalogue pages show from data: published decisions, alternatives and the legal events.
        foreach (var decision in catalog.Decisions)
        {
            Check(problems, $"decision {decision.Id}", [decision.Reason.De, .. Texts(decision.Sources, german: true)], [decision.Reason.En, .. Texts(decision.Sources, german: false)]);
        }

        foreach (var alternative in catalog.Alternatives)
        {
            Check(problems, $"alternative {alternative.Service}", [alternative.Note?.De, .. Texts(alternative.Sources, german: true)], [alternative.Note?.En, .. Texts(alternative.Sources, german: false)]);
        }

        foreach (var legalEvent in read.Value.Law.Events)
        {
            Check(problems, $"legal event {legalEvent.Id}", [legalEvent.Title.De, legalEvent.Effect.De], [legalEvent.Title.En, legalEvent.Effect.En]);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    private static IEnumerable<string?> Texts(IEnumerable<Aufsicht.Core.Catalog.Source> sources, bool german) =>
        sources.SelectMany(s => german
            ? new[] { s.Summary?.De, s.Inferred?.De, s.Lang == "de" ? s.Passage : null }
            : new[] { s.Summary?.En, s.Inferred?.En, s.Lang == "en" ? s.Passage : null });

    private static void Check(List<string> problems, string what, IEnumerable<string?> german, IEnumerable<string?> english)
    {
        problems.AddRange(german.OfType<string>().SelectMany(LanguageChecks.GermanProblems).Select(p => $"{what}, German page: {p}"));
        problems.AddRange(english.OfType<string>().SelectMany(LanguageChecks.EnglishProblems).Select(p => $"{what}, English page: {p}"));
    }
}
