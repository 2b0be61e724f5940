using Aufsicht.Core.Migration;
using Xunit;
using static Aufsicht.Core.Tests.Migration.MigrationFixtures;

namespace Aufsicht.Core.Tests.Migration;

/// <summary>The work packages of the small inventory (two bodies in a tree, office + OS + mail, one incompatible macro), worked out by hand.</summary>
[Trait("Category", "Unit")]
public sealed class WorkPackageGeneratorTests
{
    private static readonly IReadOnlyList<WorkPackage> Packages = Generate();

    private static string[] PillarIds(string prefix, int cohorts, string product) =>
    [
        $"{prefix}/prepare", $"{prefix}/training-pilot", $"{prefix}/pilot",
        .. Enumerable.Range(1, cohorts).SelectMany(k => new[] { $"{prefix}/training-cohort-{k}", $"{prefix}/cohort-{k}" }),
        $"{prefix}/parallel", $"{prefix}/rollback", $"{prefix}/notice-{product}", $"{prefix}/cancel-{product}",
    ];

    [Fact]
    public void Generate_SmallInventory_TheExactPackagesInOrder()
    {
        string[] expected =
        [
            .. PillarIds("b1/office", 2, "microsoft-office"),
            .. PillarIds("b1/operating-system", 2, "windows-10"),
            .. PillarIds("b1/mail", 2, "exchange-server"),
            "b1/specialised-applications/replace-haushalts-makro",
            .. PillarIds("b2/office", 1, "microsoft-office"),
        ];
        Assert.Equal(expected, Packages.Select(p => p.Id));
    }

    [Theory]
    [InlineData("b1/office/prepare", "")]
    [InlineData("b1/office/training-pilot", "b1/office/prepare")]
    [InlineData("b1/office/pilot", "b1/office/prepare b1/office/training-pilot b1/specialised-applications/replace-haushalts-makro")]
    [InlineData("b1/office/training-cohort-1", "b1/office/training-pilot")]
    [InlineData("b1/office/cohort-1", "b1/office/prepare b1/office/training-cohort-1 b1/office/pilot")]
    [InlineData("b1/office/cohort-2", "b1/office/prepare b1/office/training-cohort-2 b1/office/cohort-1")]
    [InlineData("b1/office/parallel", "b1/office/cohort-2")]
    [InlineData("b1/office/rollback", "b1/office/parallel")]
    [InlineData("b1/office/notice-microsoft-office", "b1/office/rollback")]
    [InlineData("b1/office/cancel-microsoft-office", "b1/office/notice-microsoft-office")]
    [InlineData("b1/operating-system/pilot", "b1/operating-system/prepare b1/operating-system/training-pilot b1/office/cohort-2 b1/specialised-applications/replace-haushalts-makro")]
    [InlineData("b1/mail/pilot", "b1/mail/prepare b1/mail/training-pilot")]
    [InlineData("b1/specialised-applications/replace-haushalts-makro", "")]
    [InlineData("b2/office/pilot", "b2/office/prepare b2/office/training-pilot b1/office/pilot")]
    [InlineData("b2/office/cohort-1", "b2/office/prepare b2/office/training-cohort-1 b2/office/pilot")]
    public void Generate_SmallInventory_Dependencies(string id, string after) =>
        Assert.Equal(after.Split(' ', StringSplitOptions.RemoveEmptyEntries), Packages.Single(p => p.Id == id).After);

