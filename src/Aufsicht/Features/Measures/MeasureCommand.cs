using Aufsicht.Cli;
using Aufsicht.Core.Measures;

namespace Aufsicht.Features.Measures;

/// <summary><c>aufsicht measure FILE|- [--format json|text]</c>: the Art. 58(2) measure recommended for a case, with reasons.</summary>
internal static class MeasureCommand
{
    public const string Usage = "aufsicht measure <file.json|-> [--format json|text] [--data DIR]";

    public static int Run(IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse("measure", args, ["--format", "--data"], [], context.Language);
        a.ExpectPositional(1, 1, Usage);
        var format = a.Choice("--format", context.DefaultFormat, "json", "text");
        var folder = DataFolder.Locate(a.Option("--data"), context.Language);
        var data = DataFolder.Load(folder, context.Language);
        var recommender = new MeasureRecommender(DataFolder.MeasureRules(folder, context.Language), data.Criteria, DataFolder.Jurisdictions(folder, context.Language));

        var file = a.Positional[0];
        byte[] input;
        if (file == "-")
        {
            using var stdin = context.OpenStdin();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            input = buffer.ToArray();
        }
        else
        {
            input = DataFolder.ReadInput(file, context.Language);
        }

        var read = MeasureCaseReader.Read(input, data.Criteria);
        if (!read.IsOk)
        {
            return CliFailures.Print(read.Errors, context, file == "-" ? "stdin" : file);
        }

        var result = recommender.Recommend(read.Value);
        if (format == "json")
        {
            return context.WriteJson(w => MeasureJson.Write(w, result));
        }

        MeasureNote.Write(context.Terminal, result, context.Language);
        return ExitCode.Ok;
    }
}
