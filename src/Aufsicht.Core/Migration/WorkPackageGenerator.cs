using System.Globalization;
using System.Text;

namespace Aufsicht.Core.Migration;

/// <summary>
/// Generates the work packages of a plan from an inventory and its target choice (docs/migration-model.md): per body
/// and pillar a preparation, a pilot, training before the pilot and each cohort, cohorts, a parallel-operation window,
/// a rollback point, and per product line a notice period and the licence cancellation; per body the register work of
/// its specialised applications. Ids are deterministic (<c>b12/office/cohort-2</c>), so a re-generation after an
/// inventory change keeps the ids of what did not change.
/// </summary>
public static class WorkPackageGenerator
{
    public const string Team = "team";
    public const string Trainers = "trainers";
    public const string Support = "support";

    /// <summary>The dependencies an application has, and the pillar whose pilot has to wait for its package.</summary>
    private static readonly (Dependency Dependency, Pillar Pillar)[] AppDependencies =
    [
        (Dependency.OfficeSuite, Pillar.Office),
        (Dependency.Windows, Pillar.OperatingSystem),
        (Dependency.Exchange, Pillar.Mail),
        (Dependency.ActiveDirectory, Pillar.Directory),
    ];

    /// <param name="inventory">The bodies in their tree, their product lines and applications.</param>
    /// <param name="targets">The target choice of every product line (<see cref="Targets.Choose"/>); lines without a move get no packages.</param>
    /// <param name="parameters">Efforts, sizes, crews and costs.</param>
    /// <param name="products">To count a line's licences in the unit its product is licensed in; without it, the pillar's unit.</param>
    public static IReadOnlyList<WorkPackage> Generate(Inventory inventory, IReadOnlyList<TargetChoice> targets, PlanningParameters parameters, ProductCatalogue? products = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(parameters);
        var packages = new List<Builder>();
        var moving = targets.Where(t => t.NeedsMigration).ToList();
        foreach (var body in inventory.Bodies.OrderBy(b => b.Id))
        {
            var pillars = moving.Where(t => t.Line.BodyId == body.Id).Select(t => t.Line.Pillar).ToHashSet();
            foreach (var pillar in Enum.GetValues<Pillar>())
            {
                if (pillar == Pillar.SpecialisedApplications)
                {
                    packages.AddRange(Applications(body.Id, inventory.Applications, pillars, parameters));
                }
                else if (pillars.Contains(pillar))
                {
                    packages.AddRange(PillarPackages(body.Id, pillar, moving.Where(t => t.Line.BodyId == body.Id && t.Line.Pillar == pillar).ToList(), parameters, products));
                }
            }
        }

        Link(packages, inventory);
        return packages.Select(b => b.Build()).ToList();
    }

    /// <summary>The id prefix of a body's pillar: <c>b12/office</c>.</summary>
    public static string Prefix(long body, Pillar pillar) => string.Create(CultureInfo.InvariantCulture, $"b{body}/{MigrationNames.Wire(pillar)}");

