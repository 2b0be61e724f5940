using System.Diagnostics;
using System.Globalization;
using Aufsicht.Core.Law;
using Aufsicht.Features.Letters;
using Aufsicht.Tests.Letters;

namespace Aufsicht.Bench;

/// <summary>
/// Issue 13: renders hearing letters as PDF, one after another on one thread, from the default template and varied case
/// data, as the case side would for a campaign's deficient bodies, and reports the wall time; `--samples DIR` also
/// writes every default letter as ODT and PDF in both languages for reading.
/// </summary>
internal static class LetterLoad
{
    public static int Run(string[] args)
    {
        var count = Option(args, "--count") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1000;
        var data = Option(args, "--data") ?? Path.Combine(AppContext.BaseDirectory, "data");
        if (Option(args, "--samples") is { } samples)
        {
            WriteSamples(data, samples);
        }

        var template = DefaultLetterTemplates.Read(data, LetterKind.Hearing, Language.De);
        var baseData = SampleLetters.Data(Language.De);

        // Warm-up: fonts, the JIT, the template parser.
        Render(template, baseData, 0);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            bytes += Render(template, baseData, i);
        }

        watch.Stop();
        // Processor time beside the wall time: on a machine others load too, the wall time says more about them.
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} hearing letters as PDF: {watch.Elapsed.TotalSeconds:0.00} s wall, {cpu.TotalSeconds:0.00} s processor ({watch.Elapsed.TotalMilliseconds / count:0.0} ms each, {bytes / count / 1024.0:0.0} KiB each)"));
        return 0;
    }

    private static long Render(string template, LetterData data, int i)
    {
        // Each letter its own body and file number, so nothing is cached across letters.
        var varied = data with
        {
            Body = data.Body with { Name = "Grundschule Nr. " + i.ToString(CultureInfo.InvariantCulture) },
            FileNumber = "LfDI-2026-" + i.ToString("00000", CultureInfo.InvariantCulture),
        };
        var letter = LetterTemplates.Render(LetterKind.Hearing, template, varied, Language.De);
        return LetterOutput.ToPdf(letter.Value).Length;
    }

    private static void WriteSamples(string data, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var kind in LetterKinds.All)
        {
            foreach (var language in (Language[])[Language.De, Language.En])
            {
                var letter = LetterTemplates.Render(kind, DefaultLetterTemplates.Read(data, kind, language), SampleLetters.Data(language, logo: true), language).Value;
                var name = Path.Combine(folder, $"{kind.WireName()}.{(language == Language.De ? "de" : "en")}");
                File.WriteAllBytes(name + ".pdf", LetterOutput.ToPdf(letter));
                File.WriteAllBytes(name + ".odt", LetterOutput.ToOdt(letter));
            }
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
