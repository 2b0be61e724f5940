using Aufsicht.Core.Law;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Aufsicht.Documents;

/// <summary>
/// Writes a report as PDF with PDFsharp: A4, Liberation Sans embedded, tables that repeat their header row on every
/// page, charts drawn as vectors from the same layout as the SVG, and "Seite N von M" in the footer. Tagged for screen
/// readers (PDF/UA structure through PDFsharp's UAManager): headings, paragraphs, tables with header cells, charts as
/// figures whose alternative text gives the data; borders, fills, repeated header rows and page numbers are artifacts.
/// </summary>
internal static class PdfWriter
{
    public static void Write(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        ReportFonts.EnsureRegistered();

        // Tagged PDF may draw on the current page only, so "Seite N von M" cannot be added at the end: a first, untagged
        // layout counts the pages (the layout is deterministic), the second draws each footer as its page begins.
        int pages;
        using (var count = new PdfDocument())
        {
            pages = Lay(document, count, tags: null, pages: null);
        }

        using var pdf = new PdfDocument();
        // Before the first page: the manager follows the pages and graphics it has to tag.
        var ua = UAManager.ForDocument(pdf);
        pdf.Info.Title = ReportFormat.Printable(document.Title);
        if (!string.IsNullOrWhiteSpace(document.Subtitle))
        {
            pdf.Info.Subject = ReportFormat.Printable(document.Subtitle);
        }

        pdf.Info.Creator = "Aufsicht";
        ua.SetDocumentLanguage(document.Language == Language.De ? "de-DE" : "en-GB");
        pdf.ViewerPreferences.DisplayDocTitle = true;
        Lay(document, pdf, ua.StructureBuilder, pages);
        pdf.Save(output, closeStream: false);
    }

    /// <summary>Lays the document out into <paramref name="pdf"/>; the number of pages it took.</summary>
    private static int Lay(ReportDocument document, PdfDocument pdf, StructureBuilder? tags, int? pages)
    {
        using var layout = new PdfLayout(pdf, tags, document.Language, pages);
        layout.Title(document.Title, document.Subtitle);
        for (var i = 0; i < document.Blocks.Count; i++)
        {
            var block = document.Blocks[i];
            switch (block)
            {
                case Heading heading:
                    layout.Heading(heading, i + 1 < document.Blocks.Count ? document.Blocks[i + 1] : null);
                    break;
                case Paragraph paragraph:
                    layout.Paragraph(paragraph.Text);
                    break;
                case Table table:
                    layout.Table(table);
                    break;
                case KeyValues keyValues:
                    layout.KeyValues(keyValues);
                    break;
                case Chart chart:
                    layout.Chart(chart.Model);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(document), block.GetType().Name, "Unknown block.");
            }
        }