    private static IEnumerable<Builder> PillarPackages(long body, Pillar pillar, List<TargetChoice> lines, PlanningParameters p, ProductCatalogue? products)
    {
        var prefix = Prefix(body, pillar);
        var units = lines.Sum(l => PlanningParameters.UnitsOf(pillar, l.Line.Workplaces, l.Line.Users, l.Line.Mailboxes));
        var perUnit = p.EffortPerUnit.GetValueOrDefault(pillar);
        var trains = pillar != Pillar.Directory;

        var prepare = Work(prefix + "/prepare", body, pillar, Phase.Preparation, PreparationDays(units, p), p.TeamCrew, p, Team);
        yield return prepare;

        var pilotUnits = Math.Min(units, Math.Max(p.PilotMinimum, (int)Math.Ceiling(units * p.PilotShare)));
        var cohortCount = (int)Math.Ceiling((units - pilotUnits) / (decimal)p.CohortSize);
        var sizes = Enumerable.Range(0, cohortCount).Select(k => ((units - pilotUnits) / cohortCount) + (k < (units - pilotUnits) % cohortCount ? 1 : 0)).ToList();

        string? previousTraining = null;
        var rollOuts = new List<(string Name, int Units)> { ("pilot", pilotUnits) };
        rollOuts.AddRange(sizes.Select((size, k) => ($"cohort-{k + 1}", size)));
        string? previousRollOut = null;
        foreach (var (name, count) in rollOuts)
        {
            var after = new List<string> { prepare.Id };
            if (trains)
            {
                var trainerDays = count * p.TrainingDaysPerUser / p.TraineesPerTrainerDay;
                var training = Work($"{prefix}/training-{name}", body, pillar, Phase.Training, trainerDays, p.TrainerCrew, p, Trainers) with { Units = count };
                training.After.Add(previousTraining ?? prepare.Id);
                previousTraining = training.Id;
                after.Add(training.Id);
                yield return training;
            }

            var rollOut = Work($"{prefix}/{name}", body, pillar, name == "pilot" ? Phase.Pilot : Phase.Cohort, count * perUnit, p.TeamCrew, p, Team) with
            {
                Units = count,
                OneOffCents = count * p.OneOffPerUnitCents,
                RunningCentsPerMonth = count * p.RunningPerUnitMonthCents,
            };
            if (pillar != Pillar.Directory && SupportDays(count, rollOut.Duration, p) is > 0 and var support)
            {
                rollOut.Uses[Support] = support;
            }

            rollOut.After.AddRange(after);
            if (previousRollOut is not null)
            {
                rollOut.After.Add(previousRollOut);
            }

            previousRollOut = rollOut.Id;
            yield return rollOut;
        }

        var parallel = new Builder(prefix + "/parallel", body, pillar, Phase.ParallelOperation, p.ParallelMonths) { Units = units };
        parallel.After.Add(previousRollOut!);
        yield return parallel;
        var rollback = new Builder(prefix + "/rollback", body, pillar, Phase.Rollback, 0);
        rollback.After.Add(parallel.Id);
        yield return rollback;

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Select(l => l.Line))
        {
            var known = products?.Find(line.Product);
            var slug = Slug(known?.Id ?? line.Product);
            var name = slug;
            for (var n = 2; !seen.Add(name); n++)
            {
                name = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
            }

            var licensed = known?.Unit switch
            {
                LicenceUnit.Workplace => line.Workplaces,
                LicenceUnit.User => line.Users,
                LicenceUnit.Mailbox => line.Mailboxes,
                _ => PlanningParameters.UnitsOf(pillar, line.Workplaces, line.Users, line.Mailboxes),
            };
            var notice = new Builder($"{prefix}/notice-{name}", body, pillar, Phase.Notice, line.NoticeMonths ?? p.DefaultNoticeMonths) { Product = line.Product };
            notice.After.Add(rollback.Id);
            yield return notice;
            var cancel = new Builder($"{prefix}/cancel-{name}", body, pillar, Phase.Cancellation, 0)
            {
                Units = licensed,
                LicenceCentsPerYear = licensed * (line.LicenceCentsPerUnitYear ?? p.LicencePerUnitYearCents),
                ContractEnd = line.ContractEnd,
                Product = line.Product,
            };
            cancel.After.Add(notice.Id);
            yield return cancel;
        }
    }

    private static IEnumerable<Builder> Applications(long body, IReadOnlyList<ApplicationEntry> applications, HashSet<Pillar> moving, PlanningParameters p)
    {
        var prefix = Prefix(body, Pillar.SpecialisedApplications);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var app in applications.Where(a => a.BodyId == body))
        {
            var affected = AppDependencies.Where(d => app.DependsOn.Contains(d.Dependency) && moving.Contains(d.Pillar)).ToList();
            if (affected.Count == 0)
            {
                continue;
            }

            (Phase Phase, string Verb, decimal Days)? work = app.Compatibility switch
            {
                Compatibility.NeedsWork => (Phase.MakeCompatible, "make-compatible", p.MakeCompatibleDays),
                Compatibility.Incompatible => (Phase.Replace, "replace", p.ReplaceDays),
                Compatibility.Unknown => (Phase.Assess, "assess", p.AssessDays),
                _ => null,
            };
            if (work is not { } found)
            {
                continue;
            }

            var (phase, verb, days) = found;

            var slug = Slug(app.Name);
            var name = $"{verb}-{slug}";
            for (var n = 2; !seen.Add(name); n++)
            {
                name = string.Create(CultureInfo.InvariantCulture, $"{verb}-{slug}-{n}");
            }

            var package = Work($"{prefix}/{name}", body, Pillar.SpecialisedApplications, phase, days, p.TeamCrew, p, Team) with { Units = app.Users };
            package.Blocks.AddRange(affected.Select(d => d.Pillar));
            package.Blocks.Add(Pillar.OperatingSystem);
            yield return package;
        }
    }

    /// <summary>The dependencies between pillars, bodies and applications (docs/migration-model.md §Dependencies).</summary>
    private static void Link(List<Builder> packages, Inventory inventory)
    {
        var byId = packages.ToDictionary(b => b.Id, StringComparer.Ordinal);
        Builder? Pilot(long body, Pillar pillar) => byId.GetValueOrDefault(Prefix(body, pillar) + "/pilot");
        Builder? LastRollOut(long body, Pillar pillar) => packages.LastOrDefault(b => b.Body == body && b.Pillar == pillar && b.Phase is Phase.Pilot or Phase.Cohort);

        foreach (var body in inventory.Bodies)
        {
            if (LastRollOut(body.Id, Pillar.Directory) is { } directory)
            {
                Pilot(body.Id, Pillar.Mail)?.After.Add(directory.Id);
                Pilot(body.Id, Pillar.Collaboration)?.After.Add(directory.Id);
            }

            if (LastRollOut(body.Id, Pillar.Office) is { } office)
            {
                Pilot(body.Id, Pillar.OperatingSystem)?.After.Add(office.Id);
            }

            foreach (var app in packages.Where(b => b.Body == body.Id && b.Pillar == Pillar.SpecialisedApplications))
            {
                foreach (var pillar in app.Blocks.Distinct())
                {
                    Pilot(body.Id, pillar)?.After.Add(app.Id);
                }
            }

            // The ministry pilots a pillar before its offices start theirs: its experience goes into their roll-out.
            if (body.ParentId is { } parent)
            {
                foreach (var pillar in Enum.GetValues<Pillar>())
                {
                    if (Pilot(parent, pillar) is { } parentPilot && Pilot(body.Id, pillar) is { } pilot)
                    {
                        pilot.After.Add(parentPilot.Id);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A package of <paramref name="effort"/> person-days: it takes as many months as its crew needs for it (at least
    /// one) and uses, in each of them, its share of the effort in person-days — so twenty small offices of two days
    /// each weigh on the team's capacity as much as one package of forty days, not as twenty full crews.
    /// </summary>
    private static Builder Work(string id, long body, Pillar pillar, Phase phase, decimal effort, int crew, PlanningParameters p, string resource)
    {
        var months = Math.Max(1, (int)Math.Ceiling(effort / (crew * p.WorkdaysPerMonth)));
        var builder = new Builder(id, body, pillar, phase, months)
        {
            Effort = effort,
            StaffCents = (long)Math.Round(effort * p.DayRateCents, MidpointRounding.AwayFromZero),
        };
        builder.Uses[resource] = Math.Max(1, (int)Math.Ceiling(effort / months));
        return builder;
    }

    /// <summary>
    /// The preparation of a body's pillar: the full <see cref="PlanningParameters.PreparationDays"/> for a body with at
    /// least one cohort's units, less in proportion below (a small office reuses the packaging and configuration its
    /// ministry or the Land made), at least one person-day.
    /// </summary>
    public static decimal PreparationDays(int units, PlanningParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Math.Max(1m, Math.Round(p.PreparationDays * Math.Min(1m, units / (decimal)p.CohortSize), 1, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// Support person-days per month while <paramref name="users"/> go live over <paramref name="months"/> months:
    /// <see cref="PlanningParameters.SupportPerThousand"/> persons per 1,000 users for a month of workdays, spread over
    /// the months. The directory moves without users noticing and needs none (the caller leaves it out).
    /// </summary>
    public static int SupportDays(int users, int months, PlanningParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return (int)Math.Ceiling(users * p.SupportPerThousand / 1000m * p.WorkdaysPerMonth / Math.Max(1, months));
    }

    /// <summary>A name as an id part: lower-case ASCII letters and digits (German umlauts and ß spelt out), anything else one hyphen, at most 40 characters.</summary>
    public static string Slug(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            var spelt = c switch { 'ä' => "ae", 'ö' => "oe", 'ü' => "ue", 'ß' => "ss", _ => null };
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(c);
            }
            else if (spelt is not null)
            {
                text.Append(spelt);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        var slug = text.ToString().Trim('-');
        slug = slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
        return slug.Length == 0 ? "x" : slug;
    }

    private sealed record Builder(string Id, long Body, Pillar Pillar, Phase Phase, int Duration)
    {
        public Dictionary<string, int> Uses { get; init; } = new(StringComparer.Ordinal);

        public List<string> After { get; init; } = [];

        public List<Pillar> Blocks { get; init; } = [];

        public int Units { get; init; }

        public decimal Effort { get; init; }

        public long StaffCents { get; init; }

        public long OneOffCents { get; init; }

        public long RunningCentsPerMonth { get; init; }

        public long LicenceCentsPerYear { get; init; }

        public DateOnly? ContractEnd { get; init; }

        public string? Product { get; init; }

        public WorkPackage Build() => new(
            Id, Body, Pillar, Phase, Duration, new Dictionary<string, int>(Uses, StringComparer.Ordinal), After.Distinct(StringComparer.Ordinal).ToList(),
            Units, Effort, StaffCents, OneOffCents, RunningCentsPerMonth, LicenceCentsPerYear, ContractEnd, Product);
    }
}
