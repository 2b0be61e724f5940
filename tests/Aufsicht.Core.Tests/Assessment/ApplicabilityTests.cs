using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Assessment;

/// <summary>
/// Which technical criteria apply to which kind of service (criteria.json, <c>appliesTo</c>): a criterion that does not
/// apply is a note whatever the fact says, so an operating system is judged by its telemetry alone and an office suite
/// needs no recording indicator to be assessed.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ApplicabilityTests
{
    private static readonly string[] Technical = ["TE01", "TE02", "TE03", "TE04", "TE05", "TE06", "TE07", "TE08"];

    private static ServiceProfile Profile(string category, Dictionary<string, string> facts) =>
        new("s", new LocalizedText("S", "S"), category, D("2026-12-06"), null, null, null, new Provider("P", "DE", null, null), "saas", false,
            facts, ["DE"], null, null, [], [], null);

    private static AuthorityProfile Ungated => Default(D("2026-12-06")) with { GateTechnical = false };

    public static TheoryData<string, string[]> Applying => new()
    {
        // category, the technical criteria that apply to it
        { "video-conferencing", ["TE01", "TE02", "TE03", "TE04", "TE05", "TE06", "TE07", "TE08"] },
        { "chat", ["TE01", "TE02", "TE03", "TE04", "TE05", "TE06"] },
        { "learning-platform", ["TE01", "TE03", "TE04", "TE05", "TE06"] },
        { "office-suite", ["TE01", "TE02", "TE03", "TE04", "TE06"] },
        { "mail-groupware", ["TE01", "TE02", "TE03", "TE04", "TE06"] },
        { "file-sharing", ["TE01", "TE02", "TE03", "TE04", "TE06"] },
        { "operating-system", ["TE06"] },
    };

    [Theory]
    [MemberData(nameof(Applying))]
    public void ShippedCriteria_ApplyToTheseCategories(string category, string[] expected)
    {
        Assert.Equal(expected, Technical.Where(id => Data.Criteria[id].Applies(category)));
    }

    [Theory]
    [MemberData(nameof(Applying))]
    public void Engine_ACriterionThatDoesNotApplyIsANoteWhateverTheFactSays(string category, string[] applying)
    {
        // Every technical fact at its worst value: the applying ones count, the others are notes.
        var worst = FactDomains.Technical.ToDictionary(p => p.Key, p => p.Value[^1], StringComparer.Ordinal);
        var findings = Engine.AssessService(Profile(category, worst), D("2026-12-06"), Ungated).Findings
            .Where(f => f.Criterion.StartsWith("TE", StringComparison.Ordinal))
            .ToArray();
        Assert.Equal(8, findings.Length);
        foreach (var finding in findings)
        {
            if (applying.Contains(finding.Criterion))
            {
                Assert.NotEqual("not-applicable", finding.Reason);
            }
            else
            {
                Assert.Equal(("not-applicable", Level.Note), (finding.Reason, finding.Level));
            }
        }
    }

    [Fact]
    public void Engine_AnOperatingSystemIsAssessedOnItsTelemetryAlone()
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { ["technical.telemetry"] = "configurable" };
        Assert.Equal(Verdict.Yellow, Engine.AssessService(Profile("operating-system", facts), D("2026-12-06"), Ungated).Technical);
        Assert.Equal(Verdict.NotAssessed, Engine.AssessService(Profile("operating-system", []), D("2026-12-06"), Ungated).Technical);

        // The same facts for a video service leave seven criteria unknown.
        Assert.Equal(Verdict.NotAssessed, Engine.AssessService(Profile("video-conferencing", facts), D("2026-12-06"), Ungated).Technical);
    }

    public static TheoryData<string, string, string, bool> GivenCases => new()
    {
        // category, fact, value, refused by validate
        { "office-suite", "technical.recordingTransparency", "indicated", true },
        { "office-suite", "technical.recordingTransparency", "not-applicable", false },
        { "office-suite", "technical.e2ee", "none", false },
        { "operating-system", "technical.authentication", "weak", true },
        { "operating-system", "technical.telemetry", "uncontrollable", false },
        { "learning-platform", "technical.e2ee", "none", true },
        { "learning-platform", "technical.roleSeparation", "granular", false },
        { "video-conferencing", "technical.privacyDefaults", "on", false },
    };

    [Theory]
    [MemberData(nameof(GivenCases))]
    public void Inapplicable_NamesAValueGivenForACriterionThatDoesNotApply(string category, string fact, string value, bool refused)
    {
        var profile = Profile(category, new Dictionary<string, string>(StringComparer.Ordinal) { [fact] = value });
        Assert.Equal(refused ? [fact] : [], SourceCoverage.Inapplicable(profile, Data.Criteria));
    }

    [Fact]
    public void ShippedCatalogue_GivesNoValueForACriterionThatDoesNotApply()
    {
        var given = Data.Catalog.ServiceIds.SelectMany(Data.Catalog.History)
            .SelectMany(s => SourceCoverage.Inapplicable(s, Data.Criteria).Select(f => $"{s.Id} {s.FactsAsOf}: {f}"));
        Assert.Empty(given);
    }
}
