using Aufsicht.Core.Law;
using Aufsicht.Documents;
using Xunit;

namespace Aufsicht.Tests.Documents;

/// <summary>
/// Writes the sample report as ODT, PDF and SVG, so a person can open and look at them: set AUFSICHT_REPORT_SAMPLES
/// to a folder (otherwise a temp folder is used and removed), then e.g. `soffice --headless --convert-to pdf`.
/// </summary>
[Trait("Category", "Unit")]
public sealed class SampleFilesTests
{
    [Fact]
    public void WriteSamples_BothLanguages_WritesNonEmptyFiles()
    {
        var target = Environment.GetEnvironmentVariable("AUFSICHT_REPORT_SAMPLES");
        var folder = string.IsNullOrEmpty(target) ? Directory.CreateTempSubdirectory("aufsicht-report-").FullName : target;
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var language in new[] { Language.De, Language.En })
            {
                var name = Path.Combine(folder, "sample-" + language.ToString().ToLowerInvariant());
                var document = SampleReport.Build(language, deficientBodies: 40);
                using (var odt = File.Create(name + ".odt"))
                {
                    OdtWriter.Write(document, odt);
                }

                using (var pdf = File.Create(name + ".pdf"))
                {
                    PdfWriter.Write(document, pdf);
                }

                File.WriteAllText(name + "-bars.svg", SvgChart.Render(SampleReport.VerdictsByKind(), language));
                File.WriteAllText(name + "-line.svg", SvgChart.Render(SampleReport.ResponseRate(), language));
                Assert.True(new FileInfo(name + ".odt").Length > 1000);
                Assert.True(new FileInfo(name + ".pdf").Length > 1000);
            }
        }
        finally
        {
            if (string.IsNullOrEmpty(target))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
