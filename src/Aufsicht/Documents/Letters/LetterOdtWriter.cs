using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Aufsicht.Core.Law;

namespace Aufsicht.Documents.Letters;

/// <summary>
/// Writes a letter as OpenDocument Text (ODF 1.3) that a handler can still edit in LibreOffice: every piece has a named
/// paragraph style (Briefkopf, Anschrift, Betreff, Tenor …), the Tenor is a real numbered list, emphasis a character
/// style, the Rechtsbehelfsbelehrung a named section. Letterhead, window address and reference block sit in a head
/// table of fixed rows at the places of DIN 5008 form B, as in the PDF.
/// </summary>
internal static class LetterOdtWriter
{
    private const string MimeType = "application/vnd.oasis.opendocument.text";
    private const string LogoPath = "Pictures/logo.png";

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

    public static void Write(LetterDocument letter, Stream output)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(output);
        var logo = letter.Letterhead.Logo is { Length: > 0 } bytes ? bytes : null;

        // In memory: the mimetype entry must be stored uncompressed at offset 0, without a data descriptor.
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var mimetype = zip.CreateEntry("mimetype", CompressionLevel.NoCompression);
            using (var stream = mimetype.Open())
            {
                stream.Write(Encoding.ASCII.GetBytes(MimeType));
            }

            AddXml(zip, "content.xml", xml => WriteContent(xml, letter, logo is not null));
            AddXml(zip, "styles.xml", xml => WriteStyles(xml, letter.Language));
            AddXml(zip, "meta.xml", xml => WriteMeta(xml, letter));
            if (logo is not null)
            {
                var entry = zip.CreateEntry(LogoPath, CompressionLevel.NoCompression);
                using var stream = entry.Open();
                stream.Write(logo);
            }

            AddXml(zip, "META-INF/manifest.xml", xml => WriteManifest(xml, logo is not null));
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

    private static void WriteManifest(XmlWriter xml, bool logo)
    {
        Start(xml, "manifest:manifest", "manifest:version", "1.3");
        Empty(xml, "manifest:file-entry", "manifest:full-path", "/", "manifest:version", "1.3", "manifest:media-type", MimeType);
        foreach (var file in (string[])["content.xml", "styles.xml", "meta.xml"])
        {
            Empty(xml, "manifest:file-entry", "manifest:full-path", file, "manifest:media-type", "text/xml");
        }

        if (logo)
        {
            Empty(xml, "manifest:file-entry", "manifest:full-path", LogoPath, "manifest:media-type", "image/png");
        }

        xml.WriteEndElement();
    }

