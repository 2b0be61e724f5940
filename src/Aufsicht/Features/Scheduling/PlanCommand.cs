using System.Globalization;
using Aufsicht.Cli;
using Aufsicht.Core;
using Aufsicht.Core.Scheduling;
using Aufsicht.Scheduling;

namespace Aufsicht.Features.Scheduling;

/// <summary>
/// <c>aufsicht plan solve FILE|- [--time-limit SECONDS] [--format json|text]</c>: a schedule for a resource-constrained
/// project (docs/formats/plan-solve.md). Exit 0 with a schedule, 1 without one (infeasible or unknown; the answer is
/// still printed, with its explanation), 2 for bad input. The bench calls it as
/// <c>plan solve FILE --time-limit T --format json</c>: keep that form.
/// </summary>
internal static class PlanCommand
{
    public const string Usage = "aufsicht plan solve <file.json|-> [--time-limit SECONDS] [--format json|text]";

    public const double DefaultSeconds = 10;

    public const double MaxSeconds = 600;

    public static int Solve(IEnumerable<string> args, CliContext context)
    {
        // --time-limit is wall clock from here: reading, checking, model building and search (plan-solve.md).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var a = Arguments.Parse("plan solve", args, ["--format", "--time-limit"], [], context.Language);
        a.ExpectPositional(1, 1, Usage);
        var format = a.Choice("--format", context.DefaultFormat, "json", "text");
        var seconds = TimeLimit(a.Option("--time-limit"), context);
        var file = a.Positional[0];
        byte[] bytes;
        if (file == "-")
        {
            using var stdin = context.OpenStdin();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        else
        {
            bytes = DataFolder.ReadInput(file, context.Language);
        }

        var read = Read(bytes);
        if (!read.IsOk)
        {
            return CliFailures.Print(read.Errors, context, string.Empty);
        }

        var problem = read.Value;
        var schedule = CpSatScheduler.Solve(problem, SolveOptions.Default with { TimeLimit = TimeSpan.FromSeconds(seconds), Elapsed = () => clock.Elapsed });
        if (format == "json")
        {
            context.WriteJson(w => PlanJson.Write(w, problem, schedule));
        }
        else
        {
            PlanSheet.Write(context.Terminal.Writer, problem, schedule, context.Language);
        }

        return schedule.Status is ScheduleStatus.Optimal or ScheduleStatus.Feasible ? ExitCode.Ok : ExitCode.Failure;
    }

    /// <summary>The contract's JSON read and checked: the problem, or every error naming its task and field.</summary>
    public static Result<SchedulingProblem> Read(ReadOnlyMemory<byte> bytes)
    {
        var read = ProblemReader.Read(bytes);
        if (!read.IsOk)
        {
            return read;
        }

        var errors = ProblemCheck.Check(read.Value);
        return errors.Count > 0 ? Result<SchedulingProblem>.Fail(errors) : read;
    }

    private static double TimeLimit(string? text, CliContext context)
    {
        if (text is null)
        {
            return DefaultSeconds;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0 || double.IsInfinity(seconds))
        {
            throw new InputException(Texts.T(context.Language, "plan.cli.timeLimit", text, MaxSeconds.ToString(CultureInfo.InvariantCulture)));
        }

        return Math.Min(seconds, MaxSeconds);
    }
}
