using Aufsicht.Cli;
using Aufsicht.Core.Fines;

namespace Aufsicht.Features.Fines;

/// <summary><c>aufsicht fine FILE|- [--format json|text]</c>: a fine under Art. 83 GDPR, calculated and explained step by step.</summary>
internal static class FineCommand
{
    public const string Usage = "aufsicht fine <file.json|-> [--format json|text] [--data DIR]";

    public static int Run(IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse("fine", args, ["--format", "--data"], [], context.Language);
        a.ExpectPositional(1, 1, Usage);
        var format = a.Choice("--format", context.DefaultFormat, "json", "text");
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

        var input = FineInputReader.Read(bytes);
        if (!input.IsOk)
        {
            return CliFailures.Print(input.Errors, context, string.Empty);
        }

        var folder = DataFolder.Locate(a.Option("--data"), context.Language);
        var calculator = new FineCalculator(DataFolder.FineMethods(folder, context.Language), DataFolder.Jurisdictions(folder, context.Language));
        var result = calculator.Calculate(input.Value);
        if (!result.IsOk)
        {
            return CliFailures.Print(result.Errors, context, string.Empty);
        }

        if (format == "json")
        {
            return context.WriteJson(w => FineJson.Write(w, result.Value));
        }

        FineSheet.Write(context.Terminal.Writer, result.Value, context.Language);
        return ExitCode.Ok;
    }
}
