using System.Globalization;
using Aufsicht.Core.Scheduling;
using Google.OrTools.Sat;
using Google.OrTools.Util;

namespace Aufsicht.Scheduling;

/// <summary>
/// How long and how the solver may search. <paramref name="TimeLimit"/> is a hard wall-clock limit: with
/// <see cref="Elapsed"/> for the whole of <see cref="CpSatScheduler.Solve"/> and what the caller did before (time
/// windows, heuristic, model building, search and, for an infeasible problem, the explaining search). With <paramref name="Deterministic"/> the search also stops at a budget of CP-SAT's
/// deterministic time (<see cref="CpSatScheduler.DeterministicShare"/> × the limit), so where that budget is reached
/// first, or the search ends on its own, the same problem gives the same answer on every run.
/// </summary>
public sealed record SolveOptions(TimeSpan TimeLimit, int Workers = 2, bool Deterministic = true, int Seed = 0)
{
    /// <summary>
    /// The wall-clock time already spent against <see cref="SolveOptions.TimeLimit"/>, read from the caller's clock (the
    /// scheduler reads none itself): the CLI and API start it before reading the input. Null: nothing counts as spent,
    /// so the search gets the whole limit and the work before it is not counted.
    /// </summary>
    public Func<TimeSpan>? Elapsed { get; init; }

    /// <summary>Extra CP-SAT parameters in its text format, appended last (for measurements); null for none.</summary>
    public string? Extra { get; init; }

    /// <summary>For measurements: CP-SAT's deterministic-time budget instead of <see cref="CpSatScheduler.DeterministicShare"/> × the limit.</summary>
    public double? DeterministicBudget { get; init; }

    /// <summary>For measurements: the heuristic's work budget per search instead of <see cref="CpSatScheduler.HeuristicPlacements"/>.</summary>
    public int? Placements { get; init; }

    public static SolveOptions Default { get; } = new(TimeSpan.FromSeconds(10));
}

/// <summary>
/// Solves a <see cref="SchedulingProblem"/> with OR-Tools CP-SAT, modelled as the OR-Tools team models RCPSP: an
/// interval per task, precedences, one cumulative per resource (its calendar as fixed intervals that take the missing
/// capacity), dates as domains, and the makespan. It knows the problem first: the time windows along the precedences
/// (a conflict there is explained without solving), the serial heuristic's schedule as hint and horizon, and the
/// critical-path and energy bounds. The answer's lower bound on the makespan is sound: never above the optimum.
/// </summary>
public static class CpSatScheduler
{
    public static Schedule Solve(SchedulingProblem problem, SolveOptions options)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        if (ProblemCheck.Check(problem) is { Count: > 0 } errors)
        {
            throw new ArgumentException("The problem is not valid; check it with ProblemCheck first: " + errors[0], nameof(problem));
        }

        var windows = TimeWindows.Compute(problem);
        var criticalPath = windows.CriticalPath(problem);
        if (windows.Conflicts.Count > 0)
        {
            return Without(ScheduleStatus.Infeasible) with { Conflicts = windows.Conflicts };
        }

        if (problem.Tasks.Count == 0)
        {
            return Explained(problem, new Schedule(ScheduleStatus.Optimal, [], 0, 0, 0, 0, 0, []));
        }

        var energy = EnergyBound(problem, windows.Horizon);
        var ownBound = Math.Max(criticalPath, energy);
        ownBound = problem.Objective == Objective.Makespan && DeadlineBound.Applies(problem) ? DeadlineBound.Compute(problem, windows, ownBound) : ownBound;
        var heuristic = Heuristic(problem, windows, ownBound, options);
        var heuristicFeasible = heuristic is not null && ScheduleChecker.Check(problem, heuristic).Count == 0;
        var horizon = windows.Horizon;
        if (problem.Objective == Objective.Makespan && heuristicFeasible && heuristic!.Max(t => t.End) <= ownBound)
        {
            // The heuristic's makespan meets a lower bound: proven optimal without a search.
            return Explained(problem, Heuristic(problem, heuristic!, ownBound));
        }

        if (problem.Objective == Objective.Makespan && heuristicFeasible)
        {
            // An optimal makespan is never above a feasible one: the heuristic's makespan is a horizon that loses nothing.
            horizon = Math.Min(horizon, heuristic!.Max(t => t.End));
        }

