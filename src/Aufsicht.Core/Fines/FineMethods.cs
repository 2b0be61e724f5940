using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Fines;

/// <summary>
/// A tier of Art. 83(4)–(6) GDPR: the static cap, the share of the worldwide annual turnover and the articles whose
/// infringement it fines. Articles are written <c>8</c>, <c>25-39</c>, <c>41(4)</c>, or as a national provision is cited.
/// </summary>
public sealed record FineTier
{
    public FineTier(string id, decimal staticCap, decimal turnoverPercent, IReadOnlyList<string> articles, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfNegative(staticCap);
        ArgumentOutOfRangeException.ThrowIfNegative(turnoverPercent);
        ArgumentNullException.ThrowIfNull(articles);
        (Id, StaticCap, TurnoverPercent, Articles, Source) = (id, staticCap, turnoverPercent, articles, source);
        Rule = new(ArticleNotation.Format("Art. " + id, Language.De), ArticleNotation.Format("Art. " + id, Language.En));
    }

    /// <summary><c>83(4)</c>, <c>83(5)</c> or <c>83(6)</c>.</summary>
    public string Id { get; }

    public decimal StaticCap { get; }

    public decimal TurnoverPercent { get; }

    public IReadOnlyList<string> Articles { get; }

    public string Source { get; }

    /// <summary>The legal maximum: the higher of the static cap and the share of the turnover (Art. 83(4)–(6)).</summary>
    public decimal LegalMaximum(decimal turnover) => Math.Max(StaticCap, TurnoverPercent * turnover);

    /// <summary>The provision as a reader cites it: „Art. 83 Abs. 5 DSGVO“ / "Art. 83(5) GDPR".</summary>
    public LocalizedText Rule { get; }
}

/// <summary>A band of a table: from <see cref="From"/> to <see cref="To"/> inclusive; no upper end where <see cref="To"/> is null.</summary>
public sealed record FineBand
{
    public FineBand(string level, decimal from, decimal? to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(level);
        if (to < from)
        {
            throw new ArgumentException($"The band {level} ends before it starts.", nameof(to));
        }

        (Level, From, To) = (level, from, to);
    }

    public string Level { get; }

    public decimal From { get; }

    public decimal? To { get; }

    public bool Contains(decimal value) => value >= From && (To is null || value <= To);
}

/// <summary>The EDPB's turnover factor for undertakings with a turnover up to <see cref="UpTo"/> (inclusive).</summary>
public sealed record TurnoverFactorBand(decimal UpTo, decimal From, decimal To);

/// <summary>A DSK size subclass: turnover up to <see cref="UpTo"/> (inclusive) and its mean; both null for the open top class.</summary>
public sealed record SizeClass(string Id, decimal? UpTo, decimal? Mean);

/// <summary>
/// One method of setting fines in one version, with its tables and sources: the EDPB guidelines (<c>edpb-2022</c>)
/// or the DSK concept (<c>dsk-2019</c>). A table a method does not use is empty.
/// </summary>
public sealed record FineMethodRules(
    string Id,
    LocalizedText Name,
    string Version,
    DateOnly Adopted,
    string Citation,
    IReadOnlyDictionary<string, string> Sections,
    IReadOnlyList<FineBand> Seriousness,
    decimal? TurnoverAdjustmentUpTo,
    IReadOnlyList<TurnoverFactorBand> TurnoverFactors,
    decimal? DaysPerYear,
    IReadOnlyList<SizeClass> SizeClasses,
    IReadOnlyList<FineBand> FormalSeverity,
    IReadOnlyList<FineBand> MaterialSeverity,
    IReadOnlyList<Source> Sources)
{
    public string SourceUrl => Sources.Count > 0 ? Sources[0].Url : string.Empty;

    /// <summary>"EDPB Guidelines 04/2022 v2.1, chapter 4.2" for the step of that name.</summary>
    public string Source(string step) => Sections.TryGetValue(step, out var section) ? $"{Citation}, {section}" : Citation;
}

