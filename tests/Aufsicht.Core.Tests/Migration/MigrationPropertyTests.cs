using Aufsicht.Core.Migration;
using CsCheck;
using Xunit;
using static Aufsicht.Core.Tests.Migration.MigrationFixtures;

namespace Aufsicht.Core.Tests.Migration;

/// <summary>
/// Invariants over random inventories with the shipped parameters: unique ids, predecessors that exist, and the
/// earliest schedule of the problem breaks no rule of the migration (licences after the last user and the notice, at
/// a contract end; the OS after the office suite and the applications).
/// </summary>
[Trait("Category", "Unit")]
public sealed class MigrationPropertyTests
{
    private static readonly PlanningParameters Shipped =
        MigrationDataReader.ReadParameters(File.ReadAllBytes(Path.Combine(TestData.DataFolder, "migration", "parameters.json"))).Value;

    private static readonly Pillar[] Moving = [Pillar.Office, Pillar.OperatingSystem, Pillar.Mail, Pillar.Directory, Pillar.Collaboration];

    private static readonly Gen<ProductLine> GenLine =
        Gen.Select(Gen.Int[0, Moving.Length - 1], Gen.Int[0, 3_000], Gen.Int[0, 36], Gen.Int[0, 12])
            .Select((pillar, count, endMonth, notice) => Line(0, "p" + pillar, Moving[pillar], workplaces: count, users: count, mailboxes: count,
                contractEnd: endMonth == 0 ? null : new DateOnly(2026, 12, 31).AddMonths(endMonth), notice: notice == 0 ? null : notice));

    private static readonly Gen<ApplicationEntry> GenApp =
        Gen.Select(Gen.Enum<Dependency>(), Gen.Enum<Compatibility>(), Gen.Int[0, 999])
            .Select((dependency, compatibility, n) => new ApplicationEntry(0, "App " + n, ApplicationKind.Specialised, new HashSet<Dependency> { dependency }, compatibility, 10, InventorySource.Survey));

    private static readonly Gen<Inventory> GenInventory =
        Gen.Int[1, 4].SelectMany(bodies => Gen.Select(
            Gen.Int[0, bodies].Array[bodies],
            GenLine.Array[0, 4].Array[bodies],
            GenApp.Array[0, 3].Array[bodies],
            (parents, lines, apps) => new Inventory(
                Enumerable.Range(1, bodies).Select(b => new InventoryBody(b, "B" + b, parents[b - 1] is var p && p > 0 && p < b ? p : null)).ToList(),
                lines.SelectMany((ls, b) => ls.GroupBy(l => l.Pillar).Select(g => g.First() with { BodyId = b + 1 })).ToList(),
                apps.SelectMany((a, b) => a.Select(x => x with { BodyId = b + 1 })).ToList())));

    [Fact]
    public void Generate_AnyInventory_EarliestScheduleBreaksNoMigrationRule()
    {
        GenInventory.Sample(inventory =>
        {
            var packages = WorkPackageGenerator.Generate(inventory, AllMove(inventory), Shipped);
            var ids = packages.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(packages.Count, ids.Count);
            Assert.All(packages.SelectMany(p => p.After), a => Assert.Contains(a, ids));
            var problem = Problem(packages, Capacities(team: 1_000, trainers: 1_000, support: 1_000));
            var violations = ScheduleCheck.Violations(packages, problem, Earliest(problem));
            Assert.Empty(violations);
        }, iter: 200);
    }
}