    [Theory]
    // 100 workplaces: pilot max(10, 10 % of 100) = 10, the 90 left in cohorts of at most 50: 45 and 45. Demands in
    // person-days a month: the effort (0.5 a unit) over the months; support 10 per 1,000 users × 20 workdays.
    [InlineData("b1/office/pilot", Phase.Pilot, 10, 1, "support=2 team=5")]
    [InlineData("b1/office/cohort-1", Phase.Cohort, 45, 1, "support=9 team=23")]
    [InlineData("b1/office/cohort-2", Phase.Cohort, 45, 1, "support=9 team=23")]
    [InlineData("b1/office/training-cohort-1", Phase.Training, 45, 1, "trainers=5")]
    [InlineData("b1/office/prepare", Phase.Preparation, 0, 1, "team=10")]
    [InlineData("b1/office/parallel", Phase.ParallelOperation, 100, 2, "")]
    [InlineData("b1/office/rollback", Phase.Rollback, 0, 0, "")]
    [InlineData("b1/office/notice-microsoft-office", Phase.Notice, 0, 3, "")]
    [InlineData("b1/operating-system/notice-windows-10", Phase.Notice, 0, 6, "")]
    [InlineData("b1/office/cancel-microsoft-office", Phase.Cancellation, 100, 0, "")]
    // 100 person-days / (2 persons × 20 workdays) = 2.5 → 3 months of ⌈100 / 3⌉ = 34 person-days.
    [InlineData("b1/specialised-applications/replace-haushalts-makro", Phase.Replace, 12, 3, "team=34")]
    // 30 workplaces: pilot 10, one cohort of 20; its preparation 30 / 50 of the 10 days.
    [InlineData("b2/office/cohort-1", Phase.Cohort, 20, 1, "support=4 team=10")]
    [InlineData("b2/office/prepare", Phase.Preparation, 0, 1, "team=6")]
    public void Generate_SmallInventory_PhaseUnitsDurationUses(string id, Phase phase, int units, int duration, string uses)
    {
        var package = Packages.Single(p => p.Id == id);
        Assert.Equal((phase, units, duration), (package.Phase, package.Units, package.Duration));
        Assert.Equal(uses, string.Join(' ', package.Uses.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key}={u.Value}")));
    }

    [Fact]
    public void Generate_SmallInventory_CostsFromParametersAndLines()
    {
        var pilot = Packages.Single(p => p.Id == "b1/office/pilot");
        // 10 units × 0.5 person-days × €500; 10 × €10 one-off; 10 × €1 a month.
        Assert.Equal((5m, 250_000L, 10_000L, 1_000L), (pilot.EffortPersonDays, pilot.StaffCents, pilot.OneOffCents, pilot.RunningCentsPerMonth));
        // 100 workplaces × €150 a year (the line's own licence cost).
        var cancel = Packages.Single(p => p.Id == "b1/office/cancel-microsoft-office");
        Assert.Equal((1_500_000L, new DateOnly(2027, 12, 31)), (cancel.LicenceCentsPerYear, cancel.ContractEnd!.Value));
    }

    [Fact]
    public void Generate_LineWithoutLicenceCost_UsesTheDefault()
    {
        var cancel = Generate(Small(officeLicence: null)).Single(p => p.Id == "b1/office/cancel-microsoft-office");
        Assert.Equal(100 * 12_000L, cancel.LicenceCentsPerYear);
    }

    [Theory]
    [InlineData(Compatibility.NeedsWork, "b1/specialised-applications/make-compatible-fachverfahren-a")]
    [InlineData(Compatibility.Incompatible, "b1/specialised-applications/replace-fachverfahren-a")]
    [InlineData(Compatibility.Unknown, "b1/specialised-applications/assess-fachverfahren-a")]
    [InlineData(Compatibility.Compatible, null)]
    [InlineData(Compatibility.Replaced, null)]
    public void Generate_ApplicationByCompatibility_OnePackageBeforeTheOsPilot(Compatibility compatibility, string? expected)
    {
        var inventory = Small() with
        {
            Applications = [new ApplicationEntry(1, "Fachverfahren A", ApplicationKind.Specialised, new HashSet<Dependency> { Dependency.Windows }, compatibility, 5, InventorySource.Survey)],
        };
        var packages = Generate(inventory);
        var apps = packages.Where(p => p.Pillar == Pillar.SpecialisedApplications).Select(p => p.Id).ToList();
        Assert.Equal(expected is null ? [] : [expected], apps);
        var osPilot = packages.Single(p => p.Id == "b1/operating-system/pilot");
        var officePilot = packages.Single(p => p.Id == "b1/office/pilot");
        Assert.Equal(expected is not null, osPilot.After.Contains(expected ?? "-"));
        Assert.DoesNotContain(officePilot.After, a => a.StartsWith("b1/specialised-applications/", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_ApplicationOfAPillarThatStays_NoPackage()
    {
        var inventory = Small() with
        {
            Applications = [new ApplicationEntry(2, "Makro", ApplicationKind.Macro, new HashSet<Dependency> { Dependency.Exchange }, Compatibility.Incompatible, 5, InventorySource.Survey)],
        };
        Assert.DoesNotContain(Generate(inventory), p => p.Pillar == Pillar.SpecialisedApplications);
    }

    [Fact]
    public void Generate_DirectoryMoves_MailAndCollaborationPilotsWaitForIt()
    {
        var inventory = Small() with
        {
            Products =
            [
                Line(1, "active-directory", Pillar.Directory, users: 40),
                Line(1, "exchange-server", Pillar.Mail, mailboxes: 40),
                Line(1, "sharepoint-server", Pillar.Collaboration, users: 40),
            ],
            Applications = [],
        };
        var packages = Generate(inventory);
        // 40 users: pilot 10, one cohort of 30; the directory has no training.
        Assert.DoesNotContain(packages, p => p.Id.StartsWith("b1/directory/training", StringComparison.Ordinal));
        Assert.Contains("b1/directory/cohort-1", packages.Single(p => p.Id == "b1/mail/pilot").After);
        Assert.Contains("b1/directory/cohort-1", packages.Single(p => p.Id == "b1/collaboration/pilot").After);
    }

    [Fact]
    public void Generate_LinesNotMoving_NoPackages()
    {
        var inventory = Small();
        var choices = inventory.Products.Select(l => new TargetChoice(l, l.BodyId == 2 ? TargetStatus.AlreadyOnTarget : TargetStatus.NoTarget, null, null, null, null)).ToList();
        Assert.Empty(WorkPackageGenerator.Generate(inventory, choices, Parameters));
    }

    [Fact]
    public void Generate_SameInput_SameOutput() =>
        Assert.Equal(Packages.Select(p => (p.Id, string.Join(',', p.After), p.Duration)), Generate().Select(p => (p.Id, string.Join(',', p.After), p.Duration)));

    [Theory]
    [InlineData("Haushalts-Makro", "haushalts-makro")]
    [InlineData("  Übersicht Straße (v2) ", "uebersicht-strasse-v2")]
    [InlineData("***", "x")]
    public void Slug_Name_IdPart(string name, string expected) => Assert.Equal(expected, WorkPackageGenerator.Slug(name));

    [Fact]
    public void WorkPackage_NegativeDurationOrMoney_RefusedAlsoWhenEdited()
    {
        var pilot = Packages.Single(p => p.Id == "b1/office/pilot");
        Assert.Equal(4, (pilot with { Duration = 4 }).Duration);
        Assert.Throws<ArgumentOutOfRangeException>(() => pilot with { Duration = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => pilot with { OneOffCents = -1 });
        Assert.Throws<ArgumentException>(() => pilot with { Id = " " });
    }
}
