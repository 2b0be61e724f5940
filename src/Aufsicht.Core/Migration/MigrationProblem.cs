using System.Globalization;
using Aufsicht.Core.Scheduling;

namespace Aufsicht.Core.Migration;

/// <summary>A month in which <paramref name="Resource"/> has only <paramref name="Capacity"/> units (0: a blackout), from <paramref name="From"/> to <paramref name="To"/> inclusive.</summary>
public sealed record Blackout(string Resource, YearMonth From, YearMonth To, int Capacity = 0)
{
    public int Capacity { get; init; } = Capacity >= 0 ? Capacity : throw new ArgumentOutOfRangeException(nameof(Capacity));

    public YearMonth To { get; init; } = To >= From ? To : throw new ArgumentException("A blackout ends after it starts.", nameof(To));
}

/// <summary>The months some resource has less capacity than usual (holidays, a change freeze).</summary>
public sealed record MigrationCalendar(IReadOnlyList<Blackout> Blackouts)
{
    public static MigrationCalendar None { get; } = new([]);

    /// <summary>
    /// No go-live in December (the year-end: holidays, closing of the budget year) nor in August (the summer holidays
    /// that every Land's school holidays overlap): the <c>support</c> a pilot or cohort needs is 0 then, so no roll-out
    /// runs through those months. Preparation, training and register work go on.
    /// </summary>
    public static MigrationCalendar GoLiveBlackouts(YearMonth from, int years)
    {
        var blackouts = new List<Blackout>();
        for (var year = from.Year; year < from.Year + years; year++)
        {
            blackouts.Add(new Blackout(WorkPackageGenerator.Support, new YearMonth(year, 8), new YearMonth(year, 8)));
            blackouts.Add(new Blackout(WorkPackageGenerator.Support, new YearMonth(year, 12), new YearMonth(year, 12)));
        }

        return new MigrationCalendar(blackouts);
    }
}

/// <summary>The earliest month a package may start in and the latest month it must have ended in (either may be null).</summary>
public sealed record PackageDates(string Id, YearMonth? Earliest, YearMonth? Latest);

/// <summary>
/// What happened to a package: the month it started and the month it ended in (inclusive; null while running). The
/// plan keeps both when re-planning.
/// </summary>
public sealed record PackageProgress(string Id, YearMonth Start, YearMonth? End);

/// <summary>
/// Turns work packages into the scheduling problem (<see cref="SchedulingProblem"/>): periods are months from the
/// plan's start (period 0 = <c>planStart</c>), capacities per resource and month with the calendar's blackouts, dates
/// as release and deadline (and, given <c>today</c>, no package that has not begun before the current month), the licence cancellations as tasks that may only start at the month after a contract end
/// or its anniversaries and that cost the monthly licence until they take effect, and progress as fixed starts.
/// </summary>
public static class MigrationProblem
{
    /// <summary>The month of a period.</summary>
    public static YearMonth MonthOf(YearMonth planStart, int period) => planStart.Plus(period);

    /// <summary>The period of a month (negative before the plan's start).</summary>
    public static int PeriodOf(YearMonth planStart, YearMonth month) => planStart.MonthsUntil(month);

    /// <summary>The months a cancellation of a contract ending on <paramref name="contractEnd"/> may take effect: the month after it and that month in every later year, from period 0 to the horizon.</summary>
    public static IReadOnlyList<int> CancellationPeriods(YearMonth planStart, DateOnly contractEnd, int horizon)
    {
        var periods = new List<int>();
        for (var p = FirstCancellationPeriod(planStart, contractEnd); p <= horizon; p += 12)
        {
            periods.Add(p);
        }

        return periods;
    }

    /// <summary>The first period from 0 on at which a cancellation of a contract ending on <paramref name="contractEnd"/> may take effect.</summary>
    public static int FirstCancellationPeriod(YearMonth planStart, DateOnly contractEnd)
    {
        var first = PeriodOf(planStart, YearMonth.Of(contractEnd).Plus(1));
        return first >= 0 ? first : first + (12 * ((-first + 11) / 12));
    }

