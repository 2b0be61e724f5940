using Aufsicht.Core.Law;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Aufsicht.Documents.Letters;

/// <summary>
/// Writes a letter as tagged PDF (PDF/UA-minded, through PDFsharp's UAManager): A4 after DIN 5008 form B, so the
/// address shows in the window of a DL envelope (window 20 mm from the left, 45 mm from the top; return line, then the
/// address from 62.7 mm), the reference block at 125 mm beside it, fold marks at 105 and 210 mm and the punch mark at
/// 148.5 mm. Tags: the subject is the one H1, headings H2, the Tenor a list (L, LI, Lbl, LBody), the
/// Rechtsbehelfsbelehrung a section; the return line, marks and page numbers are artifacts. Document language and title
/// (the subject) are set and shown as the window title.
/// </summary>
internal static class LetterPdfWriter
{
    private const double Mm = 72 / 25.4;

    public static void Write(LetterDocument letter, Stream output)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(output);
        ReportFonts.EnsureRegistered();

        // Tagged PDF draws on the current page only, so the page count comes from a first layout that only measures
        // (deterministic, on no page); its widths serve the second: the same words in the same fonts.
        var widths = new Dictionary<(string, double, bool), double>();
        var pages = Lay(letter, pdf: null, tags: null, pages: null, widths);

