using System.Text;
using Aufsicht.Core.Law;
using Aufsicht.Features.Reports;
using UglyToad.PdfPig;
using Xunit;

namespace Aufsicht.Tests.Reports;

public sealed class PdfWriterTests
{
    [Fact]
    public void Write_Sample_IsPdfWithTitleUmlautsAndPageNumbers()
    {
        var bytes = Write(SampleReport.Build());

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPages().Select(TextOf));
        Assert.Contains(SampleReport.Title, text, StringComparison.Ordinal);
        Assert.Contains("Gemeinde Süderbrarup", text, StringComparison.Ordinal);
        Assert.Contains("„optional“", text, StringComparison.Ordinal);
        Assert.Contains("Seite 1 von", text, StringComparison.Ordinal);
        Assert.Contains($"Seite {pdf.NumberOfPages} von {pdf.NumberOfPages}", text, StringComparison.Ordinal);
        Assert.Equal(SampleReport.Title, pdf.Information.Title);
    }

    [Fact]
    public void Write_English_NumbersPagesInEnglish()
    {
        using var pdf = PdfDocument.Open(Write(SampleReport.Build(Language.En)));

        Assert.Contains("Page 1 of", TextOf(pdf.GetPage(1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LongTable_SpansPagesAndRepeatsHeader()
    {
        var document = new ReportDocument("Lange Tabelle", null, Language.De, [SampleReport.DeficientBodies(90)]);

        using var pdf = PdfDocument.Open(Write(document));

        Assert.True(pdf.NumberOfPages >= 2);
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains("Wesentliche Feststellung", TextOf(page), StringComparison.Ordinal);
        }

        Assert.Contains("Stellen mit Mängeln (Fortsetzung)", TextOf(pdf.GetPage(2)), StringComparison.Ordinal);
        Assert.Contains("Gemeinde Tarp (15)", TextOf(pdf.GetPage(pdf.NumberOfPages)), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ChartLabels_AreTextInThePdf()
    {
        var document = new ReportDocument("Diagramm", null, Language.De, [new Chart(SampleReport.VerdictsByKind())]);

        using var pdf = PdfDocument.Open(Write(document));

        var text = TextOf(pdf.GetPage(1));
        Assert.Contains("Landesbehörden", text, StringComparison.Ordinal);
        Assert.Contains("nicht beantwortet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EdgeCases_DoNotFail()
    {
        var document = new ReportDocument("Leer\u0007 <&>", null, Language.De,
        [
            new KeyValues([]),
            new Table("", ["nur Kopf"], []),
            new Paragraph("Ein sehr_langes_Wort_ohne_Leerzeichen_das_breiter_ist_als_eine_ganze_Zeile_des_Berichts_und_umbrochen_werden_muss_damit_es_nicht_über_den_Rand_läuft"),
            new Chart(new LineChart("Ein Punkt", null, "Quote", [new LinePoint(new DateOnly(2026, 1, 1), 100)])),
            new Chart(BarChart.Simple("Leer", null, "Stelle", "Anzahl", [])),
        ]);

        using var pdf = PdfDocument.Open(Write(document));

        Assert.Contains("Leer <&>", TextOf(pdf.GetPage(1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_InParallel_DoesNotFail()
    {
        var documents = Enumerable.Range(0, 4).Select(_ => SampleReport.Build()).ToList();

        var sizes = documents.AsParallel().Select(d => Write(d).Length).ToList();

        Assert.All(sizes, size => Assert.True(size > 1000));
    }

    /// <summary>The page's words with single spaces, as lines break wherever the layout wraps them.</summary>
    private static string TextOf(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    internal static byte[] Write(ReportDocument document)
    {
        using var stream = new MemoryStream();
        PdfWriter.Write(document, stream);
        return stream.ToArray();
    }
}
