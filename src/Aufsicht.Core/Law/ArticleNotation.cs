using System.Text.RegularExpressions;

namespace Aufsicht.Core.Law;

/// <summary>
/// Writes a GDPR reference as a reader of the language cites it. The data store references English-style
/// ("Art. 28(3)(a)"); German readers expect „Art. 28 Abs. 3 lit. a DSGVO“, English readers "Art. 28(3)(a) GDPR".
/// Art. 4 holds definitions in numbered points, so "Art. 4(7)" is „Art. 4 Nr. 7 DSGVO“.
/// </summary>
public static partial class ArticleNotation
{
    public static string Format(string reference, Language language)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var match = Reference().Match(reference);
        if (!match.Success)
        {
            return reference;
        }

        var article = int.Parse(match.Groups["article"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var paragraph = match.Groups["paragraph"];
        var point = match.Groups["point"];
        if (article == 4 && point.Success)
        {
            // Art. 4 has no paragraphs, only numbered points: "Art. 4(7)(a)" has no meaning.
            return reference;
        }

        if (language == Language.En)
        {
            return reference + " GDPR";
        }

        var text = "Art. " + match.Groups["article"].Value;
        if (paragraph.Success)
        {
            text += (article == 4 ? " Nr. " : " Abs. ") + paragraph.Value;
        }

        if (point.Success)
        {
            text += " lit. " + point.Value;
        }

        return text + " DSGVO";
    }

    /// <summary>Several references, each formatted, separated by commas.</summary>
    public static string FormatAll(IEnumerable<string> references, Language language) =>
        string.Join(", ", references.Select(r => Format(r, language)));

    // The GDPR has 99 articles: the pattern takes 1 to 99 only. Anything else ("Art. 100", "§ 26 BDSG", "Art. 28
    // DSGVO") is not ours to rewrite and passes through unchanged.
    [GeneratedRegex(@"^Art\. (?<article>[1-9][0-9]?)(?:\((?<paragraph>[1-9][0-9]?)\)(?:\((?<point>[a-z])\))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
