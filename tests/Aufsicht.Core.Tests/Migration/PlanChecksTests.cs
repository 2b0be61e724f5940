using Aufsicht.Core.Migration;
using Aufsicht.Core.Scheduling;
using Xunit;
using static Aufsicht.Core.Tests.Migration.MigrationFixtures;

namespace Aufsicht.Core.Tests.Migration;

/// <summary>Each check of a plan (Munich's and Schleswig-Holstein's lessons) firing where it should, and silent on a sound plan.</summary>
[Trait("Category", "Unit")]
public sealed class PlanChecksTests
{
    private static readonly Dictionary<long, DateOnly> Involved = new() { [1] = new DateOnly(2026, 10, 1), [2] = new DateOnly(2026, 10, 1) };

    private static (PlanInputs Plan, Schedule Schedule) Plan(
        Inventory? inventory = null, Func<WorkPackage, WorkPackage?>? edit = null, Dictionary<string, int>? capacities = null,
        Dictionary<long, DateOnly>? involved = null, PlanningParameters? parameters = null)
    {
        var i = inventory ?? Small();
        var packages = Generate(i, parameters).Select(edit ?? (p => p)).OfType<WorkPackage>().ToList();
        var problem = Problem(packages, capacities);
        return (new PlanInputs(i, packages, problem, PlanStart, involved ?? Involved), Earliest(problem));
    }

    private static List<string> Warnings(PlanInputs plan, Schedule? schedule) =>
        PlanChecks.Check(plan, schedule).Select(w => $"{w.Key} {w.BodyId}/{w.Pillar}/{w.Month}").ToList();

    private static Inventory WithRegister() =>
        Small() with { Applications = [.. Small().Applications, new ApplicationEntry(2, "Vorlagen", ApplicationKind.Template, new HashSet<Dependency> { Dependency.OfficeSuite }, Compatibility.Compatible, 30, InventorySource.Survey)] };

    [Fact]
    public void Check_SoundPlan_NoWarning()
    {
        var (plan, schedule) = Plan(WithRegister());
        Assert.Empty(Warnings(plan, schedule));
    }

    [Fact]
    public void Check_BodyWithWorkplacesWithoutRegister_NoRegister()
    {
        var (plan, schedule) = Plan();
        Assert.Equal(["migration.check.noRegister 2//"], Warnings(plan, schedule));
        Assert.Equal(["30"], PlanChecks.Check(plan, schedule)[0].Args);
    }

    [Theory]
    [InlineData("b1/office/rollback", "migration.check.noRollback 1/Office/")]
    [InlineData("b2/office/parallel", "migration.check.noParallelOperation 1/Office/")]
    public void Check_PackageRemoved_Warns(string removed, string expected)
    {
        var (plan, _) = Plan(WithRegister(), p => p.Id == removed ? null : p with { After = [.. p.After.Where(a => a != removed)] });
        Assert.Equal([expected.Replace("1/Office", removed[1..2] + "/Office", StringComparison.Ordinal)], Warnings(plan, null));
    }

    [Fact]
    public void Check_ParallelOperationOfZeroMonths_NoParallelOperation()
    {
        var (plan, _) = Plan(WithRegister(), p => p.Phase == Phase.ParallelOperation && p.Pillar == Pillar.Mail ? p with { Duration = 0 } : p);
        Assert.Equal(["migration.check.noParallelOperation 1/Mail/"], Warnings(plan, null));
    }

