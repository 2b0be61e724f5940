using System.Globalization;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
namespace Aufsicht.Core.Bodies;

/// <summary>
/// One supervised body as read from a registry file or the edit form, validated and normalised. <paramref name="Parent"/>
/// is the external id of the body above it in the tree (a ministry above its offices), null at the top.
/// </summary>
public sealed record BodyInput(
    string ExternalId,
    string Name,
    string Kind,
    string? Region,
    string State,
    bool PublicBody,
    bool PublicUndertaking,
    string? ContactName,
    string? ContactEmail,
    string Language,
    string? Parent = null);

/// <summary>One column of the registry format: its canonical name, its German name, whether it is required, its longest value.</summary>
public sealed record BodyColumn(string Name, string German, bool Required, int MaxLength);

/// <summary>
/// Where in a registry file an error is: a row as the user sees it in the file (the header is row 1) and, if it
/// concerns one cell, the column by its name (<see cref="Column"/>, as the header writes it or canonical) or by its
/// number. As an error's field it is written <c>4:kind</c>, <c>2:#11</c> or <c>4</c>, the same in every language;
/// the edge words it ("Zeile 4, Spalte „kind“").
/// </summary>
public readonly record struct CellAt(int Row, string? Column = null, int? ColumnNumber = null)
{
    public override string ToString() =>
        Column is not null ? $"{Row.ToString(CultureInfo.InvariantCulture)}:{Column}"
        : ColumnNumber is { } n ? $"{Row.ToString(CultureInfo.InvariantCulture)}:#{n.ToString(CultureInfo.InvariantCulture)}"
        : Row.ToString(CultureInfo.InvariantCulture);

    /// <summary>The place an error's field names, or null if the field is not a place in a file (a form field, "file").</summary>
    public static CellAt? Parse(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var colon = field.IndexOf(':', StringComparison.Ordinal);
        var rowText = colon < 0 ? field : field[..colon];
        if (rowText.Length == 0 || !rowText.All(char.IsAsciiDigit) || !int.TryParse(rowText, NumberStyles.None, CultureInfo.InvariantCulture, out var row))
        {
            return null;
        }

        if (colon < 0)
        {
            return new CellAt(row);
        }

        var column = field[(colon + 1)..];
        return column.StartsWith('#') && int.TryParse(column[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? new CellAt(row, ColumnNumber: number)
            : new CellAt(row, column);
    }
}

/// <summary>
/// Reads the rows of a registry file (CSV or spreadsheet, already split into cells) into bodies. Every mistake is
/// reported with the row as the user sees it in the file (the header is row 1) and the column, never only the first;
/// the field of each error is its <see cref="CellAt"/>, the message a key <c>bodies.*</c>.
/// </summary>
public static class BodyRows
{
    /// <summary>More rows than a German state has schools, municipalities and authorities together.</summary>
    public const int MaxRows = 100_000;

    /// <summary>The canonical columns in file order; the lengths are those of the <c>bodies</c> table.</summary>
    public static readonly IReadOnlyList<BodyColumn> Columns =
    [
        new("externalId", "Kennung", true, 100),
        new("name", "Name", true, 300),
        new("kind", "Art", true, 20),
        new("region", "Region", false, 100),
        new("state", "Land", true, 2),
        new("publicBody", "Öffentliche Stelle", false, 5),
        new("publicUndertaking", "Wettbewerbsunternehmen", false, 5),
        new("contactName", "Ansprechperson", false, 200),
        new("contactEmail", "E-Mail", false, 320),
        new("language", "Sprache", false, 2),
        new("parent", "Übergeordnet", false, 100),
    ];

    /// <summary>The German states as their two-letter codes.</summary>
    public static readonly IReadOnlyList<string> States = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"];

    public static readonly IReadOnlyList<string> Languages = ["de", "en"];

    /// <summary>German words for the kinds of body, as people write them in their own lists.</summary>
    private static readonly Dictionary<string, string> GermanKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Schule"] = "school",
        ["Gemeinde"] = "municipality",
        ["Kommune"] = "municipality",
        ["Landkreis"] = "district",
        ["Landesbehörde"] = "state-authority",
        ["Hochschule"] = "university",
        ["Universität"] = "university",
        ["Unternehmen"] = "company",
        ["Sonstige"] = "other",
    };

    /// <summary>Kinds that are public bodies unless the file says otherwise (§ 2 BDSG).</summary>
    private static readonly HashSet<string> PublicKinds = new(StringComparer.Ordinal) { "school", "municipality", "district", "state-authority", "university" };

    private static readonly Dictionary<string, bool> Booleans = new(StringComparer.OrdinalIgnoreCase)
    {
        ["true"] = true,
        ["ja"] = true,
        ["yes"] = true,
        ["1"] = true,
        ["false"] = false,
        ["nein"] = false,
        ["no"] = false,
        ["0"] = false,
    };

    private const string BooleanWords = "true, false, ja, nein, yes, no, 1, 0";

    /// <summary>
    /// Validates a whole file: header and rows. Rows whose cells are all empty are skipped (spreadsheets keep them);
    /// a row shorter than the header has empty cells. At most <paramref name="maxErrors"/> errors are listed, then one
    /// saying how many more there are.
    /// </summary>
    public static Result<IReadOnlyList<BodyInput>> Read(IReadOnlyList<string?> header, IEnumerable<IReadOnlyList<string?>> rows, int maxErrors = 100)
    {
        var read = ReadRows(header, rows, maxErrors);
        return read.IsOk ? Result<IReadOnlyList<BodyInput>>.Ok([.. read.Value.Select(r => r.Body)]) : Result<IReadOnlyList<BodyInput>>.Fail(read.Errors);
    }

    /// <summary>As <see cref="Read"/>, each body with its row in the file (the header is row 1), for checks that need the whole registry.</summary>
    public static Result<IReadOnlyList<(BodyInput Body, int Row)>> ReadRows(IReadOnlyList<string?> header, IEnumerable<IReadOnlyList<string?>> rows, int maxErrors = 100)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var errors = new ErrorList(maxErrors);
        var positions = ReadHeader(header, errors);
        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<(BodyInput Body, int Row)>>.Fail(errors.ToList());
        }

        var bodies = new List<(BodyInput Body, int Row)>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowNumber = 1;
        var dataRows = 0;
        foreach (var row in rows)
        {
            rowNumber++;
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (++dataRows > MaxRows)
            {
                // The limit is written in the message's text, with the number in each language's own form.
                errors.Add(Error.TooLarge(new CellAt(rowNumber).ToString(), "bodies.tooManyRows"));
                break;
            }

            var here = rowNumber;
            for (var i = header.Count; i < row.Count; i++)
            {
                if (!string.IsNullOrWhiteSpace(row[i]))
                {
                    errors.Add(Error.Invalid(new CellAt(here, ColumnNumber: i + 1).ToString(), "bodies.beyondHeader"));
                    break;
                }
            }

            for (var i = 0; i < header.Count && i < row.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(header[i]) && !string.IsNullOrWhiteSpace(row[i]))
                {
                    errors.Add(Error.Invalid(new CellAt(here, ColumnNumber: i + 1).ToString(), "bodies.unnamedColumn"));
                }
            }

            var body = ReadFields(
                column => positions.TryGetValue(column, out var index) && index < row.Count ? row[index] : null,
                (column, key, args) => errors.Add(Error.Invalid(new CellAt(here, column).ToString(), key, args)));
            if (body is null)
            {
                continue;
            }

            if (firstRowOf.TryGetValue(body.ExternalId, out var first))
            {
                errors.Add(Error.Invalid(new CellAt(here, "externalId").ToString(), "bodies.idTwice", Short(body.ExternalId), Number(first)));
                continue;
            }

            firstRowOf[body.ExternalId] = here;
            bodies.Add((body, here));
        }

        return errors.Count > 0 ? Result<IReadOnlyList<(BodyInput Body, int Row)>>.Fail(errors.ToList()) : Result<IReadOnlyList<(BodyInput Body, int Row)>>.Ok(bodies);
    }

    /// <summary>
    /// Checks the parents of a file's bodies against the registry they will be part of: <paramref name="existingParents"/>
    /// maps every stored body's external id to its parent's (null at the top); the file's rows override theirs. A parent
    /// that is neither stored nor in the file, or a body that would become its own ancestor, is an error at the row's
    /// <c>parent</c> cell.
    /// </summary>
    public static IReadOnlyList<Error> CheckTree(IReadOnlyList<(BodyInput Body, int Row)> rows, IReadOnlyDictionary<string, string?> existingParents)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(existingParents);
        var parents = new Dictionary<string, string?>(existingParents, StringComparer.Ordinal);
        foreach (var (body, _) in rows)
        {
            parents[body.ExternalId] = body.Parent;
        }

        var errors = new List<Error>();
        foreach (var (body, row) in rows)
        {
            if (body.Parent is null)
            {
                continue;
            }

            if (!parents.ContainsKey(body.Parent))
            {
                errors.Add(Error.Invalid(new CellAt(row, "parent").ToString(), "bodies.parentUnknown", Short(body.Parent)));
            }
            else if (IsAncestor(body.ExternalId, body.Parent, parents))
            {
                errors.Add(Error.Invalid(new CellAt(row, "parent").ToString(), "bodies.parentCycle", Short(body.Parent)));
            }
        }

        return errors;
    }

    /// <summary>Whether <paramref name="id"/> is <paramref name="start"/> or above it, following the parents (a loop elsewhere ends the walk).</summary>
    public static bool IsAncestor(string id, string start, IReadOnlyDictionary<string, string?> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        string? current = start;
        for (var steps = 0; current is not null && steps <= parents.Count; steps++)
        {
            if (current == id)
            {
                return true;
            }

            current = parents.GetValueOrDefault(current);
        }

        return false;
    }

    /// <summary>Validates one body given as canonical column name → value (the edit form); errors name the column.</summary>
    public static Result<BodyInput> ReadOne(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new List<Error>();
        var body = ReadFields(column => fields.GetValueOrDefault(column), (column, key, args) => errors.Add(Error.Invalid(column, key, args)));
        return body is null ? Result<BodyInput>.Fail(errors) : Result<BodyInput>.Ok(body);
    }

    /// <summary>A body as the cells of one row in <see cref="Columns"/> order: what an export writes and an import reads back unchanged.</summary>
    public static IReadOnlyList<string> ToCells(BodyInput body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return
        [
            body.ExternalId, body.Name, body.Kind, body.Region ?? string.Empty, body.State,
            body.PublicBody ? "true" : "false", body.PublicUndertaking ? "true" : "false",
            body.ContactName ?? string.Empty, body.ContactEmail ?? string.Empty, body.Language, body.Parent ?? string.Empty,
        ];
    }

    private static Dictionary<string, int> ReadHeader(IReadOnlyList<string?> header, ErrorList errors)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var known = Columns.SelectMany(c => new[] { c.Name, c.German }).ToList();
        var suggested = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var text = (header[i] ?? string.Empty).Trim().TrimStart('\uFEFF').Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var column = Columns.FirstOrDefault(c => string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(c.German, text, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                var nearest = ObjectReader.Nearest(text, known);
                if (nearest is not null)
                {
                    suggested.Add(Columns.First(c => c.Name == nearest || c.German == nearest).Name);
                }

                var at = new CellAt(1, Short(text)).ToString();
                errors.Add(nearest is null
                    ? Error.Invalid(at, "bodies.unknownColumn", string.Join(", ", Columns.Select(c => c.Name)))
                    : Error.Invalid(at, "bodies.unknownColumnSuggest", nearest));
            }
            else if (positions.TryGetValue(column.Name, out var other))
            {
                errors.Add(Error.Invalid(new CellAt(1, Short(text)).ToString(), "bodies.columnTwice", column.Name, Number(other + 1)));
            }
            else
            {
                positions[column.Name] = i;
            }
        }

        // A misspelt required column is already reported with its suggestion; saying it is missing too would be noise.
        foreach (var column in Columns.Where(c => c.Required && !positions.ContainsKey(c.Name) && !suggested.Contains(c.Name)))
        {
            errors.Add(Error.Invalid(new CellAt(1).ToString(), "bodies.columnMissing", column.Name, column.German));
        }

        return positions;
    }

    /// <summary>Reads every field of one body, reporting each mistake (column, message key, arguments); null if there was any.</summary>
    private static BodyInput? ReadFields(Func<string, string?> get, Action<string, string, string[]> error)
    {
        var failed = false;
        void Reject(string column, string key, params string[] args)
        {
            failed = true;
            error(column, key, args);
        }

        string? Text(string column)
        {
            var spec = Columns.First(c => c.Name == column);
            var value = get(column)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (spec.Required)
                {
                    Reject(column, "bodies.required");
                }

                return null;
            }

            if (value.Length > spec.MaxLength)
            {
                Reject(column, "bodies.tooLong", Number(spec.MaxLength), Number(value.Length));
                return null;
            }

            if (value.Any(char.IsControl))
            {
                Reject(column, "bodies.controlCharacter");
                return null;
            }

            return value;
        }

        var externalId = Text("externalId");
        var name = Text("name");
        var kind = Choice(Text("kind"), "kind", FactDomains.BodyKinds, GermanKinds, Reject);
        var region = Text("region");
        var state = Choice(Text("state"), "state", States, null, Reject);
        var publicBody = Boolean(get("publicBody"), "publicBody", Reject);
        var publicUndertaking = Boolean(get("publicUndertaking"), "publicUndertaking", Reject);
        var contactName = Text("contactName");
        var contactEmail = Text("contactEmail");
        if (contactEmail is not null && !IsEmail(contactEmail))
        {
            Reject("contactEmail", "bodies.notEmail", Short(contactEmail));
        }

        var language = Choice(Text("language"), "language", Languages, null, Reject) ?? "de";
        var parent = Text("parent");
        if (parent is not null && parent == externalId)
        {
            Reject("parent", "bodies.parentCycle", Short(parent));
        }

        var isPublic = publicBody ?? (kind is not null && PublicKinds.Contains(kind));
        if (publicUndertaking == true && !isPublic)
        {
            Reject("publicUndertaking", "bodies.undertakingNotPublic");
        }

        return failed
            ? null
            : new BodyInput(externalId!, name!, kind!, region, state!, isPublic, publicUndertaking ?? false, contactName, contactEmail, language, parent);
    }

    /// <summary>A value of a fixed set, matched without regard to case (and German words where given), returned in its canonical spelling.</summary>
    private static string? Choice(string? value, string column, IReadOnlyList<string> values, Dictionary<string, string>? aliases, Action<string, string, string[]> fail)
    {
        if (value is null)
        {
            return null;
        }

        var match = values.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return match;
        }

        if (aliases is not null && aliases.TryGetValue(value, out var alias))
        {
            return alias;
        }

        var nearest = ObjectReader.Nearest(value, [.. values, .. aliases?.Keys ?? Enumerable.Empty<string>()]);
        if (nearest is null)
        {
            fail(column, "bodies.notOneOf", [Short(value), string.Join(", ", values)]);
        }
        else
        {
            fail(column, "bodies.notOneOfSuggest", [Short(value), string.Join(", ", values), nearest]);
        }

        return null;
    }

    private static bool? Boolean(string? value, string column, Action<string, string, string[]> fail)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Booleans.TryGetValue(value, out var result))
        {
            return result;
        }

        fail(column, "bodies.notOneOf", [Short(value), BooleanWords]);
        return null;
    }

    /// <summary>A plausible address: one @, a local part, a domain with a dot, no spaces. Whether it exists only a mail can tell.</summary>
    private static bool IsEmail(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1 || at > 64)
        {
            return false;
        }

        var domain = text[(at + 1)..];
        return !text.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')' or '[' or ']' or '\\')
            && !text.Contains("..", StringComparison.Ordinal)
            && text[0] != '.' && text[at - 1] != '.'
            && domain.Split('.') is { Length: >= 2 } labels
            && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-')
            && labels[^1].Length >= 2;
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Collects errors up to a limit and counts the rest, so a file with a wrong column in 30,000 rows stays readable.</summary>
    private sealed class ErrorList(int max)
    {
        private readonly List<Error> _errors = [];
        private int _more;

        public int Count => _errors.Count + _more;

        public void Add(Error error)
        {
            if (_errors.Count < max)
            {
                _errors.Add(error);
            }
            else
            {
                _more++;
            }
        }

        public List<Error> ToList() =>
            _more == 0 ? _errors : [.. _errors, Error.Invalid(string.Empty, "bodies.moreErrors", Number(_more))];
    }
}
