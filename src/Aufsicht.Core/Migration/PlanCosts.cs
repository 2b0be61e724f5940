using Aufsicht.Core.Scheduling;

namespace Aufsicht.Core.Migration;

/// <summary>
/// The costs of one calendar year of a plan, in euros (exact; round half-up to the cent only when shown): licences
/// still paid, licences saved against staying, one-off costs, the migration's staff, the targets' running costs.
/// </summary>
public sealed record YearCosts(int Year, decimal LicencesPaid, decimal LicencesSaved, decimal OneOff, decimal Staff, decimal Running)
{
    /// <summary>What the year costs (paid licences, one-off, staff, running).</summary>
    public decimal Spent => LicencesPaid + OneOff + Staff + Running;

    /// <summary>Saved licences minus what the migration costs in the year (one-off, staff, running): positive once it pays.</summary>
    public decimal Net => LicencesSaved - OneOff - Staff - Running;
}

/// <summary>The costs of a scheduled plan per calendar year (docs/migration-model.md §Costs).</summary>
public static class PlanCosts
{
    /// <summary>
    /// Costs per calendar year from the plan's first year to <paramref name="untilYear"/> (default: the year of the
    /// schedule's last month). Licences: each cancellation's yearly cost is paid every month before it takes effect
    /// and saved every month from then on. One-off and staff costs: spread evenly over the months a package runs (at
    /// its start month for a milestone). Running costs: every month from the end of a pilot or cohort (its go-live).
    /// Months before the plan's start count nothing. Unplaced packages count nothing.
    /// </summary>
    public static IReadOnlyList<YearCosts> PerYear(IReadOnlyList<WorkPackage> packages, Schedule schedule, YearMonth planStart, int? untilYear = null)
    {
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(schedule);
        var placed = schedule.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var lastPeriod = Math.Max(0, schedule.Tasks.Select(t => Math.Max(t.End - 1, t.Start)).DefaultIfEmpty(0).Max());
        var last = untilYear ?? MigrationProblem.MonthOf(planStart, lastPeriod).Year;
        var years = new List<YearCosts>();
        for (var year = planStart.Year; year <= last; year++)
        {
            // The year's months as periods, clipped to the plan: [from, to).
            var from = Math.Max(0, MigrationProblem.PeriodOf(planStart, new YearMonth(year, 1)));
            var to = MigrationProblem.PeriodOf(planStart, new YearMonth(year, 12)) + 1;
            decimal paid = 0, saved = 0, oneOff = 0, staff = 0, running = 0;
            foreach (var package in packages)
            {
                if (!placed.TryGetValue(package.Id, out var at))
                {
                    continue;
                }

                if (package.Phase == Phase.Cancellation)
                {
                    paid += package.LicenceCentsPerYear * Overlap(from, to, 0, at.Start) / 12m;
                    saved += package.LicenceCentsPerYear * Overlap(from, to, at.Start, int.MaxValue) / 12m;
                }

                var months = Math.Max(1, at.End - at.Start);
                var inYear = at.End == at.Start ? Overlap(from, to, at.Start, at.Start + 1) : Overlap(from, to, at.Start, at.End);
                oneOff += package.OneOffCents * (decimal)inYear / months;
                staff += package.StaffCents * (decimal)inYear / months;
                if (package.IsRollOut)
                {
                    running += package.RunningCentsPerMonth * (decimal)Overlap(from, to, at.End, int.MaxValue);
                }
            }

            years.Add(new YearCosts(year, paid / 100m, saved / 100m, oneOff / 100m, staff / 100m, running / 100m));
        }

        return years;
    }

    /// <summary>How many periods [a, b) and [c, d) share.</summary>
    private static int Overlap(int a, int b, int c, int d) => Math.Max(0, Math.Min(b, d) - Math.Max(a, c));
}
