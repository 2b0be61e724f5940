using System.Text;
using Aufsicht.Core.Law;
using Aufsicht.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using Xunit;

namespace Aufsicht.Tests.Documents;

[Trait("Category", "Unit")]
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
    public void Write_ChartTallerThanAPage_ScaledToThePage_NothingBelowTheBottom()
    {
        // A Gantt of 90 rows is several pages tall at the page's width: it is drawn smaller, on one page.
        var rows = Enumerable.Range(1, 90).Select(i => new GanttRow($"Zeile {i}", [new GanttBar(0, new DateOnly(2027, 1, 1), new DateOnly(2027, 1 + (i % 11), 1))], [])).ToList();
        var gantt = new GanttChart("Hoher Zeitplan", null, "Zeile", [new ChartSeries("Umstellung", Tone.None)], [], rows);
        var document = new ReportDocument("Hohes Diagramm", null, Language.De, [new Paragraph("Vorher."), new Chart(gantt), new Paragraph("Danach.")]);

        using var pdf = PdfDocument.Open(Write(document));

        foreach (var page in pdf.GetPages())
        {
            // The page number stands in the bottom margin; the chart's words stay above it.
            var lowest = page.GetWords().Where(w => w.Text is "Zeile" or "Danach." || w.Text.StartsWith("2027", StringComparison.Ordinal)).Select(w => w.BoundingBox.Bottom).DefaultIfEmpty(page.Height).Min();
            Assert.True(lowest >= 60, $"page {page.Number}: a chart's word at {lowest:0} pt from the bottom, in the margin or off the page");
        }

        var chartPage = pdf.GetPages().Single(p => TextOf(p).Contains("Zeile 1 ", StringComparison.Ordinal));
        Assert.Contains("Zeile 90", TextOf(chartPage), StringComparison.Ordinal);
        Assert.Contains("Danach.", string.Join(" ", pdf.GetPages().Select(TextOf)), StringComparison.Ordinal);
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
    public void Write_IsTaggedForScreenReaders_HeadingsTablesFiguresWithTheirData()
    {
        var document = new ReportDocument("Bericht", "Untertitel", Language.De,
        [
            new Heading("Ergebnisse", 1),
            new Paragraph("Ein Absatz."),
            new KeyValues([new KeyValue("Befragt", "12")]),
            SampleReport.DeficientBodies(90),
            new Chart(SampleReport.VerdictsByKind()),
        ]);

        using var pdf = PdfDocument.Open(Write(document));

        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.Equal("de-DE", Resolve<StringToken>(pdf, catalog.Data["Lang"]).Data);
        Assert.True(Resolve<BooleanToken>(pdf, Resolve<DictionaryToken>(pdf, catalog.Data["MarkInfo"]).Data["Marked"]).Data);
        var elements = new List<(string Type, string? Alt, string? Scope)>();
        Walk(pdf, Resolve<DictionaryToken>(pdf, catalog.Data["StructTreeRoot"]), elements);
        var types = elements.Select(e => e.Type).ToList();

        Assert.Equal("Document", types[0]);
        Assert.Equal(1, types.Count(t => t == "H1"));
        Assert.Contains("H2", types);
        Assert.Contains("P", types);
        Assert.Equal(2, types.Count(t => t == "Table"));
        Assert.Contains("Caption", types);
        Assert.Contains("THead", types);
        // The long table's header cells once (repeats on later pages are artifacts), plus the key-value row header.
        Assert.Equal(SampleReport.DeficientBodies(90).Headers.Count + 1, types.Count(t => t == "TH"));
        Assert.True(types.Count(t => t == "TD") >= 90);
        Assert.Equal(["Column", "Column", "Column", "Row"], elements.Where(e => e.Type == "TH").Select(e => e.Scope!).Order(StringComparer.Ordinal));
        var figure = Assert.Single(elements, e => e.Type == "Figure");
        Assert.Contains("Landesbehörden", figure.Alt, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ParagraphAndKeyValuesRunningOntoTheNextPage_StayTagged()
    {
        var words = string.Join(' ', Enumerable.Range(0, 1500).Select(i => "Wort" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var pairs = Enumerable.Range(0, 80).Select(i => new KeyValue("Angabe " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), words[..300])).ToList();
        var document = new ReportDocument("Lang", null, Language.De, [new Paragraph(words), new KeyValues(pairs), new Paragraph("Ende.")]);

        using var pdf = PdfDocument.Open(Write(document));

        Assert.True(pdf.NumberOfPages >= 3);
        Assert.Contains("Wort1499", string.Join(" ", pdf.GetPages().Select(TextOf)), StringComparison.Ordinal);
        Assert.Contains($"Seite {pdf.NumberOfPages} von {pdf.NumberOfPages}", TextOf(pdf.GetPage(pdf.NumberOfPages)), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_InParallel_DoesNotFail()
    {
        var documents = Enumerable.Range(0, 4).Select(_ => SampleReport.Build()).ToList();

        var sizes = documents.AsParallel().Select(d => Write(d).Length).ToList();

        Assert.All(sizes, size => Assert.True(size > 1000));
    }

    /// <summary>The structure elements below <paramref name="node"/>, depth first: type, alternative text, a header cell's scope.</summary>
    private static void Walk(PdfDocument pdf, DictionaryToken node, List<(string Type, string? Alt, string? Scope)> found)
    {
        if (node.Data.TryGetValue("S", out var type))
        {
            var alt = node.Data.TryGetValue("Alt", out var text) ? Resolve<StringToken>(pdf, text).Data : null;
            var scope = node.Data.TryGetValue("A", out var attributes) && Resolve<DictionaryToken>(pdf, attributes).Data.TryGetValue("Scope", out var s)
                ? Resolve<NameToken>(pdf, s).Data
                : null;
            found.Add((Resolve<NameToken>(pdf, type).Data, alt, scope));
        }

        if (!node.Data.TryGetValue("K", out var kids))
        {
            return;
        }

        var resolved = pdf.Structure.TokenScanner is var scanner && kids is IndirectReferenceToken reference ? scanner.Get(reference.Data)?.Data : kids;
        IEnumerable<IToken> children = resolved is ArrayToken array ? array.Data : [resolved!];
        foreach (var child in children)
        {
            var value = child is IndirectReferenceToken r ? pdf.Structure.TokenScanner.Get(r.Data)?.Data : child;
            if (value is DictionaryToken dictionary && (dictionary.Data.ContainsKey("S") || dictionary.Data.ContainsKey("K")) && !dictionary.Data.ContainsKey("MCID"))
            {
                Walk(pdf, dictionary, found);
            }
        }
    }

    private static T Resolve<T>(PdfDocument pdf, IToken token)
        where T : IToken =>
        token is IndirectReferenceToken reference ? (T)pdf.Structure.TokenScanner.Get(reference.Data)!.Data : (T)token;

    /// <summary>The page's words with single spaces, as lines break wherever the layout wraps them.</summary>
    private static string TextOf(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    internal static byte[] Write(ReportDocument document)
    {
        using var stream = new MemoryStream();
        PdfWriter.Write(document, stream);
        return stream.ToArray();
    }
}