    [Fact]
    public void Check_SupportBelowWhatGoLivesNeed_MonthsAndPhasesNamed()
    {
        // Each package fits in 9 support person-days a month (a cohort of 45 needs 9), but the earliest schedule runs
        // the office and mail cohorts of body 1 side by side.
        var (plan, schedule) = Plan(WithRegister(), capacities: Capacities(support: 9));
        var warnings = PlanChecks.Check(plan, schedule);
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Equal(("migration.check.supportShort", WarningKind.CapacityShort), (w.Key, w.Kind)));
        var load = ScheduleCheck.Load(plan.Problem, schedule).Where(l => l.Resource == "support" && l.Demand > 9).ToList();
        Assert.Equal(load.Select(l => MigrationProblem.MonthOf(PlanStart, l.Period)).Distinct().Order(), warnings.Select(w => w.Month!.Value).Distinct().Order());
        Assert.True(load.Select(l => l.Period).Distinct().Count() >= 2);
    }

    [Fact]
    public void Check_TrainingPackageNeedsMoreTrainersThanThereAre_WarnsWithoutSchedule()
    {
        var (plan, _) = Plan(WithRegister(), capacities: Capacities(trainers: 0));
        var warnings = PlanChecks.Check(plan, null);
        Assert.All(warnings, w => Assert.Equal("migration.check.trainersShortPackage", w.Key));
        Assert.Equal(plan.Packages.Count(p => p.Phase == Phase.Training), warnings.Count);
    }

    [Fact]
    public void Check_LineWithoutLicenceCost_LicenceCostUnknownForItsPillar()
    {
        var (plan, _) = Plan(Small(officeLicence: null) with { Applications = WithRegister().Applications });
        Assert.Equal(["migration.check.licenceCostUnknown 1/Office/"], Warnings(plan, null));
    }

    [Fact]
    public void Check_LineAlreadyOnTargetWithoutLicenceCost_NoWarning()
    {
        // LibreOffice beside Microsoft Office in the ministry: no licence to cancel, so no licence cost is missing.
        var inventory = WithRegister();
        var (plan, _) = Plan(inventory);
        var withOpenSource = plan with { Inventory = inventory with { Products = [.. inventory.Products, Line(1, "libreoffice", Pillar.Office, workplaces: 5, licence: null)] } };
        Assert.DoesNotContain(Warnings(withOpenSource, null), w => w.StartsWith("migration.check.licenceCostUnknown", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("running", "migration.check.runningCostsMissing")]
    [InlineData("one-off", "migration.check.oneOffCostsMissing")]
    [InlineData("staff", "migration.check.staffCostsMissing")]
    [InlineData("licence", "migration.check.licenceCostsMissing")]
    public void Check_CostCategoryZero_CostMissing(string category, string key)
    {
        var parameters = category switch
        {
            "running" => Parameters with { RunningPerUnitMonthCents = 0 },
            "one-off" => Parameters with { OneOffPerUnitCents = 0 },
            "staff" => Parameters with { DayRateCents = 0 },
            _ => Parameters,
        };
        var (plan, _) = Plan(WithRegister(), p => category == "licence" ? p with { LicenceCentsPerYear = 0 } : p, parameters: parameters);
        Assert.Equal([key + " //"], Warnings(plan, null));
    }

    [Fact]
    public void Check_StaffRepresentativesOfABodyNotInvolved_Warns()
    {
        var (plan, schedule) = Plan(WithRegister(), involved: new Dictionary<long, DateOnly> { [1] = new(2026, 10, 1) });
        Assert.Equal(["migration.check.staffRepresentativesNone 2//"], Warnings(plan, schedule));
    }

    [Fact]
    public void Check_StaffRepresentativesInvolvedAfterAPilotStarts_WarnsPerPillarWithTheMonth()
    {
        // Body 1's mail pilot starts in period 2 (March 2027), its office pilot in April after the macro's replacement, the
        // OS pilot later: involvement on 15 March 2027 is too late for mail only.
        var (plan, schedule) = Plan(WithRegister(), involved: new Dictionary<long, DateOnly> { [1] = new(2027, 3, 15), [2] = new(2026, 10, 1) });
        var starts = schedule.Tasks.Where(t => t.Id.StartsWith("b1/", StringComparison.Ordinal) && t.Id.EndsWith("/pilot", StringComparison.Ordinal)).ToDictionary(t => t.Id, t => t.Start);
        Assert.Equal((2, 3), (starts["b1/mail/pilot"], starts["b1/office/pilot"]));
        Assert.True(starts["b1/operating-system/pilot"] > 3);
        Assert.Equal(["migration.check.staffRepresentativesLate 1/Mail/2027-03"], Warnings(plan, schedule));
        Assert.Empty(Warnings(plan, null));
    }
}
