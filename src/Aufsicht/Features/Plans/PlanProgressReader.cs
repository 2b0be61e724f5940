using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>A body of a plan and the body its subtree hangs from (its ministry; itself when it has no parent).</summary>
internal sealed record GroupedBody(long Id, string Name, long RootId, string RootName);

/// <summary>A plan's packages for the progress pages: the record, every package named, and the plan's bodies with their ministries.</summary>
internal sealed record PlanPackagesView(MigrationPlanRecord Plan, IReadOnlyList<PackageLine> Packages, IReadOnlyList<GroupedBody> Bodies)
{
    /// <summary>The plan was changed (progress, dates) after its last computation: its months may no longer fit.</summary>
    public bool NeedsComputing => Plan.SolvedAt is { } solved && Plan.UpdatedAt > solved;
}

/// <summary>Reads a plan's packages, incidents, decisions and involvements for the progress pages.</summary>
internal sealed class PlanProgressReader(AufsichtDb db, TimeProvider clock, LocalDates dates, MigrationData migration)
{
    /// <summary>The current month in the authority's zone: what „late“ is measured against.</summary>
    public YearMonth ThisMonth() => YearMonth.Of(dates.DayOf(clock.GetUtcNow().UtcDateTime));

    public DateOnly Today() => dates.DayOf(clock.GetUtcNow().UtcDateTime);

    public async Task<PlanPackagesView?> PackagesAsync(long planId, CancellationToken cancel)
    {
        var plan = await db.MigrationPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancel).ConfigureAwait(false);
        if (plan is null)
        {
            return null;
        }

        var rows = await db.PlanPackages.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Id).ToListAsync(cancel).ConfigureAwait(false);
        var bodies = await BodiesAsync(rows.Select(r => r.BodyId).Distinct().ToList(), cancel).ConfigureAwait(false);
        var names = bodies.ToDictionary(b => b.Id, b => b.Name);
        return new PlanPackagesView(plan, rows.Select(r => new PackageLine(r, names.GetValueOrDefault(r.BodyId, "?"), r.Product is { } p ? migration.Products.Find(p) : null)).ToList(), bodies);
    }

    /// <summary>The plan a package belongs to, for the package page.</summary>
    public Task<long?> PlanOfPackageAsync(long packageId, CancellationToken cancel) =>
        db.PlanPackages.AsNoTracking().Where(p => p.Id == packageId).Select(p => (long?)p.PlanId).SingleOrDefaultAsync(cancel);

    public Task<List<PlanIncidentRecord>> IncidentsAsync(long planId, CancellationToken cancel) =>
        db.PlanIncidents.AsNoTracking().Where(i => i.PlanId == planId).OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).ToListAsync(cancel);

    public Task<List<PlanDecisionRecord>> DecisionsAsync(long planId, CancellationToken cancel) =>
        db.PlanDecisions.AsNoTracking().Where(d => d.PlanId == planId).OrderBy(d => d.Id).ToListAsync(cancel);

    public Task<List<PlanInvolvementRecord>> InvolvementsAsync(long planId, CancellationToken cancel) =>
        db.PlanInvolvements.AsNoTracking().Where(i => i.PlanId == planId).ToListAsync(cancel);

    /// <summary>The bodies with their ministries (the top of their tree), sorted by ministry, then the ministry itself first, then by name.</summary>
    private async Task<List<GroupedBody>> BodiesAsync(IReadOnlyList<long> ids, CancellationToken cancel)
    {
        var known = new Dictionary<long, (string Name, long? Parent)>();
        var next = ids.ToList();
        while (next.Count > 0)
        {
            var batch = next.Where(id => !known.ContainsKey(id)).Distinct().ToList();
            var found = await db.Bodies.AsNoTracking().Where(b => batch.Contains(b.Id)).Select(b => new { b.Id, b.Name, b.ParentId }).ToListAsync(cancel).ConfigureAwait(false);
            foreach (var b in found)
            {
                known[b.Id] = (b.Name, b.ParentId);
            }

            next = found.Where(b => b.ParentId is { } p && !known.ContainsKey(p)).Select(b => b.ParentId!.Value).ToList();
        }

        return ids.Where(known.ContainsKey).Select(id =>
            {
                var root = StaffWarnings.RootOf(id, b => known.TryGetValue(b, out var k) ? k.Parent : null);
                return new GroupedBody(id, known[id].Name, root, known.TryGetValue(root, out var r) ? r.Name : "?");
            })
            .OrderBy(b => b.RootName, StringComparer.Ordinal).ThenBy(b => b.Id != b.RootId).ThenBy(b => b.Name, StringComparer.Ordinal).ToList();
    }
}

/// <summary>
/// Groups the check „staff representatives not involved“: one line per ministry subtree with the number of its bodies
/// instead of one per body (a Land has hundreds of offices). A subtree with a single such body keeps its line.
/// </summary>
internal static class StaffWarnings
{
    public const string NoneKey = "migration.check.staffRepresentativesNone";

    public const string GroupedKey = "plans.involvement.noneInSubtree";

    public static IReadOnlyList<PlanWarning> Group(IReadOnlyList<PlanWarning> warnings, IReadOnlyList<InventoryBody> bodies)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        ArgumentNullException.ThrowIfNull(bodies);
        var parents = bodies.ToDictionary(b => b.Id, b => b.ParentId);
        var none = warnings.Where(w => w.Key == NoneKey && w.BodyId is not null).ToList();
        var grouped = none.GroupBy(w => RootOf(w.BodyId!.Value, id => parents.GetValueOrDefault(id))).Where(g => g.Count() > 1)
            .ToDictionary(g => g.First(), g => new PlanWarning(WarningKind.StaffRepresentatives, GroupedKey, g.Key, null, null,
                [g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        var dropped = grouped.Keys.SelectMany(first => none.Where(w => RootOf(w.BodyId!.Value, id => parents.GetValueOrDefault(id)) == grouped[first].BodyId)).ToHashSet();
        return warnings.Select(w => grouped.TryGetValue(w, out var g) ? g : dropped.Contains(w) ? null : w).OfType<PlanWarning>().ToList();
    }

    /// <summary>The top of a body's tree (its ministry), guarding against a cycle in stored data.</summary>
    public static long RootOf(long id, Func<long, long?> parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var seen = new HashSet<long> { id };
        while (parent(id) is { } p && seen.Add(p))
        {
            id = p;
        }

        return id;
    }
}
