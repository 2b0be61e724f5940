using System.IO.Compression;
using System.Xml.Linq;
using Aufsicht.Core.Law;
using Aufsicht.Documents;
using Xunit;

namespace Aufsicht.Tests.Documents;

[Trait("Category", "Unit")]
public sealed class OdtWriterTests
{
    private static readonly XNamespace Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static readonly XNamespace Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static readonly XNamespace TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static readonly XNamespace Draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    private static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";
    private static readonly XNamespace Manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    [Fact]
    public void Write_Sample_StartsWithStoredMimetype()
    {
        using var zip = Write(SampleReport.Build());

        var first = zip.Entries[0];
        Assert.Equal("mimetype", first.FullName);
        Assert.Equal(first.Length, first.CompressedLength);
        using var reader = new StreamReader(first.Open());
        Assert.Equal("application/vnd.oasis.opendocument.text", reader.ReadToEnd());
    }

    [Fact]
    public void Write_Sample_ManifestListsEveryFile()
    {
        using var zip = Write(SampleReport.Build());

        var manifest = Parse(zip, "META-INF/manifest.xml");
        var listed = manifest.Descendants(Manifest + "file-entry").Select(e => (string)e.Attribute(Manifest + "full-path")!).ToHashSet();
        Assert.Contains("/", listed);
        foreach (var entry in zip.Entries.Where(e => e.FullName is not "mimetype" and not "META-INF/manifest.xml"))
        {
            Assert.Contains(entry.FullName, listed);
        }

        Assert.Contains("Pictures/chart1.svg", listed);
        Assert.Contains("Pictures/chart2.svg", listed);
    }

    [Fact]
    public void Write_Sample_ContentHasHeadingsTablesAndUmlauts()
    {
        using var zip = Write(SampleReport.Build());

        var content = Parse(zip, "content.xml");
        Parse(zip, "styles.xml");
        var headings = content.Descendants(Text + "h").ToList();
        Assert.Contains(headings, h => h.Value == "Nach Art der Stelle" && (string?)h.Attribute(Text + "outline-level") == "2");
        Assert.Contains(headings, h => h.Value == "Stellen mit Mängeln" && (string?)h.Attribute(Text + "outline-level") == "1");

        var table = content.Descendants(TableNs + "table").Single(t => t.Descendants(TableNs + "table-header-rows").Any());
        Assert.Equal(["Stelle", "Wesentliche Feststellung", "Ampel"], table.Element(TableNs + "table-header-rows")!.Descendants(TableNs + "table-cell").Select(c => c.Value));
        Assert.Contains(table.Descendants(TableNs + "table-cell"), c => c.Value == "Gemeinde Süderbrarup");
        Assert.Contains(table.Descendants(TableNs + "table-cell"), c => c.Value == "Microsoft Teams mit Telemetrie „optional“ eingeschaltet");
        Assert.Contains(table.Descendants(TableNs + "table-cell"), c => (string?)c.Attribute(TableNs + "style-name") == "CellRed" && c.Value == "rot");
    }

    [Fact]
    public void Write_Sample_ChartsAreSvgPicturesWithAlternativeText()
    {
        using var zip = Write(SampleReport.Build());

        var content = Parse(zip, "content.xml");
        var images = content.Descendants(Draw + "image").ToList();
        Assert.Equal(["Pictures/chart1.svg", "Pictures/chart2.svg"], images.Select(i => (string?)i.Attribute(Xlink + "href")));
        var svg = Parse(zip, "Pictures/chart1.svg");
        Assert.Equal("img", (string?)svg.Root!.Attribute("role"));
        Assert.Contains(images[0].Parent!.Elements(), e => e.Name.LocalName == "title" && e.Value == "Ergebnis nach Art der Stelle");
    }

    [Fact]
    public void Write_Sample_MetaHasTitleAndLanguage()
    {
        using var de = Write(SampleReport.Build(Language.De));
        using var en = Write(SampleReport.Build(Language.En));

        Assert.Equal(SampleReport.Title, Parse(de, "meta.xml").Descendants(Dc + "title").Single().Value);
        Assert.Equal("de-DE", Parse(de, "meta.xml").Descendants(Dc + "language").Single().Value);
        Assert.Equal("en-GB", Parse(en, "meta.xml").Descendants(Dc + "language").Single().Value);
        Assert.Contains(Parse(en, "styles.xml").Descendants(Text + "page-count"), _ => true);
    }

    [Fact]
    public void Write_TextWithMarkupAndControlCharacters_IsEscaped()
    {
        var document = new ReportDocument("<Titel & \"Co\">", null, Language.De,
        [
            new Paragraph("a < b & c\u0007\nzweite  Zeile"),
            new Table("<t>", ["<h>"], [["<Schule & \"Co\">"]]),
        ]);

        using var zip = Write(document);

        var content = Parse(zip, "content.xml");
        var body = content.Descendants(Office + "text").Single();
        Assert.Contains(body.Descendants(Text + "p"), p => p.Value == "<Titel & \"Co\">");
        Assert.Contains(body.Descendants(TableNs + "table-cell"), c => c.Value == "<Schule & \"Co\">");
        var paragraph = body.Descendants(Text + "p").Single(p => p.Value.StartsWith("a < b", StringComparison.Ordinal));
        Assert.Single(paragraph.Elements(Text + "line-break"));
        Assert.Equal("1", (string?)paragraph.Element(Text + "s")!.Attribute(Text + "c"));
    }

    [Fact]
    public void Write_EmptyParts_StayValid()
    {
        var document = new ReportDocument("Leer", null, Language.En, [new KeyValues([]), new Table("", ["only header"], [])]);

        using var zip = Write(document);

        var content = Parse(zip, "content.xml");
        Assert.Single(content.Descendants(TableNs + "table"));
    }

    private static ZipArchive Write(ReportDocument document)
    {
        var stream = new MemoryStream();
        OdtWriter.Write(document, stream);
        stream.Position = 0;
        return new ZipArchive(stream, ZipArchiveMode.Read);
    }

    private static XDocument Parse(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path)!.Open();
        return XDocument.Load(stream);
    }
}
