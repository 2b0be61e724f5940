using Aufsicht.Cli;
using Aufsicht.Core.Deadlines;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Deadlines;

/// <summary><c>aufsicht deadline --sent D|--delivered D --period 2w [--delivery post|electronic|hand] [--state MV] [--format json|text]</c>.</summary>
internal static class DeadlineCommand
{
    public const string Usage = "aufsicht deadline --sent YYYY-MM-DD|--delivered YYYY-MM-DD --period 2w|14d|1m [--delivery post|electronic|hand] [--state MV] [--format json|text]";

    public static int Run(IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse("deadline", args, ["--sent", "--delivered", "--period", "--delivery", "--state", "--format", "--data"], [], context.Language);
        a.ExpectPositional(0, 0, Usage);
        var format = a.Choice("--format", context.DefaultFormat, "json", "text");
        var request = DeadlineRequest.Parse(a.Option("--sent"), a.Option("--delivered"), a.Option("--period"), a.Option("--delivery"), a.Option("--state"));
        if (!request.IsOk)
        {
            return CliFailures.Print(request.Errors, context, "deadline", (field, _) => "--" + field);
        }

        var rules = DeadlineRules.Load(DataFolder.Locate(a.Option("--data"), context.Language), context.Language);
        var deadline = rules.Compute(request.Value);
        if (!deadline.IsOk)
        {
            return CliFailures.Print(deadline.Errors, context, "deadline", (field, _) => "--" + field);
        }

        if (format == "json")
        {
            return context.WriteJson(w => DeadlineJson.Write(w, deadline.Value));
        }

        Write(context.Terminal.Writer, deadline.Value, context.Language);
        return ExitCode.Ok;
    }

    /// <summary>The text output: German dates in German, every step with its rule, explanation and source.</summary>
    public static void Write(TextWriter output, Deadline deadline, Language language)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(deadline);
        string T(string key) => Texts.T(language, "deadline.text." + key);
        string D(DateOnly date) => Core.Deadlines.DeadlineText.Date(date, language);
        output.WriteLine($"{T("state")}: {(deadline.Request.State is { } s ? Laender.Name(s).In(language) : T("nationwide"))}");
        Reading(deadline.Result, "");
        foreach (var alternative in deadline.Alternatives)
        {
            output.WriteLine();
            output.WriteLine($"{T("alternative")}: {alternative.Reason.In(language)}");
            Reading(alternative.Reading, "  ");
        }

        if (deadline.Alternatives.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"{T("acceptUntil")}: {D(deadline.AcceptUntil)}");
        }

        void Reading(DeadlineReading reading, string indent)
        {
            output.WriteLine($"{indent}{T("delivered")}: {D(reading.Delivered)}");
            output.WriteLine($"{indent}{T("nominalEnd")}: {D(reading.NominalEnd)}");
            output.WriteLine($"{indent}{T("end")}: {D(reading.End)}");
            output.WriteLine($"{indent}{T("steps")}:");
            var number = 1;
            foreach (var step in reading.Steps)
            {
                output.WriteLine($"{indent}  {number++}. {step.Rule.In(language)} — {D(step.Date)}");
                output.WriteLine($"{indent}     {step.Explanation.In(language)}");
                output.WriteLine($"{indent}     {T("source")}: {step.Source}");
            }
        }
    }
}