    public static Result<SchedulingProblem> Build(
        IReadOnlyList<WorkPackage> packages,
        IReadOnlyDictionary<string, int> capacities,
        MigrationCalendar calendar,
        YearMonth planStart,
        Objective objective,
        IReadOnlyList<PackageProgress> progress,
        IReadOnlyList<PackageDates>? dates = null,
        ObjectiveWeights? weights = null,
        YearMonth? today = null)
    {
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(capacities);
        ArgumentNullException.ThrowIfNull(calendar);
        var errors = new List<Error>();
        var byId = new Dictionary<string, WorkPackage>(StringComparer.Ordinal);
        foreach (var (package, i) in packages.Select((p, i) => (p, i)))
        {
            if (!byId.TryAdd(package.Id, package))
            {
                errors.Add(Error.Invalid(Path("packages", i, "id"), "migration.package.twice", package.Id));
            }
        }

        var fixedStart = new Dictionary<string, (int Start, int Duration)>(StringComparer.Ordinal);
        foreach (var (item, i) in (progress ?? []).Select((p, i) => (p, i)))
        {
            if (!byId.TryGetValue(item.Id, out var package))
            {
                errors.Add(Error.NotFound(Path("progress", i, "id"), "migration.package.unknown", item.Id));
                continue;
            }

            if (item.End is { } end && end < item.Start)
            {
                errors.Add(Error.Invalid(Path("progress", i, "end"), "migration.progress.endBeforeStart", item.End.Value.ToString(), item.Start.ToString()));
                continue;
            }

            fixedStart[item.Id] = Fixed(package, item, planStart);
        }

        var windows = new Dictionary<string, (int From, int To)>(StringComparer.Ordinal);
        foreach (var (item, i) in (dates ?? []).Select((d, i) => (d, i)))
        {
            if (!byId.ContainsKey(item.Id))
            {
                errors.Add(Error.NotFound(Path("dates", i, "id"), "migration.package.unknown", item.Id));
                continue;
            }

            windows[item.Id] = (
                item.Earliest is { } earliest ? Math.Max(0, PeriodOf(planStart, earliest)) : -1,
                item.Latest is { } latest ? PeriodOf(planStart, latest) + 1 : -1);
        }

        foreach (var resource in packages.SelectMany(p => p.Uses.Keys).Distinct(StringComparer.Ordinal).Where(r => !capacities.ContainsKey(r)))
        {
            errors.Add(Error.Invalid("capacities", "migration.capacity.missing", resource));
        }

        if (errors.Count > 0)
        {
            return Result<SchedulingProblem>.Fail(errors);
        }

        // Re-planning from today: what has not begun cannot begin in a month that has passed.
        if (today is { } now && PeriodOf(planStart, now) is > 0 and var current)
        {
            foreach (var package in packages.Where(p => !fixedStart.ContainsKey(p.Id)))
            {
                var (from, to) = windows.GetValueOrDefault(package.Id, (-1, -1));
                windows[package.Id] = (Math.Max(from, current), to);
            }
        }

        var horizon = Horizon(packages, fixedStart, windows, planStart);
        var tasks = packages.Select(p =>
        {
            var (start, duration) = fixedStart.TryGetValue(p.Id, out var f) ? ((int?)f.Start, f.Duration) : (null, p.Duration);
            var window = windows.GetValueOrDefault(p.Id, (-1, -1));
            var cancellation = p.Phase == Phase.Cancellation;
            return new SchedulingTask(
                p.Id,
                duration,
                p.Uses,
                p.After,
                Release: window.Item1 >= 0 ? window.Item1 : null,
                Deadline: window.Item2 >= 0 ? window.Item2 : null,
                FixedStart: start,
                AllowedStarts: cancellation && p.ContractEnd is { } contractEnd && start is null ? CancellationPeriods(planStart, contractEnd, horizon) : null,
                CostPerPeriod: cancellation ? (long)Math.Round(p.LicenceCentsPerYear / 12m, MidpointRounding.AwayFromZero) : 0);
        }).ToList();

        var resources = capacities.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new Resource(c.Key, c.Value, Windows(c.Key, c.Value, calendar, planStart, horizon)))
            .ToList();
        return Result<SchedulingProblem>.Ok(new SchedulingProblem(resources, tasks, objective, weights ?? ObjectiveWeights.Default, horizon));
    }

    /// <summary>
    /// A package begun at or after the plan's start keeps its start and, once ended, its actual duration; one begun
    /// before starts at period 0 with what is left of it (ended before the plan's start: nothing, duration 0).
    /// </summary>
    private static (int Start, int Duration) Fixed(WorkPackage package, PackageProgress progress, YearMonth planStart)
    {
        var start = PeriodOf(planStart, progress.Start);
        var end = progress.End is { } e ? PeriodOf(planStart, e) + (package.Duration == 0 ? 0 : 1) : (int?)null;
        if (start >= 0)
        {
            return (start, end is { } known ? known - start : package.Duration);
        }

        return (0, end is { } ended ? Math.Max(0, ended) : Math.Max(package.Duration == 0 ? 0 : 1, package.Duration + start));
    }

    /// <summary>Long enough for every package one after the other, a year of blackouts per ten and a contract anniversary.</summary>
    private static int Horizon(IReadOnlyList<WorkPackage> packages, Dictionary<string, (int Start, int Duration)> fixedStart, Dictionary<string, (int From, int To)> windows, YearMonth planStart)
    {
        var serial = packages.Sum(p => fixedStart.TryGetValue(p.Id, out var f) ? f.Duration : p.Duration);
        var latestFixed = fixedStart.Values.Select(f => f.Start + f.Duration).DefaultIfEmpty(0).Max();
        var latestRelease = windows.Values.Select(w => w.From).DefaultIfEmpty(0).Max();
        var firstCancellation = packages.Where(p => p.ContractEnd is not null)
            .Select(p => FirstCancellationPeriod(planStart, p.ContractEnd!.Value)).DefaultIfEmpty(0).Max();
        return Math.Max(Math.Max(latestFixed, latestRelease), firstCancellation) + (serial * 6 / 5) + 24;
    }

    private static List<CapacityWindow> Windows(string resource, int capacity, MigrationCalendar calendar, YearMonth planStart, int horizon)
    {
        var perMonth = new Dictionary<int, int>();
        foreach (var blackout in calendar.Blackouts.Where(b => b.Resource == resource))
        {
            for (var p = Math.Max(0, PeriodOf(planStart, blackout.From)); p <= Math.Min(horizon, PeriodOf(planStart, blackout.To)); p++)
            {
                perMonth[p] = Math.Min(perMonth.GetValueOrDefault(p, capacity), blackout.Capacity);
            }
        }

        var windows = new List<CapacityWindow>();
        foreach (var p in perMonth.Keys.Order())
        {
            if (windows.Count > 0 && windows[^1].To == p && windows[^1].Capacity == perMonth[p])
            {
                windows[^1] = windows[^1] with { To = p + 1 };
            }
            else
            {
                windows.Add(new CapacityWindow(p, p + 1, perMonth[p]));
            }
        }

        return windows;
    }

    private static string Path(string list, int index, string field) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}].{field}");
}