        return pdf.PageCount;
    }

    /// <summary>A cursor running down the pages; starts a new page whenever the next piece would not fit.</summary>
    private sealed class PdfLayout : IDisposable
    {
        private const double Left = 56.7;
        private const double Right = 56.7;
        private const double Top = 56.7;
        private const double BottomMargin = 70;
        private const double CellPadding = 4;


        private static readonly XPdfFontOptions FontOptions = new(PdfFontEncoding.Unicode);

        private readonly PdfDocument pdf;
        private readonly StructureBuilder? tags;
        private readonly int? pages;
        private readonly Language language;
        private readonly XFont body = Font(10.5, false);
        private readonly XFont bodyBold = Font(10.5, true);
        private readonly XFont cell = Font(9.5, false);
        private readonly XFont cellBold = Font(9.5, true);
        private readonly XBrush ink = new XSolidBrush(Colour(ReportPalette.Ink));
        private readonly XPen border = new(Colour(ReportPalette.TableBorder), 0.5);
        private readonly XFont footer = Font(8.5, false);
        private readonly XBrush footerInk = new XSolidBrush(Colour(ReportPalette.AxisText));
        private readonly Dictionary<(double, bool), XFont> chartFonts = [];
        private PdfPage page = null!;
        private XGraphics gfx = null!;
        private double y;

        /// <summary>With <paramref name="tags"/> null nothing is tagged; with <paramref name="pages"/> null no footer is drawn (a count).</summary>
        public PdfLayout(PdfDocument pdf, StructureBuilder? tags, Language language, int? pages)
        {
            this.pdf = pdf;
            this.tags = tags;
            this.language = language;
            this.pages = pages;
            NewPage();
        }

        private double Width => page.Width.Point - Left - Right;

        private double Bottom => page.Height.Point - BottomMargin;

        private bool AtTop => y <= Top + 0.01;

        public static XFont Font(double size, bool bold) => new(ReportFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, FontOptions);

        public static XColor Colour(string hex) => XColor.FromArgb(
            Convert.ToInt32(hex[1..3], 16),
            Convert.ToInt32(hex[3..5], 16),
            Convert.ToInt32(hex[5..7], 16));

        public void Title(string title, string? subtitle)
        {
            Tagged(PdfBlockLevelElementTag.Heading1, () => Text(title, Font(20, true), ink, 0, 6));
            if (!string.IsNullOrWhiteSpace(subtitle))
            {
                Tagged(PdfBlockLevelElementTag.Paragraph, () => Text(subtitle, Font(12.5, false), new XSolidBrush(Colour(ReportPalette.AxisText)), 0, 4));
            }

            y += 10;
        }

        public void Heading(Heading heading, Block? next)
        {
            var (font, before) = heading.Level switch
            {
                1 => (Font(16, true), 16.0),
                2 => (Font(13.5, true), 12.0),
                _ => (Font(11.5, true), 9.0),
            };
            var lines = Wrap(heading.Text, font, Width);

            // A heading stays with the start of what follows: a whole chart, a table's first rows, three lines of text.
            var needed = (lines.Count * font.GetHeight()) + before + 4 + next switch
            {
                Chart chart => bodyBold.GetHeight() + 6 + ChartHeight(chart.Model),
                Aufsicht.Documents.Table => bodyBold.GetHeight() + 4 + (3 * (cell.GetHeight() + (2 * CellPadding))),
                _ => 3 * body.GetHeight(),
            };
            if (y + needed > Bottom)
            {
                NewPage();
            }

            // The document title is the one H1; a report's headings start at H2.
            var tag = heading.Level switch
            {
                1 => PdfBlockLevelElementTag.Heading2,
                2 => PdfBlockLevelElementTag.Heading3,
                _ => PdfBlockLevelElementTag.Heading4,
            };
            Tagged(tag, () => Text(heading.Text, font, ink, AtTop ? 0 : before, 4));
        }

        public void Paragraph(string text) => Tagged(PdfBlockLevelElementTag.Paragraph, () => Text(text, body, ink, 0, 7, lineFactor: 1.15));

        public void KeyValues(KeyValues keyValues)
        {
            if (keyValues.Items.Count == 0)
            {
                return;
            }

            var labelWidth = Math.Min(Width * 0.45, keyValues.Items.Max(i => Measure(i.Label, bodyBold)) + 12);
            var valueWidth = Width - labelWidth;
            var rule = new XPen(Colour(ReportPalette.Grid), 0.5);
            // A table of two columns for screen readers: each label a row header.
            tags?.BeginElement(PdfBlockLevelElementTag.Table);
            foreach (var item in keyValues.Items)
            {
                var labels = Wrap(item.Label, bodyBold, labelWidth - 12);
                var values = Wrap(item.Value, body, valueWidth - 4);
                var lineHeight = body.GetHeight();
                var height = (Math.Max(labels.Count, values.Count) * lineHeight) + 6;
                EnsureSpace(height);
                tags?.BeginElement(PdfBlockLevelElementTag.TableRow);
                Tagged(PdfBlockLevelElementTag.TableHeaderCell, () => DrawLines(labels, bodyBold, ink, Left, y + 3, lineHeight), "/Row");
                Tagged(PdfBlockLevelElementTag.TableDataCell, () => DrawLines(values, body, ink, Left + labelWidth, y + 3, lineHeight));
                tags?.End();
                y += height;
                Artifact(() => gfx.DrawLine(rule, Left, y, Left + Width, y));
            }

            tags?.End();
            y += 10;
        }

        public void Table(Table table)
        {
            var columns = table.Headers.Count;
            var natural = new double[columns];
            var minimum = new double[columns];
            for (var c = 0; c < columns; c++)
            {
                natural[c] = Measure(table.Headers[c], cellBold);
                minimum[c] = LongestWord(table.Headers[c], cellBold);
                foreach (var row in table.Rows)
                {
                    natural[c] = Math.Max(natural[c], Measure(row[c], cell));
                    minimum[c] = Math.Max(minimum[c], LongestWord(row[c], cell));
                }
            }

            var widths = ColumnWidths.Compute(
                [.. natural.Select(n => n + (2 * CellPadding))],
                [.. minimum.Select(m => m + (2 * CellPadding))],
                Width);

            var header = Layout(table.Headers, cellBold, widths);
            var rows = table.Rows.Select(r => Layout(r, cell, widths)).ToList();
            var captionFont = bodyBold;
            var captionHeight = string.IsNullOrWhiteSpace(table.Caption) ? 0 : captionFont.GetHeight() + 4;

            // Caption, header and the first row stay together.
            EnsureSpace(captionHeight + header.Height + (rows.Count > 0 ? rows[0].Height : 0));
            tags?.BeginElement(PdfBlockLevelElementTag.Table);
            if (captionHeight > 0)
            {
                // A caption groups; its text needs a paragraph of its own to be read.
                tags?.BeginElement(PdfGroupingElementTag.Caption);
                Tagged(PdfBlockLevelElementTag.Paragraph, () => Text(table.Caption, captionFont, ink, 0, 4));
                tags?.End();
            }

            tags?.BeginElement(PdfBlockLevelElementTag.TableHeadRowGroup);
            DrawRow(header, widths, _ => ReportPalette.TableHeaderFill, cellBold, PdfBlockLevelElementTag.TableHeaderCell);
            tags?.End();
            tags?.BeginElement(PdfBlockLevelElementTag.TableBodyRowGroup);
            for (var r = 0; r < rows.Count; r++)
            {
                if (y + rows[r].Height > Bottom && !AtTop)
                {
                    NewPage();

                    // Repeated for the eye on the new page; a screen reader has them once already.
                    Artifact(() =>
                    {
                        if (captionHeight > 0)
                        {
                            Text(DocumentText.T(language, "report.table.continued", table.Caption), captionFont, ink, 0, 4);
                        }

                        DrawRow(header, widths, _ => ReportPalette.TableHeaderFill, cellBold, cellTag: null);
                    });
                }

                var row = r;
                DrawRow(rows[r], widths, c => table.ToneAt(row, c) is var tone and not Tone.None ? ReportPalette.For(tone).Tint : null, cell, PdfBlockLevelElementTag.TableDataCell);
            }

            tags?.End();
            tags?.End();
            y += 12;
        }

        public void Chart(ChartModel model)
        {
            var scene = ChartLayout.Lay(model, language);
            var scale = ChartScale(scene);
            var height = scene.Height * scale;
            EnsureSpace(bodyBold.GetHeight() + 6 + height);
            Tagged(PdfBlockLevelElementTag.Paragraph, () => Text(model.Title, bodyBold, ink, 0, 6));

            // One figure whose alternative text says what the picture shows: the data in words.
            tags?.BeginElement(PdfIllustrationElementTag.Figure, SvgChart.Describe(model, language), new XRect(Left, y, scene.Width * scale, height));
            var state = gfx.Save();
            gfx.TranslateTransform(Left, y);
            gfx.ScaleTransform(scale);
            foreach (var shape in scene.Shapes)
            {
                DrawShape(shape);
            }

            gfx.Restore(state);
            tags?.End();
            y += height + 12;
        }

        public void Dispose() => gfx.Dispose();

        /// <summary>
        /// The scale of a chart: the page's width, or — for a chart that would then be taller than a page with its
        /// title (a Gantt of many rows) — the height of a page, so no chart runs over the page's bottom.
        /// </summary>
        private double ChartScale(ChartScene scene)
        {
            var byWidth = Width / scene.Width;
            var room = Bottom - Top - bodyBold.GetHeight() - 6;
            return scene.Height * byWidth <= room ? byWidth : room / scene.Height;
        }

        private double ChartHeight(ChartModel model)
        {
            var scene = ChartLayout.Lay(model, language);
            return scene.Height * ChartScale(scene);
        }

        /// <summary>Draws inside a structure element; a header cell says whether it heads a column or a row (<paramref name="scope"/>).</summary>
        private void Tagged(PdfBlockLevelElementTag tag, Action draw, string? scope = null)
        {
            tags?.BeginElement(tag);
            if (scope is not null && tags?.CurrentStructureElement is { } element)
            {
                var attributes = new PdfDictionary(pdf);
                attributes.Elements.SetName("/O", "/Table");
                attributes.Elements.SetName("/Scope", scope);
                element.Elements.SetObject("/A", attributes);
            }

            draw();
            tags?.End();
        }

        /// <summary>Drawing that carries no content of its own (rules, fills, borders, repeats): skipped by screen readers.</summary>
        private void Artifact(Action draw)
        {
            tags?.BeginArtifact();
            draw();
            tags?.End();
        }

        private void DrawShape(Shape shape)
        {
            switch (shape)
            {
                case SegmentShape s:
                    DrawSegment(s);
                    break;
                case LineShape l:
                    gfx.DrawLine(new XPen(Colour(l.Colour), l.Thickness), l.X1, l.Y1, l.X2, l.Y2);
                    break;
                case TextShape t:
                    {
                        var key = (t.Size, t.Bold);
                        if (!chartFonts.TryGetValue(key, out var font))
                        {
                            font = Font(t.Size, t.Bold);
                            chartFonts[key] = font;
                        }

                        var format = t.Anchor switch
                        {
                            TextAnchor.Middle => XStringFormats.BaseLineCenter,
                            TextAnchor.End => XStringFormats.BaseLineRight,
                            _ => XStringFormats.BaseLineLeft,
                        };
                        gfx.DrawString(ReportFormat.Printable(t.Text), font, new XSolidBrush(Colour(t.Colour)), t.X, t.Y, format);
                        break;
                    }

                case PolylineShape p:
                    gfx.DrawLines(new XPen(Colour(p.Colour), p.Thickness) { LineJoin = XLineJoin.Round }, [.. p.Points.Select(pt => new XPoint(pt.X, pt.Y))]);
                    break;
                case DotShape d:
                    gfx.DrawEllipse(new XPen(Colour(d.Outline), 1.5), new XSolidBrush(Colour(d.Fill)), d.X - d.Radius, d.Y - d.Radius, 2 * d.Radius, 2 * d.Radius);
                    break;
                case DiamondShape d:
                    gfx.DrawPolygon(new XPen(Colour(d.Outline), 1.5), new XSolidBrush(Colour(d.Fill)), [new XPoint(d.X, d.Y - d.Radius), new XPoint(d.X + d.Radius, d.Y), new XPoint(d.X, d.Y + d.Radius), new XPoint(d.X - d.Radius, d.Y)], XFillMode.Winding);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(shape), shape.GetType().Name, "Unknown shape.");
            }
        }

        /// <summary>The same fills as the SVG patterns: colour, then hatching or dots clipped to the segment.</summary>
        private void DrawSegment(SegmentShape s)
        {
            var swatch = ReportPalette.For(s.Tone);
            var rect = new XRect(s.X, s.Y, s.Width, s.Height);
            gfx.DrawRectangle(new XSolidBrush(Colour(swatch.Fill)), rect);
            if (swatch.Pattern != FillPattern.Solid)
            {
                var state = gfx.Save();
                gfx.IntersectClip(rect);
                var pen = new XPen(Colour(swatch.PatternInk), 1);
                var brush = new XSolidBrush(Colour(swatch.PatternInk));
                for (var k = -s.Height; k < s.Width + s.Height; k += 6)
                {
                    switch (swatch.Pattern)
                    {
                        case FillPattern.Diagonal:
                            gfx.DrawLine(pen, s.X + k, s.Y + s.Height, s.X + k + s.Height, s.Y);
                            break;
                        case FillPattern.CrossHatch:
                            gfx.DrawLine(pen, s.X + k, s.Y + s.Height, s.X + k + s.Height, s.Y);
                            gfx.DrawLine(pen, s.X + k, s.Y, s.X + k + s.Height, s.Y + s.Height);
                            break;
                        case FillPattern.Dots when k >= 0:
                            for (var dy = 3.0; dy < s.Height; dy += 6)
                            {
                                gfx.DrawEllipse(brush, s.X + k + 3 - 1.1, s.Y + dy - 1.1, 2.2, 2.2);
                            }

                            break;
                        default:
                            break;
                    }
                }

                gfx.Restore(state);
            }

            gfx.DrawRectangle(new XPen(Colour(swatch.Outline), 1), rect);
        }

        private RowLayout Layout(IReadOnlyList<string> cells, XFont font, double[] widths)
        {
            var lines = cells.Select((text, c) => Wrap(text, font, widths[c] - (2 * CellPadding))).ToList();
            return new RowLayout(lines, (lines.Max(l => l.Count) * font.GetHeight()) + (2 * CellPadding));
        }

        /// <summary>One table row; its cells tagged <paramref name="cellTag"/> (null: inside an artifact already).</summary>
        private void DrawRow(RowLayout row, double[] widths, Func<int, string?> fill, XFont font, PdfBlockLevelElementTag? cellTag)
        {
            var x = Left;
            if (cellTag is not null)
            {
                tags?.BeginElement(PdfBlockLevelElementTag.TableRow);
            }

            for (var c = 0; c < widths.Length; c++)
            {
                var rect = new XRect(x, y, widths[c], row.Height);
                var colour = fill(c);
                void Box()
                {
                    if (colour is not null)
                    {
                        gfx.DrawRectangle(new XSolidBrush(Colour(colour)), rect);
                    }

                    gfx.DrawRectangle(border, rect);
                }

                var (left, lines) = (x, row.Lines[c]);
                if (cellTag is { } tag)
                {
                    Artifact(Box);
                    Tagged(tag, () => DrawLines(lines, font, ink, left + CellPadding, y + CellPadding, font.GetHeight()), tag == PdfBlockLevelElementTag.TableHeaderCell ? "/Column" : null);
                }
                else
                {
                    Box();
                    DrawLines(lines, font, ink, left + CellPadding, y + CellPadding, font.GetHeight());
                }

                x += widths[c];
            }

            if (cellTag is not null)
            {
                tags?.End();
            }

            y += row.Height;
        }

        private void Text(string text, XFont font, XBrush brush, double before, double after, double lineFactor = 1)
        {
            y += before;
            var lineHeight = font.GetHeight() * lineFactor;
            foreach (var line in Wrap(text, font, Width))
            {
                EnsureSpace(lineHeight);
                gfx.DrawString(line, font, brush, Left, y, XStringFormats.TopLeft);
                y += lineHeight;
            }

            y += after;
        }

        private void DrawLines(IReadOnlyList<string> lines, XFont font, XBrush brush, double x, double top, double lineHeight)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                gfx.DrawString(lines[i], font, brush, x, top + (i * lineHeight), XStringFormats.TopLeft);
            }
        }

        private void EnsureSpace(double height)
        {
            if (y + height > Bottom && !AtTop)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            // The page first, then the old graphics away: adding a page makes the tagging close what is open on the
            // old page, which needs its graphics still alive (a paragraph running onto the next page threw otherwise).
            var next = pdf.AddPage();
            next.Size = PageSize.A4;
            gfx?.Dispose();
            page = next;
            gfx = XGraphics.FromPdfPage(page);
            y = Top;
            if (pages is { } total)
            {
                var text = DocumentText.T(language, "report.page", pdf.PageCount, total);
                Artifact(() => gfx.DrawString(text, footer, footerInk, page.Width.Point / 2, page.Height.Point - 34, XStringFormats.BaseLineCenter));
            }
        }

        private double Measure(string text, XFont font) =>
            ReportFormat.Printable(text).Split('\n').Max(line => gfx.MeasureString(line, font).Width);

        private double LongestWord(string text, XFont font) =>
            ReportFormat.Printable(text).Split(' ', '\n').Max(word => gfx.MeasureString(word, font).Width);

        /// <summary>Lines that fit <paramref name="width"/>, breaking at spaces, and inside a word only if it is wider than a line.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in ReportFormat.Printable(text).Split('\n'))
            {
                var current = string.Empty;
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = current.Length == 0 ? word : current + " " + word;
                    if (gfx.MeasureString(candidate, font).Width <= width)
                    {
                        current = candidate;
                        continue;
                    }

                    if (current.Length > 0)
                    {
                        // The space stays at the end of the line (invisible), so text read out does not run words together.
                        lines.Add(current + " ");
                    }

                    current = word;
                    while (current.Length > 1 && gfx.MeasureString(current, font).Width > width)
                    {
                        var fits = 1;
                        while (fits < current.Length && gfx.MeasureString(current[..(fits + 1)], font).Width <= width)
                        {
                            fits++;
                        }

                        lines.Add(current[..fits]);
                        current = current[fits..];
                    }
                }

                lines.Add(current + " ");
            }

            lines[^1] = lines[^1].TrimEnd(' ');
            return lines;
        }

        private sealed record RowLayout(IReadOnlyList<IReadOnlyList<string>> Lines, double Height);
    }
}
