using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Aufsicht.Core.Law;

namespace Aufsicht.Documents;

/// <summary>
/// Writes a report as OpenDocument Text (ODF 1.3), by hand: the format is a zip of a few XML files, and a library
/// would bring more than the handful of elements a report needs. Charts go in as SVG pictures, which LibreOffice and
/// current Word versions render.
/// </summary>
internal static class OdtWriter
{
    private const string MimeType = "application/vnd.oasis.opendocument.text";
    private const double ContentWidthCm = 17;

    private static readonly Dictionary<string, string> Namespaces = new(StringComparer.Ordinal)
    {
        ["office"] = "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        ["style"] = "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        ["text"] = "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        ["table"] = "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        ["draw"] = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
        ["fo"] = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        ["xlink"] = "http://www.w3.org/1999/xlink",
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["meta"] = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
        ["svg"] = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        ["manifest"] = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    };

    private static readonly Tone[] TintedTones = [Tone.Green, Tone.Yellow, Tone.Red, Tone.Grey];

    public static void Write(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        var pictures = document.Blocks.OfType<Chart>()
            .Select((chart, i) => (Path: $"Pictures/chart{i + 1}.svg", Svg: SvgChart.Render(chart.Model, document.Language, $"chart{i + 1}")))
            .ToList();

        // Built in memory: a zip written to a non-seekable stream gets data descriptors, which ODF validators reject
        // for the mimetype entry that must sit uncompressed at a fixed offset.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var mimetype = zip.CreateEntry("mimetype", CompressionLevel.NoCompression);
            using (var stream = mimetype.Open())
            {
                stream.Write(Encoding.ASCII.GetBytes(MimeType));
            }

            AddXml(zip, "content.xml", xml => WriteContent(xml, document, pictures.Select(p => p.Path).ToList()));
            AddXml(zip, "styles.xml", xml => WriteStyles(xml, document.Language));
            AddXml(zip, "meta.xml", xml => WriteMeta(xml, document));
            foreach (var (path, svg) in pictures)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(svg));
            }

            AddXml(zip, "META-INF/manifest.xml", xml => WriteManifest(xml, pictures.Select(p => p.Path)));
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static void AddXml(ZipArchive zip, string path, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        using var stream = entry.Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false });
        xml.WriteStartDocument();
        write(xml);
        xml.WriteEndDocument();
    }

    private static void WriteManifest(XmlWriter xml, IEnumerable<string> pictures)
    {
        Start(xml, "manifest:manifest", "manifest:version", "1.3");
        Empty(xml, "manifest:file-entry", "manifest:full-path", "/", "manifest:version", "1.3", "manifest:media-type", MimeType);
        foreach (var file in (string[])["content.xml", "styles.xml", "meta.xml"])
        {
            Empty(xml, "manifest:file-entry", "manifest:full-path", file, "manifest:media-type", "text/xml");
        }

        foreach (var picture in pictures)
        {
            Empty(xml, "manifest:file-entry", "manifest:full-path", picture, "manifest:media-type", "image/svg+xml");
        }

        xml.WriteEndElement();
    }

    private static void WriteMeta(XmlWriter xml, ReportDocument document)
    {
        Start(xml, "office:document-meta", "office:version", "1.3");
        DeclareNamespaces(xml, "office", "meta", "dc");
        Start(xml, "office:meta");
        Leaf(xml, "meta:generator", "Aufsicht");
        Leaf(xml, "dc:title", document.Title);
        if (!string.IsNullOrWhiteSpace(document.Subtitle))
        {
            Leaf(xml, "dc:subject", document.Subtitle);
        }

        Leaf(xml, "dc:language", LanguageTag(document.Language));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteStyles(XmlWriter xml, Language language)
    {
        Start(xml, "office:document-styles", "office:version", "1.3");
        DeclareNamespaces(xml, "office", "style", "text", "table", "draw", "fo", "svg", "xlink");
        WriteFontFaces(xml);

        Start(xml, "office:styles");
        var (lang, country) = language == Language.De ? ("de", "DE") : ("en", "GB");
        Start(xml, "style:default-style", "style:family", "paragraph");
        Empty(xml, "style:paragraph-properties", "fo:orphans", "2", "fo:widows", "2");
        Empty(xml, "style:text-properties", "style:font-name", "Liberation Sans", "fo:font-size", "10.5pt", "fo:language", lang, "fo:country", country, "fo:color", ReportPalette.Ink);
        xml.WriteEndElement();

        ParagraphStyle(xml, "Standard", "Standard", null, null, null);
        ParagraphStyle(xml, "Text_20_body", "Text body", "Standard", ["fo:margin-top", "0cm", "fo:margin-bottom", "0.25cm", "fo:line-height", "125%"], null);
        ParagraphStyle(xml, "Title", "Title", "Standard", ["fo:margin-top", "0cm", "fo:margin-bottom", "0.2cm"], ["fo:font-size", "20pt", "fo:font-weight", "bold"]);
        ParagraphStyle(xml, "Subtitle", "Subtitle", "Standard", ["fo:margin-top", "0cm", "fo:margin-bottom", "0.5cm"], ["fo:font-size", "13pt", "fo:color", ReportPalette.AxisText]);
        ParagraphStyle(xml, "Heading", "Heading", "Standard", ["fo:margin-top", "0.45cm", "fo:margin-bottom", "0.2cm", "fo:keep-with-next", "always"], ["fo:font-weight", "bold"]);
        var sizes = new[] { "16pt", "13.5pt", "11.5pt" };
        for (var level = 1; level <= 3; level++)
        {
            Start(xml, "style:style", "style:name", $"Heading_20_{level}", "style:display-name", $"Heading {level}", "style:family", "paragraph", "style:parent-style-name", "Heading", "style:next-style-name", "Text_20_body", "style:default-outline-level", level.ToString(CultureInfo.InvariantCulture), "style:class", "text");
            Empty(xml, "style:text-properties", "fo:font-size", sizes[level - 1], "fo:font-weight", "bold");
            xml.WriteEndElement();
        }

        ParagraphStyle(xml, "Table_20_Contents", "Table Contents", "Standard", null, ["fo:font-size", "9.5pt"]);
        ParagraphStyle(xml, "Table_20_Heading", "Table Heading", "Table_20_Contents", null, ["fo:font-weight", "bold"]);
        ParagraphStyle(xml, "Caption", "Caption", "Standard", ["fo:margin-top", "0.3cm", "fo:margin-bottom", "0.15cm", "fo:keep-with-next", "always"], ["fo:font-weight", "bold"]);
        ParagraphStyle(xml, "Figure", "Figure", "Standard", ["fo:margin-top", "0cm", "fo:margin-bottom", "0.3cm", "fo:text-align", "center"], null);
        ParagraphStyle(xml, "Footer", "Footer", "Standard", ["fo:text-align", "center"], ["fo:font-size", "8.5pt", "fo:color", ReportPalette.AxisText]);
        xml.WriteEndElement();

        Start(xml, "office:automatic-styles");
        Start(xml, "style:page-layout", "style:name", "pm1");
        Empty(xml, "style:page-layout-properties", "fo:page-width", "21cm", "fo:page-height", "29.7cm", "style:print-orientation", "portrait", "fo:margin-top", "2cm", "fo:margin-bottom", "1.5cm", "fo:margin-left", "2cm", "fo:margin-right", "2cm");
        Start(xml, "style:footer-style");
        Empty(xml, "style:header-footer-properties", "fo:min-height", "0.6cm", "fo:margin-top", "0.4cm");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        Start(xml, "office:master-styles");
        Start(xml, "style:master-page", "style:name", "Standard", "style:page-layout-name", "pm1");
        Start(xml, "style:footer");
        Start(xml, "text:p", "text:style-name", "Footer");
        WritePageNumberLine(xml, DocumentText.T(language, "report.page"));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteEndElement();
    }

    /// <summary>"Seite {0} von {1}" with the placeholders as page number and page count fields.</summary>
    private static void WritePageNumberLine(XmlWriter xml, string format)
    {
        var rest = format;
        while (rest.Length > 0)
        {
            var at = rest.IndexOf('{', StringComparison.Ordinal);
            if (at < 0 || at + 2 >= rest.Length || rest[at + 2] != '}')
            {
                xml.WriteString(rest);
                break;
            }

            xml.WriteString(rest[..at]);
            if (rest[at + 1] == '0')
            {
                Start(xml, "text:page-number", "text:select-page", "current");
                xml.WriteString("1");
                xml.WriteEndElement();
            }
            else
            {
                Start(xml, "text:page-count");
                xml.WriteString("1");
                xml.WriteEndElement();
            }

            rest = rest[(at + 3)..];
        }
    }

    private static void ParagraphStyle(XmlWriter xml, string name, string displayName, string? parent, string[]? paragraph, string[]? text)
    {
        Start(xml, "style:style", "style:name", name, "style:display-name", displayName, "style:family", "paragraph");
        if (parent is not null)
        {
            xml.WriteAttributeString("style", "parent-style-name", Namespaces["style"], parent);
        }

        if (paragraph is not null)
        {
            Empty(xml, "style:paragraph-properties", paragraph);
        }

        if (text is not null)
        {
            Empty(xml, "style:text-properties", text);
        }

        xml.WriteEndElement();
    }

    private static void WriteFontFaces(XmlWriter xml)
    {
        Start(xml, "office:font-face-decls");
        Empty(xml, "style:font-face", "style:name", "Liberation Sans", "svg:font-family", "'Liberation Sans'", "style:font-family-generic", "swiss", "style:font-pitch", "variable");
        xml.WriteEndElement();
    }

    private static void WriteContent(XmlWriter xml, ReportDocument document, List<string> pictures)
    {
        Start(xml, "office:document-content", "office:version", "1.3");
        DeclareNamespaces(xml, "office", "style", "text", "table", "draw", "fo", "xlink", "svg");
        WriteFontFaces(xml);

        var tables = document.Blocks.Where(b => b is Table or KeyValues).ToList();
        Start(xml, "office:automatic-styles");
        WriteCellStyles(xml);
        Start(xml, "style:style", "style:name", "fr1", "style:family", "graphic");
        Empty(xml, "style:graphic-properties", "style:vertical-pos", "top", "style:vertical-rel", "baseline", "fo:border", "none", "style:wrap", "none");
        xml.WriteEndElement();
        for (var t = 0; t < tables.Count; t++)
        {
            WriteTableStyles(xml, $"T{t + 1}", ColumnShares(tables[t]));
        }

        xml.WriteEndElement();

        Start(xml, "office:body");
        Start(xml, "office:text");
        Start(xml, "text:p", "text:style-name", "Title");
        WriteText(xml, document.Title);
        xml.WriteEndElement();
        if (!string.IsNullOrWhiteSpace(document.Subtitle))
        {
            Start(xml, "text:p", "text:style-name", "Subtitle");
            WriteText(xml, document.Subtitle);
            xml.WriteEndElement();
        }

        var chartIndex = 0;
        var tableIndex = 0;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading heading:
                    Start(xml, "text:h", "text:style-name", $"Heading_20_{heading.Level}", "text:outline-level", heading.Level.ToString(CultureInfo.InvariantCulture));
                    WriteText(xml, heading.Text);
                    xml.WriteEndElement();
                    break;
                case Paragraph paragraph:
                    Start(xml, "text:p", "text:style-name", "Text_20_body");
                    WriteText(xml, paragraph.Text);
                    xml.WriteEndElement();
                    break;
                case Table table:
                    tableIndex++;
                    WriteTable(xml, table, $"T{tableIndex}");
                    break;
                case KeyValues keyValues:
                    tableIndex++;
                    WriteKeyValues(xml, keyValues, $"T{tableIndex}");
                    break;
                case Chart chart:
                    WriteChart(xml, chart.Model, document.Language, pictures[chartIndex], chartIndex + 1);
                    chartIndex++;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(document), block.GetType().Name, "Unknown block.");
            }
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteCellStyles(XmlWriter xml)
    {
        void Cell(string name, string? background)
        {
            Start(xml, "style:style", "style:name", name, "style:family", "table-cell");
            Empty(xml, "style:table-cell-properties", "fo:padding", "0.08cm", "fo:border", $"0.5pt solid {ReportPalette.TableBorder}", "fo:background-color", background ?? "transparent");
            xml.WriteEndElement();
        }

        Cell("CellHead", ReportPalette.TableHeaderFill);
        Cell("Cell", null);
        foreach (var tone in TintedTones)
        {
            Cell("Cell" + tone, ReportPalette.For(tone).Tint);
        }

        // A row never splits across pages: half a finding on each page reads as two findings.
        Start(xml, "style:style", "style:name", "Row", "style:family", "table-row");
        Empty(xml, "style:table-row-properties", "fo:keep-together", "always");
        xml.WriteEndElement();

        Start(xml, "style:style", "style:name", "KeyLabel", "style:family", "paragraph", "style:parent-style-name", "Table_20_Contents");
        Empty(xml, "style:text-properties", "fo:font-weight", "bold");
        xml.WriteEndElement();
    }

    private static void WriteTableStyles(XmlWriter xml, string name, double[] shares)
    {
        Start(xml, "style:style", "style:name", name, "style:family", "table");
        Empty(xml, "style:table-properties", "style:width", Cm(ContentWidthCm), "table:align", "margins", "fo:margin-top", "0cm", "fo:margin-bottom", "0.35cm");
        xml.WriteEndElement();
        for (var c = 0; c < shares.Length; c++)
        {
            Start(xml, "style:style", "style:name", $"{name}.C{c + 1}", "style:family", "table-column");
            Empty(xml, "style:table-column-properties", "style:column-width", Cm(ContentWidthCm * shares[c]), "style:rel-column-width", $"{Math.Max(1, (int)Math.Round(shares[c] * 65535)).ToString(CultureInfo.InvariantCulture)}*");
            xml.WriteEndElement();
        }
    }

    /// <summary>Column widths as fractions, from the text lengths (ODT has no font metrics here; LibreOffice wraps).</summary>
    private static double[] ColumnShares(Block block)
    {
        IReadOnlyList<IReadOnlyList<string>> rows = block switch
        {
            Table table => [table.Headers, .. table.Rows],
            KeyValues kv => [.. kv.Items.Select(i => (IReadOnlyList<string>)[i.Label, i.Value])],
            _ => [],
        };
        if (rows.Count == 0)
        {
            return [1];
        }

        var columns = rows[0].Count;
        // Header text is bold and a little wider; the margin keeps a word LibreOffice measures wider from breaking.
        var natural = Enumerable.Range(0, columns).Select(c => rows.Select((r, i) => (i == 0 ? 1.15 : 1) * r[c].Length).Max() + 2).ToArray();
        var minimum = Enumerable.Range(0, columns).Select(c => rows.Select((r, i) => (i == 0 ? 1.15 : 1) * LongestWord(r[c])).Max() + 3).ToArray();
        var widths = ColumnWidths.Compute(natural, minimum, 95);
        return [.. widths.Select(w => w / widths.Sum())];
    }

    private static int LongestWord(string text) => text.Split(' ', '\n').Max(w => w.Length);

    private static void WriteTable(XmlWriter xml, Table table, string style)
    {
        if (!string.IsNullOrWhiteSpace(table.Caption))
        {
            Start(xml, "text:p", "text:style-name", "Caption");
            WriteText(xml, table.Caption);
            xml.WriteEndElement();
        }

        Start(xml, "table:table", "table:name", style, "table:style-name", style);
        for (var c = 0; c < table.Headers.Count; c++)
        {
            Empty(xml, "table:table-column", "table:style-name", $"{style}.C{c + 1}");
        }

        Start(xml, "table:table-header-rows");
        Start(xml, "table:table-row", "table:style-name", "Row");
        foreach (var header in table.Headers)
        {
            WriteCell(xml, header, "CellHead", "Table_20_Heading");
        }

        xml.WriteEndElement();
        xml.WriteEndElement();

        for (var r = 0; r < table.Rows.Count; r++)
        {
            Start(xml, "table:table-row", "table:style-name", "Row");
            for (var c = 0; c < table.Headers.Count; c++)
            {
                var tone = table.ToneAt(r, c);
                WriteCell(xml, table.Rows[r][c], tone == Tone.None ? "Cell" : "Cell" + tone, "Table_20_Contents");
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteKeyValues(XmlWriter xml, KeyValues keyValues, string style)
    {
        if (keyValues.Items.Count == 0)
        {
            // ODF requires a table to have at least one row.
            return;
        }

        Start(xml, "table:table", "table:name", style, "table:style-name", style);
        Empty(xml, "table:table-column", "table:style-name", $"{style}.C1");
        Empty(xml, "table:table-column", "table:style-name", $"{style}.C2");
        foreach (var item in keyValues.Items)
        {
            Start(xml, "table:table-row", "table:style-name", "Row");
            WriteCell(xml, item.Label, "Cell", "KeyLabel");
            WriteCell(xml, item.Value, "Cell", "Table_20_Contents");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteCell(XmlWriter xml, string text, string cellStyle, string paragraphStyle)
    {
        Start(xml, "table:table-cell", "table:style-name", cellStyle, "office:value-type", "string");
        Start(xml, "text:p", "text:style-name", paragraphStyle);
        WriteText(xml, text);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteChart(XmlWriter xml, ChartModel model, Language language, string picture, int number)
    {
        var scene = ChartLayout.Lay(model, language);
        Start(xml, "text:p", "text:style-name", "Caption");
        WriteText(xml, model.Title);
        xml.WriteEndElement();
        Start(xml, "text:p", "text:style-name", "Figure");
        Start(xml, "draw:frame", "draw:style-name", "fr1", "draw:name", $"chart{number}", "text:anchor-type", "as-char", "svg:width", Cm(ContentWidthCm), "svg:height", Cm(ContentWidthCm * scene.Height / scene.Width), "draw:z-index", "0");
        Empty(xml, "draw:image", "xlink:href", picture, "xlink:type", "simple", "xlink:show", "embed", "xlink:actuate", "onLoad", "draw:mime-type", "image/svg+xml");

        // Alternative text for the picture, read by screen readers and kept in exported PDFs.
        Leaf(xml, "svg:title", model.Title);
        Leaf(xml, "svg:desc", SvgChart.Describe(model, language));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>Text with its line breaks, tabs and runs of spaces kept (ODF collapses plain whitespace).</summary>
    private static void WriteText(XmlWriter xml, string? text)
    {
        var clean = ReportFormat.XmlSafe(text).Replace("\r\n", "\n", StringComparison.Ordinal);
        var run = new StringBuilder();
        void Flush()
        {
            if (run.Length > 0)
            {
                xml.WriteString(run.ToString());
                run.Clear();
            }
        }

        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            if (c is '\n' or '\r')
            {
                Flush();
                Empty(xml, "text:line-break");
            }
            else if (c == '\t')
            {
                Flush();
                Empty(xml, "text:tab");
            }
            else if (c == ' ' && (i == 0 || clean[i - 1] == ' '))
            {
                Flush();
                var count = 1;
                while (i + 1 < clean.Length && clean[i + 1] == ' ')
                {
                    count++;
                    i++;
                }

                Empty(xml, "text:s", "text:c", count.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                run.Append(c);
            }
        }

        Flush();
    }

    private static string LanguageTag(Language language) => language == Language.De ? "de-DE" : "en-GB";

    private static string Cm(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + "cm";

    private static void DeclareNamespaces(XmlWriter xml, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            xml.WriteAttributeString("xmlns", prefix, null, Namespaces[prefix]);
        }
    }

    private static void Start(XmlWriter xml, string name, params string[] attributes)
    {
        var (prefix, local) = Split(name);
        xml.WriteStartElement(prefix, local, Namespaces[prefix]);
        for (var i = 0; i < attributes.Length; i += 2)
        {
            var (attributePrefix, attributeLocal) = Split(attributes[i]);
            xml.WriteAttributeString(attributePrefix, attributeLocal, Namespaces[attributePrefix], attributes[i + 1]);
        }
    }

    private static void Empty(XmlWriter xml, string name, params string[] attributes)
    {
        Start(xml, name, attributes);
        xml.WriteEndElement();
    }

    private static void Leaf(XmlWriter xml, string name, string? text)
    {
        Start(xml, name);
        xml.WriteString(ReportFormat.XmlSafe(text));
        xml.WriteEndElement();
    }

    private static (string Prefix, string Local) Split(string name)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return (name[..colon], name[(colon + 1)..]);
    }
}