    private static void WriteMeta(XmlWriter xml, LetterDocument letter)
    {
        Start(xml, "office:document-meta", "office:version", "1.3");
        Declare(xml, "office", "meta", "dc");
        Start(xml, "office:meta");
        Leaf(xml, "meta:generator", "Aufsicht");
        Leaf(xml, "dc:title", letter.Subject);
        Leaf(xml, "dc:subject", letter.Reference.FileNumber);
        Leaf(xml, "dc:creator", letter.Letterhead.Authority);
        Leaf(xml, "dc:language", letter.Language == Language.De ? "de-DE" : "en-GB");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteStyles(XmlWriter xml, Language language)
    {
        Start(xml, "office:document-styles", "office:version", "1.3");
        Declare(xml, "office", "style", "text", "draw", "fo", "svg", "xlink");
        FontFaces(xml);
        Start(xml, "office:styles");
        var (lang, country) = language == Language.De ? ("de", "DE") : ("en", "GB");
        Start(xml, "style:default-style", "style:family", "paragraph");
        Empty(xml, "style:paragraph-properties", "fo:orphans", "2", "fo:widows", "2");
        Empty(xml, "style:text-properties", "style:font-name", "Liberation Sans", "fo:font-size", "10.5pt", "fo:language", lang, "fo:country", country, "fo:color", "#1a1a1a");
        xml.WriteEndElement();

        Paragraph(xml, "Standard", "Standard", null, null, null);
        Paragraph(xml, "Text_20_body", "Text body", "Standard", ["fo:margin-top", "0cm", "fo:margin-bottom", "0.35cm", "fo:line-height", "120%"], null);
        Paragraph(xml, "Briefkopf", "Briefkopf", "Standard", ["fo:margin-bottom", "0.15cm"], ["fo:font-size", "12pt", "fo:font-weight", "bold"]);
        Paragraph(xml, "Briefkopf_20_Zeilen", "Briefkopf Zeilen", "Standard", null, ["fo:font-size", "8pt", "fo:color", "#555555"]);
        Paragraph(xml, "Ruecksendeangabe", "Rücksendeangabe", "Standard", ["fo:margin-bottom", "0.3cm"], ["fo:font-size", "7pt", "fo:color", "#555555", "style:text-underline-style", "solid", "style:text-underline-width", "auto", "style:text-underline-color", "font-color"]);
        Paragraph(xml, "Anschrift", "Anschrift", "Standard", null, null);
        Paragraph(xml, "Bezugszeichen_20_Titel", "Bezugszeichen Titel", "Standard", null, ["fo:font-size", "8pt", "fo:font-weight", "bold", "fo:color", "#555555"]);
        Paragraph(xml, "Bezugszeichen", "Bezugszeichen", "Standard", ["fo:margin-bottom", "0.15cm"], ["fo:font-size", "9pt"]);
        Paragraph(xml, "Betreff", "Betreff", "Standard", ["fo:margin-top", "0.85cm", "fo:margin-bottom", "0.5cm", "fo:keep-with-next", "always"], ["fo:font-weight", "bold"]);
        Paragraph(xml, "Logo", "Logo", "Standard", ["fo:text-align", "end"], null);
        Paragraph(xml, "Anrede", "Anrede", "Text_20_body", null, null);
        Start(xml, "style:style", "style:name", "Heading_20_2", "style:display-name", "Heading 2", "style:family", "paragraph", "style:parent-style-name", "Standard", "style:next-style-name", "Text_20_body", "style:default-outline-level", "2", "style:class", "text");
        Empty(xml, "style:paragraph-properties", "fo:margin-top", "0.3cm", "fo:margin-bottom", "0.15cm", "fo:keep-with-next", "always");
        Empty(xml, "style:text-properties", "fo:font-weight", "bold");
        xml.WriteEndElement();
        Paragraph(xml, "List_20_Paragraph", "List Paragraph", "Text_20_body", ["fo:margin-bottom", "0.2cm"], null);
        Paragraph(xml, "Grussformel", "Grußformel", "Text_20_body", ["fo:margin-top", "0.2cm", "fo:keep-with-next", "always"], null);
        Paragraph(xml, "Unterschrift", "Unterschrift", "Standard", ["fo:keep-together", "always"], null);
        Paragraph(xml, "Footer", "Footer", "Standard", ["fo:text-align", "end"], ["fo:font-size", "8pt", "fo:color", "#555555"]);
        Start(xml, "style:style", "style:name", "Strong_20_Emphasis", "style:display-name", "Strong Emphasis", "style:family", "text");
        Empty(xml, "style:text-properties", "fo:font-weight", "bold");
        xml.WriteEndElement();

        ListStyle(xml, "Tenor", bullet: false);
        ListStyle(xml, "Aufzaehlung", bullet: true);
        xml.WriteEndElement();

        Start(xml, "office:automatic-styles");
        Start(xml, "style:page-layout", "style:name", "pm1");
        Empty(xml, "style:page-layout-properties", "fo:page-width", "21cm", "fo:page-height", "29.7cm", "style:print-orientation", "portrait", "fo:margin-top", "1.2cm", "fo:margin-bottom", "1.2cm", "fo:margin-left", "2.5cm", "fo:margin-right", "2cm");
        Start(xml, "style:footer-style");
        Empty(xml, "style:header-footer-properties", "fo:min-height", "0.6cm", "fo:margin-top", "0.4cm");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        Start(xml, "office:master-styles");
        Start(xml, "style:master-page", "style:name", "Standard", "style:page-layout-name", "pm1");
        Start(xml, "style:footer");
        Start(xml, "text:p", "text:style-name", "Footer");
        var format = DocumentText.T(language, "report.page");
        var first = format.IndexOf("{0}", StringComparison.Ordinal);
        var second = format.IndexOf("{1}", StringComparison.Ordinal);
        xml.WriteString(format[..first]);
        Start(xml, "text:page-number", "text:select-page", "current");
        xml.WriteString("1");
        xml.WriteEndElement();
        xml.WriteString(format[(first + 3)..second]);
        Start(xml, "text:page-count");
        xml.WriteString("1");
        xml.WriteEndElement();
        xml.WriteString(format[(second + 3)..]);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void ListStyle(XmlWriter xml, string name, bool bullet)
    {
        Start(xml, "text:list-style", "style:name", name, "style:display-name", name == "Aufzaehlung" ? "Aufzählung" : name);
        if (bullet)
        {
            Start(xml, "text:list-level-style-bullet", "text:level", "1", "text:bullet-char", "–");
        }
        else
        {
            Start(xml, "text:list-level-style-number", "text:level", "1", "style:num-suffix", ".", "style:num-format", "1");
        }

        Start(xml, "style:list-level-properties", "text:list-level-position-and-space-mode", "label-alignment");
        Empty(xml, "style:list-level-label-alignment", "text:label-followed-by", "listtab", "text:list-tab-stop-position", "0.8cm", "fo:text-indent", "-0.8cm", "fo:margin-left", "0.8cm");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Paragraph(XmlWriter xml, string name, string displayName, string? parent, string[]? paragraph, string[]? text)
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

    private static void FontFaces(XmlWriter xml)
    {
        Start(xml, "office:font-face-decls");
        Empty(xml, "style:font-face", "style:name", "Liberation Sans", "svg:font-family", "'Liberation Sans'", "style:font-family-generic", "swiss", "style:font-pitch", "variable");
        xml.WriteEndElement();
    }

    private static void WriteContent(XmlWriter xml, LetterDocument letter, bool logo)
    {
        var language = letter.Language;
        Start(xml, "office:document-content", "office:version", "1.3");
        Declare(xml, "office", "style", "text", "table", "draw", "fo", "xlink", "svg");
        FontFaces(xml);
        Start(xml, "office:automatic-styles");
        HeadStyles(xml);
        xml.WriteEndElement();

        Start(xml, "office:body");
        Start(xml, "office:text");

        // The head of the first page as a borderless table with fixed row heights, so the address lands in the window
        // whatever the letterhead holds (page frames would do too, but LibreOffice reads frames written outside a
        // paragraph as drawing shapes and drops their paragraph styles): letterhead to 4.5 cm, then the return line,
        // the address and, at 12.5 cm from the left, the reference block, to 9 cm.
        var head = letter.Letterhead;
        Start(xml, "table:table", "table:name", "Briefkopf", "table:style-name", "Kopf");
        Empty(xml, "table:table-column", "table:style-name", "Kopf.A");
        Empty(xml, "table:table-column", "table:style-name", "Kopf.B");
        Empty(xml, "table:table-column", "table:style-name", "Kopf.C");
        Start(xml, "table:table-row", "table:style-name", "Kopf.R1");
        Start(xml, "table:table-cell", "table:style-name", "Kopf.Zelle", "table:number-columns-spanned", "2", "office:value-type", "string");
        Para(xml, "Briefkopf", head.Authority);
        Para(xml, "Briefkopf_20_Zeilen", string.Join('\n', head.AddressLines.Concat(head.ContactLines)));
        xml.WriteEndElement();
        Empty(xml, "table:covered-table-cell");
        Start(xml, "table:table-cell", "table:style-name", "Kopf.Zelle", "office:value-type", "string");
        Start(xml, "text:p", "text:style-name", "Logo");
        if (logo)
        {
            Start(xml, "draw:frame", "draw:style-name", "frLogo", "draw:name", "Logo", "text:anchor-type", "as-char", "svg:width", "5cm", "svg:height", "2.2cm", "draw:z-index", "0");
            Empty(xml, "draw:image", "xlink:href", LogoPath, "xlink:type", "simple", "xlink:show", "embed", "xlink:actuate", "onLoad", "draw:mime-type", "image/png");
            Leaf(xml, "svg:title", DocumentText.T(language, "report.letter.logo", head.Authority));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        var address = new List<string> { letter.Addressee.Name };
        if (!string.IsNullOrWhiteSpace(letter.Addressee.ContactPerson))
        {
            address.Add(DocumentText.T(language, "report.letter.attention", letter.Addressee.ContactPerson));
        }

        address.AddRange(letter.Addressee.AddressLines);
        Start(xml, "table:table-row", "table:style-name", "Kopf.R2");
        Start(xml, "table:table-cell", "table:style-name", "Kopf.Zelle", "office:value-type", "string");
        Para(xml, "Ruecksendeangabe", head.ReturnLine);
        Para(xml, "Anschrift", string.Join('\n', address));
        xml.WriteEndElement();
        Start(xml, "table:table-cell", "table:style-name", "Kopf.Zelle", "office:value-type", "string");
        Empty(xml, "text:p", "text:style-name", "Standard");
        xml.WriteEndElement();
        Start(xml, "table:table-cell", "table:style-name", "Kopf.Bezug", "office:value-type", "string");
        foreach (var (label, value) in (ReadOnlySpan<(string, string)>)[
            (DocumentText.T(language, "report.letter.fileNumber"), letter.Reference.FileNumber),
            (DocumentText.T(language, "report.letter.date"), ReportFormat.Date(letter.Reference.Date, language)),
            (DocumentText.T(language, "report.letter.handler"), letter.Reference.Handler)])
        {
            Para(xml, "Bezugszeichen_20_Titel", label);
            Para(xml, "Bezugszeichen", value);
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        Start(xml, "text:p", "text:style-name", "Betreff");
        Text(xml, letter.Subject);
        xml.WriteEndElement();
        Para(xml, "Anrede", letter.Salutation);
        Blocks(xml, letter.Body);
        if (letter.Remedy is { } remedy)
        {
            Start(xml, "text:section", "text:name", "Rechtsbehelfsbelehrung");
            Heading(xml, remedy.Heading);
            Blocks(xml, remedy.Blocks);
            xml.WriteEndElement();
        }

        Para(xml, "Grussformel", letter.Closing);
        var signature = letter.Signature;
        var lines = new List<string>();
        if (signature.OnBehalf)
        {
            lines.Add(DocumentText.T(language, "report.letter.onBehalf"));
        }

        // Two empty lines for the handwritten signature.
        lines.AddRange(["", "", signature.Name, signature.Function]);
        Para(xml, "Unterschrift", string.Join('\n', lines));

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>The head table's styles: fixed columns (8.5 + 1.5 + 6.5 cm) and rows (to 4.5 and 9 cm), no borders.</summary>
    private static void HeadStyles(XmlWriter xml)
    {
        Start(xml, "style:style", "style:name", "Kopf", "style:family", "table");
        Empty(xml, "style:table-properties", "style:width", "16.5cm", "table:align", "left", "fo:margin-top", "0cm", "fo:margin-bottom", "0cm");
        xml.WriteEndElement();
        foreach (var (name, width) in (ReadOnlySpan<(string, string)>)[("Kopf.A", "8.5cm"), ("Kopf.B", "1.5cm"), ("Kopf.C", "6.5cm")])
        {
            Start(xml, "style:style", "style:name", name, "style:family", "table-column");
            Empty(xml, "style:table-column-properties", "style:column-width", width);
            xml.WriteEndElement();
        }

        foreach (var (name, height) in (ReadOnlySpan<(string, string)>)[("Kopf.R1", "3.3cm"), ("Kopf.R2", "4.5cm")])
        {
            Start(xml, "style:style", "style:name", name, "style:family", "table-row");
            Empty(xml, "style:table-row-properties", "style:row-height", height, "fo:keep-together", "always");
            xml.WriteEndElement();
        }

        foreach (var (name, top) in (ReadOnlySpan<(string, string)>)[("Kopf.Zelle", "0cm"), ("Kopf.Bezug", "0.5cm")])
        {
            Start(xml, "style:style", "style:name", name, "style:family", "table-cell");
            Empty(xml, "style:table-cell-properties", "fo:padding", "0cm", "fo:padding-top", top, "fo:border", "none", "style:vertical-align", "top");
            xml.WriteEndElement();
        }

        Start(xml, "style:style", "style:name", "frLogo", "style:family", "graphic");
        Empty(xml, "style:graphic-properties", "style:vertical-pos", "top", "style:vertical-rel", "baseline", "fo:border", "none", "style:wrap", "none");
        xml.WriteEndElement();
    }

    private static void Blocks(XmlWriter xml, IEnumerable<LetterBlock> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case LetterHeading heading:
                    Heading(xml, heading.Text);
                    break;
                case LetterParagraph paragraph:
                    Start(xml, "text:p", "text:style-name", "Text_20_body");
                    Runs(xml, paragraph.Runs);
                    xml.WriteEndElement();
                    break;
                case NumberedList list:
                    List(xml, "Tenor", list.Items);
                    break;
                case BulletList list:
                    List(xml, "Aufzaehlung", list.Items);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(blocks), block.GetType().Name, "Unknown block.");
            }
        }
    }

    private static void Heading(XmlWriter xml, string text)
    {
        Start(xml, "text:h", "text:style-name", "Heading_20_2", "text:outline-level", "2");
        Text(xml, text);
        xml.WriteEndElement();
    }

    private static void List(XmlWriter xml, string style, IReadOnlyList<IReadOnlyList<TextRun>> items)
    {
        Start(xml, "text:list", "text:style-name", style);
        foreach (var item in items)
        {
            Start(xml, "text:list-item");
            Start(xml, "text:p", "text:style-name", "List_20_Paragraph");
            Runs(xml, item);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Runs(XmlWriter xml, IReadOnlyList<TextRun> runs)
    {
        foreach (var run in runs)
        {
            if (run.Emphasis)
            {
                Start(xml, "text:span", "text:style-name", "Strong_20_Emphasis");
                Text(xml, run.Text);
                xml.WriteEndElement();
            }
            else
            {
                Text(xml, run.Text);
            }
        }
    }

    private static void Para(XmlWriter xml, string style, string text)
    {
        Start(xml, "text:p", "text:style-name", style);
        Text(xml, text);
        xml.WriteEndElement();
    }

    /// <summary>Text with its line breaks kept and runs of spaces as spaces (ODF collapses plain whitespace).</summary>
    private static void Text(XmlWriter xml, string? text)
    {
        var lines = ReportFormat.XmlSafe(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                Empty(xml, "text:line-break");
            }

            var line = lines[i];
            var start = 0;
            for (var c = 0; c < line.Length; c++)
            {
                // A space after a space (or at the start) would vanish: written as text:s.
                if (line[c] == ' ' && (c == 0 || line[c - 1] == ' '))
                {
                    xml.WriteString(line[start..c]);
                    var end = c;
                    while (end < line.Length && line[end] == ' ')
                    {
                        end++;
                    }

                    Empty(xml, "text:s", "text:c", (end - c).ToString(CultureInfo.InvariantCulture));
                    c = end - 1;
                    start = end;
                }
            }

            xml.WriteString(line[start..]);
        }
    }

    private static string Cm(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + "cm";

    private static void Declare(XmlWriter xml, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            xml.WriteAttributeString("xmlns", prefix, null, Namespaces[prefix]);
        }
    }

    private static void Start(XmlWriter xml, string name, params string[] attributes)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var prefix = name[..colon];
        xml.WriteStartElement(prefix, name[(colon + 1)..], Namespaces[prefix]);
        for (var i = 0; i < attributes.Length; i += 2)
        {
            var at = attributes[i].IndexOf(':', StringComparison.Ordinal);
            var attributePrefix = attributes[i][..at];
            xml.WriteAttributeString(attributePrefix, attributes[i][(at + 1)..], Namespaces[attributePrefix], attributes[i + 1]);
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
}
