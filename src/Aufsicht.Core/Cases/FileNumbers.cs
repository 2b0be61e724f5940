using System.Globalization;
using System.Text.RegularExpressions;

namespace Aufsicht.Core.Cases;

/// <summary>
/// The file number (Aktenzeichen) of a case from the authority's pattern: <c>{year}</c> is the year the case was opened,
/// <c>{seq}</c> its running number in that year, padded as in <c>{seq:0000}</c>. Example: <c>LfDI-{year}-{seq:0000}</c>
/// → <c>LfDI-2026-0042</c>.
/// </summary>
public static partial class FileNumbers
{
    public const string DefaultPattern = "{year}-{seq:0000}";

    [GeneratedRegex(@"\{(year|seq(:0+)?)\}|[{}]", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    /// <summary>The pattern itself if it is usable: it has exactly one <c>{seq}</c> and no other braces.</summary>
    public static Result<string> Check(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > 100)
        {
            return Error.Invalid("fileNumberPattern", "case.fileNumber.pattern", pattern ?? string.Empty);
        }

        var tokens = Token().Matches(pattern).Select(m => m.Value).ToList();
        var ok = tokens.Count(t => t.StartsWith("{seq", StringComparison.Ordinal)) == 1 && tokens.All(t => t.Length > 1);
        return ok ? Result<string>.Ok(pattern) : Error.Invalid("fileNumberPattern", "case.fileNumber.pattern", pattern);
    }

    /// <summary>The file number of the <paramref name="sequence"/>-th case of <paramref name="year"/>; the pattern must have passed <see cref="Check"/>.</summary>
    public static string Format(string pattern, int year, int sequence)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return Token().Replace(pattern, m => m.Value switch
        {
            "{year}" => year.ToString("0000", CultureInfo.InvariantCulture),
            _ when m.Value.StartsWith("{seq", StringComparison.Ordinal) => sequence.ToString(m.Groups[2].Success ? m.Groups[2].Value[1..] : "0", CultureInfo.InvariantCulture),
            _ => throw new ArgumentException($"The pattern '{pattern}' has a stray brace; check it first.", nameof(pattern)),
        });
    }
}
