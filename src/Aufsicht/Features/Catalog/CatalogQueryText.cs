namespace Aufsicht.Features.Catalog;

/// <summary>
/// The messages of the catalogue's query parameters (as-of date, authority, filters), shared by the pages, the API and
/// the CLI (<see cref="CatalogQueries"/>); German first, merged into <see cref="Texts"/>.
/// </summary>
internal static class CatalogQueryText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
        ["catalog.query.asOf"] = ("erwartet wird ein Datum im Format JJJJ-MM-TT; erhalten: „{0}“", "expected a date as YYYY-MM-DD; got '{0}'"),
        ["catalog.query.authority"] = ("unbekannte Behörde „{0}“; bekannt sind {1}", "unknown authority '{0}'; known: {1}"),
        ["catalog.query.notOneOf"] = ("erwartet wird einer der Werte {0}; erhalten: „{1}“", "expected one of {0}; got '{1}'"),
        ["catalog.query.country"] = ("erwartet wird ein Ländercode aus zwei Buchstaben wie DE; erhalten: „{0}“", "expected a two-letter country code such as DE; got '{0}'"),
        ["catalog.query.tooLong"] = ("höchstens {0} Zeichen", "at most {0} characters"),
        ["catalog.query.filter"] = ("Filter „{0}“: {1}", "Filter \"{0}\": {1}"),
    };
}
