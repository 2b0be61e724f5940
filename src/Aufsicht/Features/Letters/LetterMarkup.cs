using System.Text;
using System.Text.RegularExpressions;
using Aufsicht.Core;
using Aufsicht.Documents.Letters;

namespace Aufsicht.Features.Letters;

/// <summary>
/// The structure of a rendered letter template, from a few line marks: <c># </c> the subject (first line), the first
/// paragraph the salutation, <c>## </c> a heading, <c>1. </c> a numbered line of the Tenor, <c>- </c> a bulleted line,
/// <c>!! </c> the heading of the Rechtsbehelfsbelehrung (the rest of the text is that section), <c>**…**</c> emphasis,
/// paragraphs separated by blank lines, and the last paragraph the closing („Mit freundlichen Grüßen“). Anything else
/// that looks like markup (HTML tags, quotes, tables, deeper headings, links, code) is refused by name, so a template
/// never shows a stray sign in a letter. Values from the case are escaped before they reach the text
/// (<see cref="Escape"/>), so a body named „1. FC“ or „**“ cannot make structure.
/// </summary>
internal static partial class LetterMarkup
{
    // Values are escaped into the private use area and restored after parsing.
    private const string Specials = "*#!.-<>|[]_`~+\\";
    private const char EscapeBase = '\uE000';

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            var special = Specials.IndexOf(c, StringComparison.Ordinal);
            if (special >= 0)
            {
                text.Append((char)(EscapeBase + special));
            }
            else if (c is '\r' or '\n')
            {
                // A value is one line of text: its line breaks would start blocks.
                if (text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(' ');
                }
            }
            else if (c < EscapeBase || c >= EscapeBase + Specials.Length)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    public static string Unescape(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] >= EscapeBase && chars[i] < EscapeBase + Specials.Length)
            {
                chars[i] = Specials[chars[i] - EscapeBase];
            }
        }

        return new string(chars);
    }

    /// <summary>The parts of a letter, or what is wrong with its markup (the first problem, naming the sign and the line).</summary>
    public static Result<LetterParts> Parse(string text, bool remedyRequired, string field)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? subject = null;
        var body = new List<LetterBlock>();
        List<LetterBlock>? remedy = null;
        string? remedyHeading = null;
        var paragraph = new List<string>();
        List<IReadOnlyList<TextRun>>? numbered = null;
        List<IReadOnlyList<TextRun>>? bullets = null;
        var target = body;
        Error? problem = null;

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                target.Add(new LetterParagraph(Runs(string.Join(' ', paragraph))));
                paragraph.Clear();
            }

            if (numbered is not null)
            {
                target.Add(new NumberedList(numbered));
                numbered = null;
            }

            if (bullets is not null)
            {
                target.Add(new BulletList(bullets));
                bullets = null;
            }
        }

        for (var n = 0; n < lines.Length && problem is null; n++)
        {
            var line = lines[n].Trim();
            var number = (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (Forbidden(line) is { } sign)
            {
                problem = Error.Invalid(field, "letters.markup.forbidden", sign, number, Unescape(line));
                break;
            }

            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                if (subject is not null || body.Count > 0 || paragraph.Count > 0)
                {
                    problem = Error.Invalid(field, "letters.markup.subjectFirst", number);
                    break;
                }

                subject = line[2..].Trim();
                continue;
            }

            if (subject is null)
            {
                problem = Error.Invalid(field, "letters.markup.subject");
                break;
            }

            if (line.StartsWith("!! ", StringComparison.Ordinal))
            {
                Flush();
                if (remedy is not null)
                {
                    problem = Error.Invalid(field, "letters.markup.remedyTwice", number);
                    break;
                }

                remedyHeading = line[3..].Trim();
                remedy = [];
                target = remedy;
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                target.Add(new LetterHeading(Plain(line[3..].Trim())));
                continue;
            }

            if (NumberedLine().Match(line) is { Success: true } item)
            {
                if (numbered is null)
                {
                    Flush();
                    numbered = [];
                }

                numbered.Add(Runs(line[item.Length..]));
                continue;
            }

            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                if (bullets is null)
                {
                    Flush();
                    bullets = [];
                }

                bullets.Add(Runs(line[2..].Trim()));
                continue;
            }

            if (numbered is not null || bullets is not null)
            {
                Flush();
            }

            if (UnclosedEmphasis(line))
            {
                problem = Error.Invalid(field, "letters.markup.emphasis", number, Unescape(line));
                break;
            }

            paragraph.Add(line);
        }

        if (problem is not null)
        {
            return problem;
        }

        Flush();
        if (subject is null)
        {
            return Error.Invalid(field, "letters.markup.subject");
        }

        if (body.Count == 0 || body[0] is not LetterParagraph salutation)
        {
            return Error.Invalid(field, "letters.markup.salutation");
        }

        var last = remedy ?? body;
        if (last.Count == 0 || last[^1] is not LetterParagraph closing || (remedy is null && body.Count < 2))
        {
            return Error.Invalid(field, "letters.markup.closing");
        }

        last.RemoveAt(last.Count - 1);
        if (remedyRequired && remedy is null)
        {
            return Error.Invalid(field, "letters.markup.remedy");
        }

        body.RemoveAt(0);
        return Result<LetterParts>.Ok(new LetterParts(
            Plain(subject),
            salutation.Text,
            body,
            closing.Text,
            remedy is null ? null : new RemedySection(Plain(remedyHeading!), remedy)));
    }

    /// <summary>Text with its emphasis marks removed, for places that take no emphasis (subject, headings).</summary>
    private static string Plain(string text) => Unescape(text.Replace("**", string.Empty, StringComparison.Ordinal));

    private static List<TextRun> Runs(string text)
    {
        var runs = new List<TextRun>();
        var parts = text.Split("**");
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0)
            {
                runs.Add(new TextRun(Unescape(parts[i]), Emphasis: i % 2 == 1));
            }
        }

        return runs;
    }

    private static bool UnclosedEmphasis(string line) => (line.Length - line.Replace("**", string.Empty, StringComparison.Ordinal).Length) / 2 % 2 == 1;

    /// <summary>The markup sign a line uses that letters do not know, or null.</summary>
    private static string? Forbidden(string line)
    {
        if (HtmlTag().Match(line) is { Success: true } tag)
        {
            return tag.Value;
        }

        if (line.StartsWith("###", StringComparison.Ordinal) || (line.StartsWith('#') && !line.StartsWith("# ", StringComparison.Ordinal) && !line.StartsWith("## ", StringComparison.Ordinal)))
        {
            return line.Split(' ')[0];
        }

        foreach (var start in (string[])[">", "|", "* ", "+ ", "!!!", "!["])
        {
            if (line.StartsWith(start, StringComparison.Ordinal))
            {
                return start.Trim();
            }
        }

        if (line.StartsWith('!') && !line.StartsWith("!! ", StringComparison.Ordinal))
        {
            return line.Split(' ')[0];
        }

        foreach (var sign in (string[])["`", "__", "~~", "](", "\\"])
        {
            if (line.Contains(sign, StringComparison.Ordinal))
            {
                return sign;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\d{1,3}\.\s+")]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"</?[A-Za-z!][^>\s]*>?")]
    private static partial Regex HtmlTag();
}

/// <summary>What a template yields besides the frame the case gives (letterhead, address, reference, signature).</summary>
internal sealed record LetterParts(string Subject, string Salutation, IReadOnlyList<LetterBlock> Body, string Closing, RemedySection? Remedy);