        // Only where dates are fixed (allowed starts, fixed starts, deadlines: DeadlineBound.Applies); PSPLIB's projects have none.
        if (problem.Objective == Objective.Makespan && heuristicFeasible && DeadlineBound.Applies(problem) && ownBound < horizon
            && Remaining(options, problem.Tasks.Count) > MinimumSearch)
        {
            var probe = Probe(problem, windows, horizon, ownBound, heuristic!, options);
            if (probe.Status == ScheduleStatus.Optimal)
            {
                return Explained(problem, probe);
            }

            if (probe.Status == ScheduleStatus.Infeasible)
            {
                // No schedule ends by the target: the optimum is later.
                ownBound = Math.Max(ownBound, ProbeTarget(horizon, ownBound) + 1);
            }
            else if (probe.Status == ScheduleStatus.Feasible)
            {
                heuristic = probe.Tasks;
                horizon = probe.Makespan!.Value;
            }
        }

        var model = new Model(problem, windows, horizon, ownBound, explain: false);
        if (heuristic is not null)
        {
            model.Hint(heuristic);
        }

        CpSolverStatus status;
        Schedule answer;
        using (var solver = new CpSolver { StringParameters = Parameters(options, Remaining(options, problem.Tasks.Count)) })
        {
            status = solver.Solve(model.Cp);
            answer = model.Answer(solver, status, ownBound);
        }

        if (answer.Status == ScheduleStatus.Unknown && heuristicFeasible)
        {
            // No answer from the solver in time, but the heuristic's schedule keeps every constraint: better than none.
            answer = Heuristic(problem, heuristic!, answer.LowerBound ?? ownBound);
        }

        if (status == CpSolverStatus.Infeasible && Remaining(options, problem.Tasks.Count) > MinimumSearch)
        {
            // Time alone found nothing, so resources and deadlines together make it impossible: solve again with each
            // deadline an assumption, and let the solver name a set of deadlines that cannot all be kept.
            var explaining = new Model(problem, windows, horizon, ownBound, explain: true);
            using var solver = new CpSolver { StringParameters = Parameters(options with { Workers = 1 }, Remaining(options, problem.Tasks.Count)) };
            if (solver.Solve(explaining.Cp) == CpSolverStatus.Infeasible)
            {
                answer = answer with { Conflicts = explaining.Conflicts(solver) };
            }
        }