/// <summary>The data file <c>enforcement/fine-methods.json</c>: the tiers of Art. 83 and the methods by id.</summary>
public sealed class FineMethodTable
{
    public const string Edpb = "edpb-2022";
    public const string Dsk = "dsk-2019";

    public static IReadOnlyList<string> MethodIds { get; } = [Edpb, Dsk];

    public static IReadOnlyList<string> TierIds { get; } = ["83(4)", "83(5)", "83(6)"];

    private readonly (FineTier Tier, string Entry)[] _entries;

    public FineMethodTable(IReadOnlyList<FineTier> tiers, IReadOnlyList<FineMethodRules> methods)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(methods);
        Tiers = tiers;
        Methods = methods;
        // Normalised once: looking up a tier per cited article is part of every calculation from infringements.
        _entries = tiers.SelectMany(t => t.Articles.Select(a => (t, Normalise(a)))).ToArray();
    }

    public IReadOnlyList<FineTier> Tiers { get; }

    public IReadOnlyList<FineMethodRules> Methods { get; }

    public FineTier? Tier(string id) => Tiers.FirstOrDefault(t => t.Id == id);

    public FineMethodRules? Method(string id) => Methods.FirstOrDefault(m => m.Id == id);

    /// <summary>
    /// The tier whose articles name the cited provision: <c>Art. 6</c>, <c>Art. 6(1)(a)</c>, <c>Art. 58(2)</c>,
    /// <c>§ 26 BDSG</c>. A tier entry with a paragraph (<c>41(4)</c>) takes only that paragraph.
    /// </summary>
    public FineTier? TierOf(string provision)
    {
        ArgumentNullException.ThrowIfNull(provision);
        var cited = Normalise(provision);
        var (article, paragraph) = ParseArticle(cited);
        foreach (var (tier, entry) in _entries)
        {
            if (Matches(entry, cited, article, paragraph))
            {
                return tier;
            }
        }

        return null;
    }

    private static bool Matches(string entry, string cited, int? article, int? paragraph)
    {
        if (entry.Equals(cited, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (article is null)
        {
            return false;
        }

        var (entryArticle, entryParagraph) = ParseArticle(entry);
        if (entryArticle is not null)
        {
            return entryArticle == article && (entryParagraph is null || entryParagraph == paragraph);
        }

        var dash = entry.IndexOf('-', StringComparison.Ordinal);
        return dash > 0
            && int.TryParse(entry[..dash], System.Globalization.CultureInfo.InvariantCulture, out var low)
            && int.TryParse(entry[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var high)
            && article >= low && article <= high;
    }

    /// <summary>"Art. 6(1)(a) GDPR" → "6(1)(a)"; national provisions stay as written, spaces collapsed.</summary>
    private static string Normalise(string text)
    {
        var t = text.Contains("  ", StringComparison.Ordinal) ? string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)) : text.Trim();
        foreach (var prefix in new[] { "Art. ", "Art ", "Article " })
        {
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                t = t[prefix.Length..];
                break;
            }
        }

        foreach (var suffix in new[] { " GDPR", " DSGVO" })
        {
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                t = t[..^suffix.Length];
            }
        }

        return t.Trim();
    }

    /// <summary>"6(1)(a)" → (6, 1); "41" → (41, null); anything else (a range, a national provision) → (null, null).</summary>
    private static (int? Article, int? Paragraph) ParseArticle(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == 0 || i > 3)
        {
            return (null, null);
        }

        var article = int.Parse(text.AsSpan(0, i), System.Globalization.CultureInfo.InvariantCulture);
        if (i == text.Length)
        {
            return (article, null);
        }

        if (text[i] != '(')
        {
            return (null, null);
        }

        var close = text.IndexOf(')', i);
        return close > i + 1 && int.TryParse(text.AsSpan(i + 1, close - i - 1), System.Globalization.CultureInfo.InvariantCulture, out var paragraph)
            ? (article, paragraph)
            : (article, null);
    }
}
