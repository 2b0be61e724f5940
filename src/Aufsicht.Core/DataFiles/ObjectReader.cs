using System.Globalization;
using System.Text.Json;

namespace Aufsicht.Core.DataFiles;

/// <summary>
/// Reads one JSON object field by field and collects every problem as an <see cref="Error"/> with its path, so bad
/// input is reported as "which field, what was expected, what was found" instead of an exception. The message keys
/// (<c>datafile.*</c>) are worded at the edge; what was found is an argument as it stands in the file (<see cref="Describe"/>).
/// </summary>
internal sealed class ObjectReader
{
    private readonly JsonElement _element;
    private readonly string _path;
    private readonly List<Error> _errors;

    private ObjectReader(JsonElement element, string path, List<Error> errors)
    {
        _element = element;
        _path = path;
        _errors = errors;
    }

    public List<Error> Errors => _errors;

    /// <summary>Opens <paramref name="element"/> as an object; records an error and returns null if it is not one.</summary>
    public static ObjectReader? Open(JsonElement element, string path, List<Error> errors)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new ObjectReader(element, path, errors);
        }

        errors.Add(Error.Invalid(path, "datafile.notObject", Describe(element)));
        return null;
    }

    public string PathOf(string name) => _path.Length == 0 ? name : _path + "." + name;

    /// <summary>Records an error of the field <paramref name="name"/>: its message key and arguments.</summary>
    public void Invalid(string name, string key, params string[] args) => _errors.Add(Error.Invalid(PathOf(name), key, args));

    /// <summary>Reports every property not in <paramref name="known"/>, with the nearest known name as a suggestion.</summary>
    public void RejectUnknown(IReadOnlyList<string> known)
    {
        foreach (var property in _element.EnumerateObject())
        {
            var isKnown = false;
            foreach (var name in known)
            {
                if (property.NameEquals(name))
                {
                    isKnown = true;
                    break;
                }
            }

            if (!isKnown && property.Name != "$schema")
            {
                var suggestion = Nearest(property.Name, known);
                _errors.Add(suggestion is null
                    ? Error.Invalid(PathOf(property.Name), "datafile.unknownField", string.Join(", ", known))
                    : Error.Invalid(PathOf(property.Name), "datafile.unknownFieldSuggest", suggestion));
            }
        }
    }

    public IEnumerable<string> PropertyNames() => _element.EnumerateObject().Select(p => p.Name).ToArray();

    public bool Has(string name) => _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        if (_element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Invalid(name, "datafile.missing");
        }

        return false;
    }

    public string? String(string name, bool required = true, int maxLength = 2000, string? pattern = null)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Invalid(name, "datafile.notString", Describe(value));
            return null;
        }

        var text = value.GetString()!;
        if (text.Length == 0)
        {
            Invalid(name, "datafile.empty");
            return null;
        }

        if (text.Length > maxLength)
        {
            Invalid(name, "datafile.tooLong", Number(text.Length), Number(maxLength));
            return null;
        }

        if (pattern is not null && !Patterns.Matches(pattern, text))
        {
            if (PatternKey(pattern) is { } key)
            {
                Invalid(name, key, Shorten(text));
            }
            else
            {
                Invalid(name, "datafile.pattern", Shorten(text), pattern);
            }
            return null;
        }

        return text;
    }

    /// <summary>
    /// One of <paramref name="values"/> (or "unknown" when <paramref name="allowUnknown"/>); the returned string is
    /// the list's own instance, so parsing many profiles allocates no new strings.
    /// </summary>
    public string? Enum(string name, IReadOnlyList<string> values, bool allowUnknown = true, bool required = true, string? extra = null)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        return EnumValue(value, PathOf(name), values, allowUnknown, extra, _errors);
    }

    public static string? EnumValue(JsonElement value, string path, IReadOnlyList<string> values, bool allowUnknown, string? extra, List<Error> errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            foreach (var candidate in values)
            {
                if (value.ValueEquals(candidate))
                {
                    return candidate;
                }
            }

            if (allowUnknown && value.ValueEquals(Catalog.FactDomains.Unknown))
            {
                return Catalog.FactDomains.Unknown;
            }

            if (extra is not null && value.ValueEquals(extra))
            {
                return extra;
            }
        }

        var expected = string.Join(", ", values.Concat(allowUnknown ? [Catalog.FactDomains.Unknown] : []).Concat(extra is null ? [] : [extra]));
        var got = Describe(value);
        var suggestion = value.ValueKind == JsonValueKind.String ? Nearest(value.GetString()!, values) : null;
        errors.Add(suggestion is null
            ? Error.Invalid(path, "datafile.notOneOf", expected, got)
            : Error.Invalid(path, "datafile.notOneOfSuggest", expected, got, suggestion));
        return null;
    }

    /// <summary>A boolean; with <paramref name="allowUnknown"/> also the string "unknown", returned as null.</summary>
    public bool? Bool(string name, bool allowUnknown = true, bool required = true)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String when allowUnknown && value.ValueEquals(Catalog.FactDomains.Unknown):
                return null;
            default:
                Invalid(name, allowUnknown ? "datafile.notBoolOrUnknown" : "datafile.notBool", Describe(value));
                return null;
        }
    }

    /// <summary>A boolean as "true"/"false", or one of the given words (e.g. "unknown", "not-applicable").</summary>
    public string? BoolOrWord(string name, params string[] words)
    {
        if (!TryGet(name, required: true, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.ValueKind == JsonValueKind.True ? "true" : "false";
        }

        foreach (var word in words)
        {
            if (value.ValueKind == JsonValueKind.String && value.ValueEquals(word))
            {
                return word;
            }
        }

        Invalid(name, "datafile.notBoolOrWord", string.Join(", ", words.Select(w => $"\"{w}\"")), Describe(value));
        return null;
    }

    public DateOnly? Date(string name, bool required = true)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Invalid(name, "datafile.notDate", Describe(value));
        return null;
    }

    /// <summary>The text of a number field as written (null if the field is not a number), for exact decimal parsing.</summary>
    public string? Raw(string name) =>
        _element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null;

    public ObjectReader? Object(string name, bool required = true) =>
        TryGet(name, required, out var value) ? Open(value, PathOf(name), _errors) : null;

    /// <summary>The elements of an array field, each with its path (<c>transfers[0]</c>); null if missing or not an array.</summary>
    public List<(JsonElement Element, string Path)>? Array(string name, bool required = true)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Invalid(name, "datafile.notList", Describe(value));
            return null;
        }

        var items = new List<(JsonElement, string)>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            items.Add((item, $"{PathOf(name)}[{index++}]"));
        }

        return items;
    }

    /// <summary>A list of enumerated strings, each checked against <paramref name="values"/>.</summary>
    public List<string>? EnumArray(string name, IReadOnlyList<string> values, bool required = true)
    {
        var items = Array(name, required);
        if (items is null)
        {
            return null;
        }

        var result = new List<string>(items.Count);
        foreach (var (element, path) in items)
        {
            if (EnumValue(element, path, values, allowUnknown: false, extra: null, _errors) is { } value)
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary>A name: one string for both languages, or <c>{"de": "…", "en": "…"}</c> where it differs between them.</summary>
    public Law.LocalizedText? Name(string name, int maxLength)
    {
        if (_element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            var reader = Object(name, required: true)!;
            reader.RejectUnknown(["de", "en"]);
            var de = reader.String("de", maxLength: maxLength);
            var en = reader.String("en", maxLength: maxLength);
            return de is null || en is null ? null : new Law.LocalizedText(de, en);
        }

        return String(name, maxLength: maxLength) is { } one ? new Law.LocalizedText(one, one) : null;
    }

    /// <summary>A text in German and English: <c>{"de": "…", "en": "…"}</c>.</summary>
    public Law.LocalizedText? Text(string name, bool required = true)
    {
        var reader = Object(name, required);
        if (reader is null)
        {
            return null;
        }

        reader.RejectUnknown(["de", "en"]);
        var de = reader.String("de", maxLength: 4000);
        var en = reader.String("en", maxLength: 4000);
        return de is null || en is null ? null : new Law.LocalizedText(de, en);
    }

    /// <summary>
    /// A value as it stands in the file, for the "got …" of a message in either language: a string in double quotes
    /// (shortened), a number or literal as written, an object or a list as <c>{…}</c> or <c>[…]</c>.
    /// </summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{…}",
        JsonValueKind.Array => "[…]",
        JsonValueKind.String => $"\"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => Shorten(value.GetRawText()),
        _ => "null",
    };

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The message of a value without the form of a known pattern, which says the form in words (others show the pattern itself).</summary>
    private static string? PatternKey(string pattern) => pattern switch
    {
        Patterns.Country => "datafile.pattern.country",
        Patterns.Id => "datafile.pattern.id",
        Patterns.Url => "datafile.pattern.url",
        Patterns.Name => "datafile.pattern.name",
        _ => null,
    };

    /// <summary>The known name closest to <paramref name="name"/> (edit distance at most a third of its length), for "did you mean".</summary>
    internal static string? Nearest(string name, IReadOnlyList<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, best.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

/// <summary>Patterns of the profile formats; the JSON Schemas use the same. The common ones are checked by hand (hot path of batch parsing).</summary>
internal static class Patterns
{
    public const string Country = "^[A-Z]{2}$";
    public const string Id = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public const string Url = "^https?://";

    /// <summary>A language code (ISO 639-1, or 639-2 where there is no shorter one).</summary>
    public const string Language = "^[a-z]{2,3}$";

    /// <summary>A name in a questionnaire (a question or section id, as in <c>dataSubjects</c>).</summary>
    public const string Name = "^[a-z][a-zA-Z0-9]*$";

    public static bool Matches(string pattern, string text) => pattern switch
    {
        Country => text.Length == 2 && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]),
        Id => IsId(text),
        Url => text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal),
        _ => System.Text.RegularExpressions.Regex.IsMatch(text, pattern),
    };

    private static bool IsId(string text)
    {
        var previousHyphen = true;
        foreach (var c in text)
        {
            if (c == '-')
            {
                if (previousHyphen)
                {
                    return false;
                }

                previousHyphen = true;
            }
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                previousHyphen = false;
            }
            else
            {
                return false;
            }
        }

        return !previousHyphen;
    }
}
