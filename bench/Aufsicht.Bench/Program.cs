using System.Globalization;
using System.Text;
using Aufsicht.Bench;
using BenchmarkDotNet.Running;

// `generate FILE COUNT` writes COUNT deployment profiles as JSON lines (for timing `aufsicht assess batch`);
// `surveys --url …` drives load against a running server (bench/surveys.sh); `letters [--count N] [--samples DIR]` times
// hearing letters rendered as PDF, `cases --url …` opens cases and reads the case list (issue 13); `plan …` measures the
// scheduling core on PSPLIB and a generated migration (issue 14); anything else runs the BenchmarkDotNet suite.
if (args is ["plan", ..])
{
    return Aufsicht.Bench.Planning.PlanLoad.Run(args);
}

if (args is ["cases", ..])
{
    return await CaseLoad.RunAsync(args).ConfigureAwait(false);
}

if (args is ["letters", ..])
{
    return LetterLoad.Run(args);
}

if (args is ["surveys", ..])
{
    return await SurveyLoad.RunAsync(args).ConfigureAwait(false);
}

if (args is ["generate", var file, var count])
{
    using var output = new StreamWriter(file, append: false, new UTF8Encoding(false));
    foreach (var line in Deployments.Lines(int.Parse(count, CultureInfo.InvariantCulture)))
    {
        output.Write(line);
        output.Write('\n');
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(AssessmentBenchmarks).Assembly).Run(args);
return 0;