        return Explained(problem, answer);
    }

    /// <summary>
    /// A first search told to end well before the heuristic's schedule: by <see cref="ProbeTarget"/>, a quarter of the way
    /// from the lower bound to it, for at most <see cref="ProbeShare"/> of the time left. Dates a task may only start at
    /// (contract anniversaries) leave CP-SAT little to go on from a late schedule: on the Schleswig-Holstein demo (9,344
    /// packages, 2026-12-06) it improved the heuristic's 60 months in none of 180 s, but found one of 48 months within
    /// 30 s when its horizon was 48 (docs/migration-model.md). What it finds is sound for the whole problem: a schedule is
    /// the hint and horizon of the search after it; a proof that none ends by the target raises the lower bound past it;
    /// an optimum here is the optimum (every shorter schedule ends by the target too).
    /// </summary>
    private static Schedule Probe(SchedulingProblem problem, TimeWindows windows, int horizon, int ownBound, IReadOnlyList<ScheduledTask> hint, SolveOptions options)
    {
        var model = new Model(problem, windows, ProbeTarget(horizon, ownBound), ownBound, explain: false);
        model.Hint(hint);
        using var solver = new CpSolver { StringParameters = Parameters(options, ProbeShare * Remaining(options, problem.Tasks.Count)) };
        var status = solver.Solve(model.Cp);
        return model.Answer(solver, status, ownBound);
    }

    /// <summary>The probe's horizon: a quarter of the way from the lower bound to the heuristic's makespan, rounded up (SH: 45 + ⌈15 / 4⌉ = 49 months).</summary>
    private static int ProbeTarget(int horizon, int ownBound) => ownBound + ((horizon - ownBound + 3) / 4);

    /// <summary>
    /// The share of the time left after the heuristic that the probe may search; the search after it has the rest, so the
    /// two together keep the limit. Measured on the Schleswig-Holstein demo (<c>plan compute --time-limit</c>, 2026-12-06,
    /// 2 shared cores, load 4–14): at 20, 30 and 60 s the probe found no schedule of 49 months and the plan ended in
    /// 01/2032 (bound 10/2030, gap 25 %) as without it — the search from the heuristic's 60 months improves nothing there
    /// either; at 120 s its 59 s found one of 48 months: 01/2031, gap 6.2 %, in 120 s of computing time. See bench/README.md.
    /// </summary>
    public const double ProbeShare = 0.5;

    /// <summary>
    /// The heuristic's schedule: the serial scheme with the earliest latest end first, then improved by
    /// <see cref="Justification"/> in one search per worker, each with its own seed and the same work budget, every second
    /// one on the project backwards (<see cref="Mirror"/>) where that is the same problem, run in parallel; the shortest wins, the lowest seed among equals, so the answer does not depend on which finishes first.
    /// A search also stops when the caller's clock shows <see cref="HeuristicShare"/> of the limit spent (only on a machine
    /// too busy to do the budget's work in that time, and only then may the answer differ between runs).
    /// </summary>
    private static IReadOnlyList<ScheduledTask>? Heuristic(SchedulingProblem problem, TimeWindows windows, int ownBound, SolveOptions options)
    {
        var first = SerialSchedule.LatestEndFirst(problem, windows, windows.Horizon);
        if (first is null)
        {
            return null;
        }

        var budget = options.Placements ?? HeuristicPlacements(options.TimeLimit);
        var searches = new IReadOnlyList<ScheduledTask>[Math.Max(1, options.Workers)];
        var stopAt = HeuristicShare * options.TimeLimit.TotalSeconds;
        Func<bool>? stop = options.Elapsed is { } elapsed ? () => elapsed().TotalSeconds >= stopAt : null;
        // Every second search runs on the project backwards where that is the same problem (Mirror): the two directions
        // find different schedules (one search of 40 million placements each, 2026-12-06: j60 sample 31 of 40 at the best
        // known forward, 34 backward; j120 sample 1.49 % above the best known forward, 1.28 % for the better of both).
        var mirror = searches.Length > 1 ? Mirror.Of(problem) : null;
        var mirrorWindows = mirror is null ? null : TimeWindows.Compute(mirror);
        var mirrorFirst = mirror is null ? null : SerialSchedule.LatestEndFirst(mirror, mirrorWindows!, mirrorWindows!.Horizon);
        Parallel.For(0, searches.Length, new ParallelOptions { MaxDegreeOfParallelism = searches.Length }, k =>
        {
            var seed = Justification.DefaultSeed + (ulong)k;
            searches[k] = k % 2 == 1 && mirrorFirst is not null
                ? Mirror.Back(Justification.Improve(mirror!, mirrorWindows!, mirrorWindows!.Horizon, mirrorFirst, budget, ownBound, seed, stop))
                : Justification.Improve(problem, windows, windows.Horizon, first, budget, ownBound, seed, stop);
        });
        var best = searches[0];
        foreach (var found in searches)
        {
            if (found.Max(t => t.End) < best.Max(t => t.End))
            {
                best = found;
            }
        }

        return best;
    }

    private static Schedule Heuristic(SchedulingProblem problem, IReadOnlyList<ScheduledTask> tasks, int lowerBound)
    {
        var makespan = tasks.Count == 0 ? 0 : tasks.Max(t => t.End);
        var cost = problem.Tasks.Select((t, i) => t.CostPerPeriod * tasks[i].End).Sum();
        var objective = problem.Objective switch
        {
            Objective.Makespan => makespan,
            Objective.Cost => cost,
            _ => (problem.Weights.Makespan * makespan) + (problem.Weights.Cost * cost),
        };
        var bound = problem.Objective == Objective.Makespan ? Math.Min(lowerBound, makespan) : (long?)null;
        var proven = problem.Objective == Objective.Makespan && lowerBound >= makespan;
        return new Schedule(proven ? ScheduleStatus.Optimal : ScheduleStatus.Feasible, tasks, makespan, Math.Min(lowerBound, makespan), cost, objective, bound, []);
    }

    /// <summary>
    /// The budget of CP-SAT's deterministic time per second of the limit: a backstop, not the usual stop. Measured on
    /// this 2-core machine under load 9–12 (2026-12-05, 2 interleaved workers), CP-SAT counted 0.34 units in 4.6 s of
    /// wall clock on PSPLIB J30_289, 3.97 in 10.1 s on J120_1 and 1.75 in 19.9 s on the generated 2,000-package migration
    /// (0.07–0.4 units per second): a tenfold spread between models, so no one budget per second stops a quiet machine
    /// shortly before the wall clock on all of them, and a small one would cut the search short where the rate is high.
    /// At 2 units per second the wall clock decides in practice; the answer is the same on every run when the search ends
    /// on its own (proven optimal or infeasible) before the limit.
    /// </summary>
    public const double DeterministicShare = 2.0;

    /// <summary>
    /// The heuristic's work budget (task placements of <see cref="Justification"/>) per second of the limit, for each of its
    /// parallel searches. A fixed count, not a clock, so the heuristic's schedule is the same on every run. Measured with
    /// the iterated local search (2026-12-05, PSPLIB j120, the 13 sample instances not solved at once, two searches): 8
    /// million placements each gave 3.07 % above the best-known makespans, 40 million 2.12 %, 160 million 1.86 %; CP-SAT's
    /// interleaved search after it improved none of them in 20 s. On the five j60 sample instances still one period above
    /// their optimum (2026-12-06), CP-SAT's 8 s after the heuristic closed none, while a search of 400 million placements
    /// closed three. 40 million took 1.5–1.6 s of one core on a quiet machine (j60, after the decoders' speed-up), so 10
    /// million per second of the limit is about 40 % of it per search, within the stop at <see cref="HeuristicShare"/>.
    /// </summary>
    public const int PlacementsPerSecond = 10_000_000;

    /// <summary>The share of the limit after which the heuristic stops even with budget left (a busy machine).</summary>
    public const double HeuristicShare = 0.6;

    /// <summary>
    /// The heuristic's budget for a limit: <see cref="PlacementsPerSecond"/> per second from 10 s on, less below (× (seconds / 10)³,
    /// so a 5 s limit gets a sixteenth of 10 s's and a 1 s limit a ten-thousandth: short limits leave CP-SAT its time for
    /// the proofs small projects need), at least 40,000 placements and at most a minute's worth.
    /// </summary>
    public static int HeuristicPlacements(TimeSpan limit)
    {
        var seconds = Math.Max(0, limit.TotalSeconds);
        var below = Math.Min(1, seconds / 10);
        return (int)Math.Clamp(PlacementsPerSecond * seconds * below * below * below, 40_000, 60.0 * PlacementsPerSecond);
    }

    /// <summary>Wall-clock seconds kept back from the search for reading its answer and explaining the schedule.</summary>
    public const double Reserve = 0.05;

    /// <summary>
    /// Wall-clock seconds kept back per task, on top of <see cref="Reserve"/>: CP-SAT stops a large model some tenths of
    /// a second after its limit, and the explanation of the schedule grows with the tasks. Measured on the
    /// Schleswig-Holstein demo (9,344 packages, 2026-12-06, load 13–14 on 2 cores): the search ended 0.2–0.3 s after its
    /// limit, explaining took 0.13 s; 50 µs a task keeps back 0.47 s there and under 2 ms for PSPLIB's j30.
    /// </summary>
    public const double ReservePerTask = 0.000_05;

    /// <summary>The shortest search worth starting, in seconds; the search is given at least this much.</summary>
    public const double MinimumSearch = 0.01;

    /// <summary>The CP-SAT parameters for the options, as its text format, with the whole limit as wall-clock cap.</summary>
    public static string Parameters(SolveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Parameters(options, options.TimeLimit.TotalSeconds);
    }

    /// <summary>The CP-SAT parameters for the options with <paramref name="wallSeconds"/> left on the wall clock.</summary>
    public static string Parameters(SolveOptions options, double wallSeconds)
    {
        ArgumentNullException.ThrowIfNull(options);
        var wall = Math.Max(MinimumSearch, wallSeconds).ToString("0.###", CultureInfo.InvariantCulture);
        var workers = Math.Max(1, options.Workers).ToString(CultureInfo.InvariantCulture);
        var seed = options.Seed.ToString(CultureInfo.InvariantCulture);
        // Deterministic: CP-SAT interleaves its strategies in fixed batches (interleave_search) and stops at a budget of
        // its deterministic time, so the same input gives the same answer. The wall clock caps it hard: whatever is
        // left of the limit. Only when that cap stops the search may the answer differ between runs.
        var deterministic = Math.Max(MinimumSearch, options.DeterministicBudget ?? (DeterministicShare * options.TimeLimit.TotalSeconds)).ToString("0.###", CultureInfo.InvariantCulture);
        var text = options.Deterministic
            ? $"num_workers:{workers} interleave_search:true random_seed:{seed} max_deterministic_time:{deterministic} max_time_in_seconds:{wall} push_all_tasks_toward_start:true"
            : $"num_workers:{workers} random_seed:{seed} max_time_in_seconds:{wall} push_all_tasks_toward_start:true";
        return options.Extra is null ? text : text + " " + options.Extra;
    }

    /// <summary>Wall-clock seconds left of the limit for a search, after what the clock shows and the reserve for a problem of <paramref name="tasks"/> tasks.</summary>
    private static double Remaining(SolveOptions options, int tasks) =>
        options.TimeLimit.TotalSeconds - (options.Elapsed?.Invoke() ?? TimeSpan.Zero).TotalSeconds - Reserve - (ReservePerTask * tasks);

    /// <summary>
    /// The energy bound: the work on each resource (Σ duration × demand) needs as many periods from 0 as its capacity
    /// takes to hold it, calendar included. Sound: every task runs within [0, makespan).
    /// </summary>
    public static int EnergyBound(SchedulingProblem problem, int horizon)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var bound = 0;
        foreach (var resource in problem.Resources)
        {
            long work = 0;
            foreach (var task in problem.Tasks)
            {
                if (task.Uses.TryGetValue(resource.Id, out var q) && q > 0)
                {
                    work += (long)q * task.Duration;
                }
            }

            long offered = 0;
            var t = 0;
            while (offered < work && t <= horizon)
            {
                offered += ScheduleChecker.CapacityAt(resource, t);
                t++;
            }

            if (offered >= work)
            {
                bound = Math.Max(bound, t);
            }
        }

        return bound;
    }

    private static Schedule Without(ScheduleStatus status) => new(status, [], null, null, null, null, null, []);

    private static Schedule Explained(SchedulingProblem problem, Schedule schedule) =>
        schedule.Tasks.Count == 0 ? schedule : schedule with { Holds = ScheduleExplainer.Explain(problem, schedule) };

    /// <summary>The CP-SAT model of one problem and the variables to read the answer from.</summary>
    private sealed class Model
    {
        private readonly SchedulingProblem _problem;
        private readonly IntVar[] _starts;
        private readonly IntVar? _makespan;
        private readonly List<(BoolVar Literal, int Task)> _deadlineLiterals = [];

        public Model(SchedulingProblem problem, TimeWindows windows, int horizon, int ownBound, bool explain)
        {
            _problem = problem;
            var n = problem.Tasks.Count;
            _starts = new IntVar[n];
            var intervals = new IntervalVar[n];
            var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                index.TryAdd(problem.Tasks[i].Id, i);
            }

            var tails = Tails(problem, windows, index);
            for (var i = 0; i < n; i++)
            {
                var task = problem.Tasks[i];
                var lo = Math.Max(windows.EarliestStart[i], task.Release ?? 0);
                // While explaining, a deadline is a constraint of its own (an assumption the solver can name), else part of the domain.
                var hi = (explain ? horizon - tails[i] : Math.Min(windows.LatestEnd[i], horizon - tails[i])) - task.Duration;
                Domain domain;
                if (task.FixedStart is { } fixedStart)
                {
                    domain = Domain.FromValues([fixedStart]);
                }
                else if (task.AllowedStarts is { } allowed)
                {
                    domain = Domain.FromValues([.. allowed.Where(s => s >= lo && s <= hi).Distinct().Order().Select(s => (long)s)]);
                }
                else
                {
                    domain = new Domain(lo, Math.Max(lo, hi));
                    if (hi < lo)
                    {
                        domain = Domain.FromValues([]);
                    }
                }

                _starts[i] = Cp.NewIntVarFromDomain(domain, "s" + i.ToString(CultureInfo.InvariantCulture));
                intervals[i] = Cp.NewFixedSizeIntervalVar(_starts[i], task.Duration, "t" + i.ToString(CultureInfo.InvariantCulture));
                if (explain && task.Deadline is { } deadline && task.FixedStart is null)
                {
                    var keep = Cp.NewBoolVar("d" + i.ToString(CultureInfo.InvariantCulture));
                    Cp.Add(_starts[i] + task.Duration <= deadline).OnlyEnforceIf(keep);
                    _deadlineLiterals.Add((keep, i));
                }
            }

            var sinks = new bool[n];
            Array.Fill(sinks, true);
            for (var i = 0; i < n; i++)
            {
                foreach (var name in problem.Tasks[i].After.Distinct(StringComparer.Ordinal))
                {
                    var p = index[name];
                    sinks[p] = false;
                    Cp.Add(_starts[p] + problem.Tasks[p].Duration <= _starts[i]);
                }
            }

            var usesMakespan = problem.Objective != Objective.Cost;
            IntervalVar? tail = null;
            if (usesMakespan)
            {
                var lowest = Math.Min(ownBound, horizon);
                _makespan = Cp.NewIntVar(lowest, horizon, "makespan");
                for (var i = 0; i < n; i++)
                {
                    if (sinks[i])
                    {
                        Cp.Add(_makespan >= _starts[i] + problem.Tasks[i].Duration);
                    }
                }

                // The makespan interval (rcpsp_sat.py): from the makespan to the horizon every resource is taken in
                // full, so the cumulative propagators reason about the end of the schedule themselves.
                if (problem.Resources.All(r => r.Calendar.Count == 0))
                {
                    tail = Cp.NewIntervalVar(_makespan, horizon - _makespan, LinearExpr.Constant(horizon), "tail");
                }
            }

            foreach (var resource in problem.Resources)
            {
                var capacity = ProblemCheck.Highest(resource);
                var cumulative = Cp.AddCumulative(capacity);
                var any = false;
                for (var i = 0; i < n; i++)
                {
                    if (problem.Tasks[i].Uses.TryGetValue(resource.Id, out var q) && q > 0 && problem.Tasks[i].Duration > 0)
                    {
                        cumulative.AddDemand(intervals[i], q);
                        any = true;
                    }
                }

                foreach (var (from, to, missing) in Reductions(resource, capacity, horizon))
                {
                    var blocked = Cp.NewFixedSizeIntervalVar(LinearExpr.Constant(from), to - from, "cal");
                    cumulative.AddDemand(blocked, missing);
                }

                if (tail is not null && any)
                {
                    cumulative.AddDemand(tail, capacity);
                }
            }

            var ends = Enumerable.Range(0, n).Where(i => problem.Tasks[i].CostPerPeriod > 0).ToArray();
            var cost = LinearExpr.WeightedSum(ends.Select(i => _starts[i] + problem.Tasks[i].Duration), ends.Select(i => problem.Tasks[i].CostPerPeriod));
            switch (problem.Objective)
            {
                case Objective.Makespan:
                    Cp.Minimize(_makespan!);
                    break;
                case Objective.Cost:
                    Cp.Minimize(cost);
                    break;
                default:
                    Cp.Minimize((problem.Weights.Makespan * _makespan!) + (problem.Weights.Cost * cost));
                    break;
            }

            if (explain)
            {
                Cp.AddAssumptions(_deadlineLiterals.Select(d => (ILiteral)d.Literal));
            }
        }

        /// <summary>Per task: the longest chain of durations after it (its successors', not its own), so it must end by horizon − tail.</summary>
        private static int[] Tails(SchedulingProblem problem, TimeWindows windows, Dictionary<string, int> index)
        {
            var tails = new int[problem.Tasks.Count];
            for (var k = windows.Order.Count - 1; k >= 0; k--)
            {
                var i = windows.Order[k];
                foreach (var name in problem.Tasks[i].After)
                {
                    var p = index[name];
                    tails[p] = Math.Max(tails[p], tails[i] + problem.Tasks[i].Duration);
                }
            }

            return tails;
        }

        /// <summary>The deadlines the solver named as not keepable together (after an infeasible solve with assumptions).</summary>
        public IReadOnlyList<Conflict> Conflicts(CpSolver solver)
        {
            var named = new HashSet<int>(solver.SufficientAssumptionsForInfeasibility());
            var conflicting = _deadlineLiterals.Where(d => named.Contains(d.Literal.GetIndex())).Select(d => _problem.Tasks[d.Task].Id).ToArray();
            return conflicting.Length == 0 ? [] : [new Conflict(ConflictKind.Deadlines, conflicting[0], conflicting)];
        }

        public CpModel Cp { get; } = new();

        public void Hint(IReadOnlyList<ScheduledTask> schedule)
        {
            for (var i = 0; i < _starts.Length; i++)
            {
                Cp.AddHint(_starts[i], schedule[i].Start);
            }

            if (_makespan is not null)
            {
                Cp.AddHint(_makespan, schedule.Count == 0 ? 0 : schedule.Max(t => t.End));
            }
        }

        public Schedule Answer(CpSolver solver, CpSolverStatus status, int ownBound)
        {
            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                var tasks = _problem.Tasks.Select((t, i) => new ScheduledTask(t.Id, (int)solver.Value(_starts[i]), (int)solver.Value(_starts[i]) + t.Duration)).ToArray();
                var makespan = tasks.Length == 0 ? 0 : tasks.Max(t => t.End);
                var cost = _problem.Tasks.Select((t, i) => t.CostPerPeriod * tasks[i].End).Sum();
                var objective = (long)Math.Round(solver.ObjectiveValue);
                var objectiveBound = (long)Math.Ceiling(solver.BestObjectiveBound - 1e-6);
                var lower = ownBound;
                if (_problem.Objective == Objective.Makespan)
                {
                    lower = Math.Max(lower, (int)Math.Min(makespan, objectiveBound));
                    objectiveBound = Math.Max(objectiveBound, lower);
                }

                // A makespan that meets the lower bound is optimal, whoever proved the bound.
                var optimal = status == CpSolverStatus.Optimal || (_problem.Objective == Objective.Makespan && lower >= makespan);
                if (optimal && _problem.Objective == Objective.Makespan)
                {
                    lower = makespan;
                }

                lower = Math.Min(lower, makespan);
                objectiveBound = Math.Min(objectiveBound, objective);
                return new Schedule(optimal ? ScheduleStatus.Optimal : ScheduleStatus.Feasible, tasks, makespan, lower, cost, objective, optimal ? objective : objectiveBound, []);
            }

            if (status == CpSolverStatus.Infeasible)
            {
                return Without(ScheduleStatus.Infeasible);
            }

            if (_problem.Objective == Objective.Makespan && status == CpSolverStatus.Unknown && !double.IsInfinity(solver.BestObjectiveBound))
            {
                ownBound = Math.Max(ownBound, (int)Math.Ceiling(solver.BestObjectiveBound - 1e-6));
            }

            return Without(ScheduleStatus.Unknown) with { LowerBound = ownBound };
        }

        /// <summary>The periods where the resource has less than <paramref name="capacity"/>: its calendar windows and, if lower, its own capacity between them.</summary>
        private static IEnumerable<(int From, int To, int Missing)> Reductions(Resource resource, int capacity, int horizon)
        {
            var at = 0;
            foreach (var window in resource.Calendar.OrderBy(w => w.From))
            {
                if (window.From >= horizon)
                {
                    break;
                }

                if (window.From > at && resource.Capacity < capacity)
                {
                    yield return (at, window.From, capacity - resource.Capacity);
                }

                var to = Math.Min(window.To, horizon);
                if (window.Capacity < capacity && to > window.From)
                {
                    yield return (window.From, to, capacity - window.Capacity);
                }

                at = Math.Max(at, to);
            }

            if (at < horizon && resource.Capacity < capacity)
            {
                yield return (at, horizon, capacity - resource.Capacity);
            }
        }
    }
}