        using var pdf = new PdfDocument();
        var ua = UAManager.ForDocument(pdf);
        pdf.Info.Title = ReportFormat.Printable(letter.Subject);
        pdf.Info.Subject = ReportFormat.Printable(letter.Reference.FileNumber);
        pdf.Info.Author = ReportFormat.Printable(letter.Letterhead.Authority);
        pdf.Info.Creator = "Aufsicht";
        ua.SetDocumentLanguage(letter.Language == Language.De ? "de-DE" : "en-GB");
        pdf.ViewerPreferences.DisplayDocTitle = true;
        Lay(letter, pdf, ua.StructureBuilder, pages, widths);
        pdf.Save(output, closeStream: false);
    }

    /// <summary>Lays the letter out into <paramref name="pdf"/>, or with null only counts its pages; the number of pages.</summary>
    private static int Lay(LetterDocument letter, PdfDocument? pdf, StructureBuilder? tags, int? pages, Dictionary<(string, double, bool), double> widths)
    {
        using var layout = new Layout(pdf, tags, letter.Language, pages, widths);
        layout.Frame(letter);
        layout.Subject(letter.Subject);
        layout.Paragraph([new TextRun(letter.Salutation)]);
        layout.Blocks(letter.Body);
        if (letter.Remedy is { } remedy)
        {
            tags?.BeginElement(PdfGroupingElementTag.Section);
            layout.Heading(remedy.Heading);
            layout.Blocks(remedy.Blocks);
            tags?.End();
        }

        layout.Closing(letter.Closing, letter.Signature);
        return layout.Pages;
    }

    private sealed class Layout : IDisposable
    {
        private const double Left = 25 * Mm;
        private const double Right = 20 * Mm;
        private const double TopNext = 20 * Mm;
        private const double BottomMargin = 25 * Mm;
        private const double BodyStart = 98.5 * Mm;

        private static readonly XPdfFontOptions FontOptions = new(PdfFontEncoding.Unicode);

        private const double PageWidth = 210 * Mm;
        private const double PageHeight = 297 * Mm;

        private readonly PdfDocument? pdf;
        private readonly StructureBuilder? tags;
        private readonly Language language;
        private readonly int? pages;
        private readonly Dictionary<(string, double, bool), double> widths;
        private readonly XFont body = Font(10.5, false);
        private readonly XFont bodyBold = Font(10.5, true);
        private readonly XFont small = Font(8, false);
        private readonly XFont smallBold = Font(8, true);
        private readonly XFont tiny = Font(7, false);
        private readonly XBrush ink = new XSolidBrush(XColor.FromArgb(0x1a, 0x1a, 0x1a));
        private readonly XBrush grey = new XSolidBrush(XColor.FromArgb(0x55, 0x55, 0x55));
        private readonly XPen mark = new(XColor.FromArgb(0x88, 0x88, 0x88), 0.5);
        private XGraphics gfx = null!;
        private double y;
        private double top;

        public Layout(PdfDocument? pdf, StructureBuilder? tags, Language language, int? pages, Dictionary<(string, double, bool), double> widths)
        {
            this.widths = widths;
            this.pdf = pdf;
            this.tags = tags;
            this.language = language;
            this.pages = pages;
            NewPage();
        }

        /// <summary>How many pages the letter took so far.</summary>
        public int Pages { get; private set; }

        /// <summary>Only measuring: no document to draw on.</summary>
        private bool Dry => pdf is null;

        private const double Width = PageWidth - Left - Right;

        private const double Bottom = PageHeight - BottomMargin;

        private static XFont Font(double size, bool bold) => new(ReportFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, FontOptions);

        /// <summary>Letterhead, return line, window address and reference block: the first page above the subject.</summary>
        public void Frame(LetterDocument letter)
        {
            var head = letter.Letterhead;
            var logoWidth = 0.0;
            if (head.Logo is { Length: > 0 } logo)
            {
                using var stream = new MemoryStream(logo, writable: false);
                using var image = XImage.FromStream(stream);
                var scale = Math.Min(50 * Mm / image.PointWidth, 22 * Mm / image.PointHeight);
                var (w, h) = (image.PointWidth * scale, image.PointHeight * scale);
                var rect = new XRect(PageWidth - Right - w, 12 * Mm, w, h);
                tags?.BeginElement(PdfIllustrationElementTag.Figure, DocumentText.T(language, "report.letter.logo", head.Authority), rect);
                DrawImage(image, rect);
                tags?.End();
                logoWidth = w + (5 * Mm);
            }

            y = 14 * Mm;
            Tagged(PdfBlockLevelElementTag.Paragraph, () => Lines([head.Authority], Font(13, true), ink, Left, Width - logoWidth, 1.1));
            y += 1.5 * Mm;
            Tagged(PdfBlockLevelElementTag.Paragraph, () => Lines([.. head.AddressLines, .. head.ContactLines], small, grey, Left, Width - logoWidth, 1.15));

            // The return line in the window, small and underlined: for the postman, repeated from the letterhead.
            Artifact(() =>
            {
                var line = Fit(head.ReturnLine, tiny, 85 * Mm);
                DrawString(line, tiny, grey, Left, 47 * Mm, XStringFormats.TopLeft);
                var width = MeasureWidth(line, tiny);
                DrawLine(new XPen(XColor.FromArgb(0x55, 0x55, 0x55), 0.3), Left, (47 * Mm) + tiny.GetHeight(), Left + width, (47 * Mm) + tiny.GetHeight());
            });

            var address = new List<string> { letter.Addressee.Name };
            if (!string.IsNullOrWhiteSpace(letter.Addressee.ContactPerson))
            {
                address.Add(DocumentText.T(language, "report.letter.attention", letter.Addressee.ContactPerson));
            }

            address.AddRange(letter.Addressee.AddressLines);
            y = 62.7 * Mm;
            Tagged(PdfBlockLevelElementTag.Paragraph, () => Lines(address, body, ink, Left, 80 * Mm, 1.05, maxLines: 9));

            // The reference block beside the window (Informationsblock), label over value.
            var reference = letter.Reference;
            y = 50 * Mm;
            var x = 125 * Mm;
            var width = PageWidth - Right - x;
            foreach (var (label, value) in (ReadOnlySpan<(string, string)>)[
                (DocumentText.T(language, "report.letter.fileNumber"), reference.FileNumber),
                (DocumentText.T(language, "report.letter.date"), ReportFormat.Date(reference.Date, language)),
                (DocumentText.T(language, "report.letter.handler"), reference.Handler)])
            {
                Tagged(PdfBlockLevelElementTag.Paragraph, () =>
                {
                    Lines([label], smallBold, grey, x, width, 1.1);
                    Lines([value], Font(9, false), ink, x, width, 1.1);
                });
                y += 1.5 * Mm;
            }

            y = BodyStart;
        }

        public void Subject(string subject)
        {
            Tagged(PdfBlockLevelElementTag.Heading1, () => Lines([subject], bodyBold, ink, Left, Width, 1.15));
            y += 5 * Mm;
        }

        public void Heading(string text)
        {
            EnsureSpace((bodyBold.GetHeight() * 1.2) + (3 * body.GetHeight()));
            y += 2 * Mm;
            Tagged(PdfBlockLevelElementTag.Heading2, () => Lines([text], bodyBold, ink, Left, Width, 1.15));
            y += 1.5 * Mm;
        }

        public void Blocks(IEnumerable<LetterBlock> blocks)
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case LetterHeading heading:
                        Heading(heading.Text);
                        break;
                    case LetterParagraph paragraph:
                        Paragraph(paragraph.Runs);
                        break;
                    case NumberedList list:
                        List(list.Items, i => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
                        break;
                    case BulletList list:
                        List(list.Items, _ => "–");
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(blocks), block.GetType().Name, "Unknown block.");
                }
            }
        }

        public void Paragraph(IReadOnlyList<TextRun> runs)
        {
            Tagged(PdfBlockLevelElementTag.Paragraph, () => Runs(runs, Left, Width));
            y += 3.5 * Mm;
        }

        public void Closing(string closing, LetterSignature signature)
        {
            // The closing and the signature stay together on one page.
            EnsureSpace(8 * body.GetHeight());
            y += 1 * Mm;
            Tagged(PdfBlockLevelElementTag.Paragraph, () => Lines([closing], body, ink, Left, Width, 1.2));
            y += 3 * Mm;
            var lines = new List<string>();
            if (signature.OnBehalf)
            {
                lines.Add(DocumentText.T(language, "report.letter.onBehalf"));
            }

            Tagged(PdfBlockLevelElementTag.Paragraph, () =>
            {
                if (lines.Count > 0)
                {
                    Lines(lines, body, ink, Left, Width, 1.2);
                }

                // Room for a handwritten signature.
                y += 10 * Mm;
                Lines([signature.Name, signature.Function], body, ink, Left, Width, 1.2);
            });
        }

        public void Dispose() => gfx.Dispose();

        private void List(IReadOnlyList<IReadOnlyList<TextRun>> items, Func<int, string> label)
        {
            const double indent = 8 * Mm;
            tags?.BeginElement(PdfBlockLevelElementTag.List);
            for (var i = 0; i < items.Count; i++)
            {
                EnsureSpace(body.GetHeight() * 2);
                tags?.BeginElement(PdfBlockLevelElementTag.ListItem);
                var start = y;
                var text = label(i);
                Tagged(PdfBlockLevelElementTag.Label, () => DrawString(text, body, ink, Left, start, XStringFormats.TopLeft));
                var item = items[i];
                Tagged(PdfBlockLevelElementTag.ListBody, () => Runs(item, Left + indent, Width - indent));
                tags?.End();
                y += 2 * Mm;
            }

            tags?.End();
            y += 1.5 * Mm;
        }

        /// <summary>Text of runs, wrapped at spaces; emphasis in bold.</summary>
        private void Runs(IReadOnlyList<TextRun> runs, double x, double width)
        {
            var words = Words(runs);
            var space = MeasureWidth(" ", body);
            var lineHeight = body.GetHeight() * 1.2;
            var line = new List<(List<(string Text, bool Bold)> Word, double Width)>();
            var used = 0.0;
            void Emit()
            {
                EnsureSpace(lineHeight);
                var cursor = x;
                for (var w = 0; w < line.Count; w++)
                {
                    var pieces = line[w].Word;
                    for (var p = 0; p < pieces.Count; p++)
                    {
                        // The space stays at the end of a word (invisible), so text read out does not run words together.
                        var text = pieces[p].Text + (p == pieces.Count - 1 && w < line.Count - 1 ? " " : string.Empty);
                        var font = pieces[p].Bold ? bodyBold : body;
                        DrawString(text, font, ink, cursor, y, XStringFormats.TopLeft);
                        cursor += MeasureWidth(pieces[p].Text, font);
                    }

                    cursor += space;
                }

                y += lineHeight;
                line.Clear();
                used = 0;
            }

            foreach (var word in words)
            {
                var wordWidth = word.Sum(p => MeasureWidth(p.Text, p.Bold ? bodyBold : body));
                if (line.Count > 0 && used + space + wordWidth > width)
                {
                    Emit();
                }

                used += (line.Count > 0 ? space : 0) + wordWidth;
                line.Add((word, wordWidth));
            }

            if (line.Count > 0)
            {
                Emit();
            }
        }

        private static List<List<(string Text, bool Bold)>> Words(IReadOnlyList<TextRun> runs)
        {
            var words = new List<List<(string Text, bool Bold)>>();
            var current = new List<(string Text, bool Bold)>();
            foreach (var run in runs)
            {
                var parts = ReportFormat.Printable(run.Text).Replace('\n', ' ').Split(' ');
                for (var i = 0; i < parts.Length; i++)
                {
                    if (i > 0 && current.Count > 0)
                    {
                        words.Add(current);
                        current = [];
                    }

                    if (parts[i].Length > 0)
                    {
                        current.Add((parts[i], run.Emphasis));
                    }
                }
            }

            if (current.Count > 0)
            {
                words.Add(current);
            }

            return words;
        }

        /// <summary>Lines of one font, each wrapped to the width.</summary>
        private void Lines(IEnumerable<string> lines, XFont font, XBrush brush, double x, double width, double factor, int maxLines = int.MaxValue)
        {
            var lineHeight = font.GetHeight() * factor;
            var drawn = 0;
            foreach (var text in lines)
            {
                foreach (var line in Wrap(text, font, width))
                {
                    if (drawn++ >= maxLines)
                    {
                        return;
                    }

                    EnsureSpace(lineHeight);
                    DrawString(line, font, brush, x, y, XStringFormats.TopLeft);
                    y += lineHeight;
                }
            }
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = string.Empty;
            foreach (var word in ReportFormat.Printable(text).Replace('\n', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length == 0 || MeasureWidth(candidate, font) <= width)
                {
                    current = candidate;
                    continue;
                }

                lines.Add(current + " ");
                current = word;
            }

            lines.Add(current);
            return lines;
        }

        private string Fit(string text, XFont font, double width)
        {
            var clean = ReportFormat.Printable(text).Replace('\n', ' ');
            if (MeasureWidth(clean, font) <= width)
            {
                return clean;
            }

            while (clean.Length > 1 && MeasureWidth(clean + "…", font) > width)
            {
                clean = clean[..^1];
            }

            return clean + "…";
        }

        private double MeasureWidth(string text, XFont font)
        {
            var key = (text, font.Size, font.Bold);
            if (!widths.TryGetValue(key, out var width))
            {
                width = gfx.MeasureString(text, font).Width;
                widths[key] = width;
            }

            return width;
        }

        private void Tagged(PdfBlockLevelElementTag tag, Action draw)
        {
            tags?.BeginElement(tag);
            draw();
            tags?.End();
        }

        private void Artifact(Action draw)
        {
            tags?.BeginArtifact();
            draw();
            tags?.End();
        }

        private void EnsureSpace(double height)
        {
            if (y + height > Bottom && y > top + 0.01)
            {
                NewPage();
            }
        }

        private void DrawString(string text, XFont font, XBrush brush, double x, double at, XStringFormat format)
        {
            if (!Dry)
            {
                gfx.DrawString(text, font, brush, x, at, format);
            }
        }

        private void DrawLine(XPen pen, double x1, double y1, double x2, double y2)
        {
            if (!Dry)
            {
                gfx.DrawLine(pen, x1, y1, x2, y2);
            }
        }

        private void DrawImage(XImage image, XRect rect)
        {
            if (!Dry)
            {
                gfx.DrawImage(image, rect);
            }
        }

        private void NewPage()
        {
            Pages++;
            y = TopNext;
            top = TopNext;
            if (pdf is null)
            {
                gfx ??= XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
                return;
            }

            // The page first, then the old graphics away: adding a page makes the tagging close what is open on the
            // old page, which needs its graphics still alive.
            var next = pdf.AddPage();
            next.Size = PageSize.A4;
            gfx?.Dispose();
            gfx = XGraphics.FromPdfPage(next);
            var number = Pages;
            Artifact(() =>
            {
                // Fold marks (105 and 210 mm) and the punch mark (148.5 mm) at the left edge, DIN 5008 form B.
                foreach (var at in (ReadOnlySpan<double>)[105, 210])
                {
                    DrawLine(mark, 3.5 * Mm, at * Mm, 8.5 * Mm, at * Mm);
                }

                DrawLine(mark, 3.5 * Mm, 148.5 * Mm, 10.5 * Mm, 148.5 * Mm);
                if (pages is > 1)
                {
                    var text = DocumentText.T(language, "report.page", number, pages.Value);
                    DrawString(text, small, grey, PageWidth - Right, PageHeight - (12 * Mm), XStringFormats.BaseLineRight);
                }
            });
        }
    }
}
