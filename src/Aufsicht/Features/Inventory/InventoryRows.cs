using System.Globalization;
using Aufsicht.Core.Bodies;
using Aufsicht.Core.Migration;

namespace Aufsicht.Features.Inventory;

/// <summary>A product row as typed in a form or a file, validated: the body is still its external id where it came from a file.</summary>
internal sealed record ProductInput(
    string Product,
    Pillar Pillar,
    int Workplaces,
    int Users,
    int Mailboxes,
    string? Version,
    long? LicenceCentsPerUnitYear,
    DateOnly? ContractEnd,
    int? NoticeMonths);

/// <summary>An application row as typed in a form or a file, validated.</summary>
internal sealed record ApplicationInput(
    string Name,
    ApplicationKind Kind,
    IReadOnlySet<Dependency> DependsOn,
    Compatibility Compatibility,
    int Users,
    string? Note);

/// <summary>One column of an inventory table: canonical (English) name, German name, required, longest text.</summary>
internal sealed record InventoryColumn(string Name, string German, bool Required, int MaxLength = 0);

/// <summary>Which table of the inventory a file or sheet holds.</summary>
internal enum InventoryKind
{
    Products,
    Applications,
}

/// <summary>
/// The rules of an inventory row, shared by the edit forms, the import and the export (docs/formats/inventory.md):
/// every mistake is reported through <c>reject(column, key, args)</c>, never only the first.
/// </summary>
internal static class InventoryRows
{
    public const int MaxNoticeMonths = 60;

    public static readonly IReadOnlyList<InventoryColumn> ProductColumns =
    [
        new("body", "Organisation", true, 100),
        new("product", "Produkt", true, 120),
        new("pillar", "Säule", true),
        new("workplaces", "Arbeitsplätze", false),
        new("users", "Nutzende", false),
        new("mailboxes", "Postfächer", false),
        new("version", "Version", false, 60),
        new("licenceCost", "Lizenzkosten", false),
        new("contractEnd", "Vertragsende", false),
        new("noticeMonths", "Kündigungsfrist", false),
    ];

    public static readonly IReadOnlyList<InventoryColumn> ApplicationColumns =
    [
        new("body", "Organisation", true, 100),
        new("name", "Name", true, 200),
        new("kind", "Art", true),
        new("dependsOn", "Abhängigkeiten", false),
        new("compatibility", "Kompatibilität", false),
        new("users", "Nutzende", false),
        new("note", "Notiz", false, 2000),
    ];

    public static IReadOnlyList<InventoryColumn> Columns(InventoryKind kind) => kind == InventoryKind.Products ? ProductColumns : ApplicationColumns;

    public static ProductInput? ReadProduct(Func<string, string?> get, Action<string, string, string[]> reject)
    {
        var failed = false;
        void Fail(string column, string key, params string[] args)
        {
            failed = true;
            reject(column, key, args);
        }

        var product = Text(get, "product", 120, true, Fail);
        var pillar = Choice<Pillar>(get("pillar"), "pillar", true, Fail);
        var workplaces = Count(get("workplaces"), "workplaces", Fail);
        var users = Count(get("users"), "users", Fail);
        var mailboxes = Count(get("mailboxes"), "mailboxes", Fail);
        var version = Text(get, "version", 60, false, Fail);
        long? cents = null;
        if (get("licenceCost")?.Trim() is { Length: > 0 } cost)
        {
            if (Amount(cost) is { } euros)
            {
                cents = (long)(euros * 100);
            }
            else
            {
                Fail("licenceCost", "inventory.notAmount", Short(cost));
            }
        }

        DateOnly? contractEnd = null;
        if (get("contractEnd")?.Trim() is { Length: > 0 } end)
        {
            if (DateOnly.TryParseExact(end, ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                contractEnd = date;
            }
            else
            {
                Fail("contractEnd", "inventory.notDate", Short(end));
            }
        }

        int? notice = null;
        if (get("noticeMonths")?.Trim() is { Length: > 0 } months)
        {
            if (int.TryParse(months, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxNoticeMonths)
            {
                notice = n;
            }
            else
            {
                Fail("noticeMonths", "inventory.notNotice", Short(months), MaxNoticeMonths.ToString(CultureInfo.InvariantCulture));
            }
        }

        return failed ? null : new ProductInput(product!, pillar!.Value, workplaces, users, mailboxes, version, cents, contractEnd, notice);
    }

    public static ApplicationInput? ReadApplication(Func<string, string?> get, Action<string, string, string[]> reject)
    {
        var failed = false;
        void Fail(string column, string key, params string[] args)
        {
            failed = true;
            reject(column, key, args);
        }

        var name = Text(get, "name", 200, true, Fail);
        var kind = Choice<ApplicationKind>(get("kind"), "kind", true, Fail);
        var dependencies = new HashSet<Dependency>();
        foreach (var part in (get("dependsOn") ?? string.Empty).Split([',', ';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (MigrationNames.TryParse<Dependency>(part, out var dependency))
            {
                dependencies.Add(dependency);
            }
            else
            {
                Fail("dependsOn", "inventory.notOneOf", Short(part), string.Join(", ", MigrationNames.All<Dependency>()));
            }
        }

        var compatibility = Choice<Compatibility>(get("compatibility"), "compatibility", false, Fail) ?? Compatibility.Unknown;
        var users = Count(get("users"), "users", Fail);
        var note = Text(get, "note", 2000, false, Fail, allowLineBreaks: true);
        return failed ? null : new ApplicationInput(name!, kind!.Value, dependencies, compatibility, users, note);
    }

    /// <summary>The cells of a product row in <see cref="ProductColumns"/> order, as the import reads them back unchanged.</summary>
    public static string[] Cells(string body, ProductInput p) =>
    [
        body, p.Product, MigrationNames.Wire(p.Pillar), Number(p.Workplaces), Number(p.Users), Number(p.Mailboxes), p.Version ?? string.Empty,
        p.LicenceCentsPerUnitYear is { } c ? (c / 100m).ToString("0.00", CultureInfo.InvariantCulture) : string.Empty,
        p.ContractEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
        p.NoticeMonths is { } n ? Number(n) : string.Empty,
    ];

    public static string[] Cells(string body, ApplicationInput a) =>
    [
        body, a.Name, MigrationNames.Wire(a.Kind), DependsOn(a.DependsOn), MigrationNames.Wire(a.Compatibility), Number(a.Users), a.Note ?? string.Empty,
    ];

    /// <summary>Dependencies as stored and exported: wire names in declaration order, comma-separated.</summary>
    public static string DependsOn(IEnumerable<Dependency> dependencies) =>
        string.Join(",", dependencies.Order().Select(d => MigrationNames.Wire(d)));

    public static IReadOnlySet<Dependency> ParseDependsOn(string stored) =>
        stored.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(s => MigrationNames.TryParse<Dependency>(s, out var d) ? d : (Dependency?)null)
            .OfType<Dependency>().ToHashSet();

    /// <summary>
    /// An amount in euros as people type it (as the cases' amounts): <c>1200</c>, <c>1.200</c>, <c>1.200,50</c> or
    /// <c>1200.50</c>, at most two decimals, not negative; null when it is none.
    /// </summary>
    public static decimal? Amount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (t.Contains(',', StringComparison.Ordinal) || t.Count(c => c == '.') > 1 || (t.Contains('.', StringComparison.Ordinal) && t.Length - t.LastIndexOf('.') == 4))
        {
            t = t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }

        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= 0 && value < 1_000_000_000m && decimal.Round(value, 2) == value
            ? value
            : null;
    }

    private static string? Text(Func<string, string?> get, string column, int max, bool required, Action<string, string, string[]> fail, bool allowLineBreaks = false)
    {
        var value = get(column)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                fail(column, "inventory.required", []);
            }

            return null;
        }

        if (value.Length > max)
        {
            fail(column, "inventory.tooLong", [Number(max), Number(value.Length)]);
            return null;
        }

        if (value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t')))
        {
            fail(column, "inventory.controlCharacter", []);
            return null;
        }

        return value;
    }

    private static T? Choice<T>(string? value, string column, bool required, Action<string, string, string[]> fail) where T : struct, Enum
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                fail(column, "inventory.required", []);
            }

            return null;
        }

        if (MigrationNames.TryParse<T>(value, out var result))
        {
            return result;
        }

        fail(column, "inventory.notOneOf", [Short(value), string.Join(", ", MigrationNames.All<T>())]);
        return null;
    }

    private static int Count(string? value, string column, Action<string, string, string[]> fail)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        // A spreadsheet may write 1.200 or 1200; a count has no fraction and is not negative.
        var digits = value.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        fail(column, "inventory.notCount", [Short(value)]);
        return 0;
    }

    /// <summary>The first header cell matching a column by its English or German name (any case), per column.</summary>
    public static Dictionary<string, int> Positions(IReadOnlyList<string?> header, InventoryKind kind, Action<string, string, string[]> reject)
    {
        var columns = Columns(kind);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var text = (header[i] ?? string.Empty).Trim().TrimStart('\uFEFF').Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var column = columns.FirstOrDefault(c => string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(c.German, text, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                reject(new CellAt(1, ColumnNumber: i + 1).ToString(), "inventory.unknownColumn", [Short(text), string.Join(", ", columns.Select(c => c.Name))]);
            }
            else if (!positions.TryAdd(column.Name, i))
            {
                reject(new CellAt(1, column.Name).ToString(), "inventory.columnTwice", []);
            }
        }

        foreach (var column in columns.Where(c => c.Required && !positions.ContainsKey(c.Name)))
        {
            reject(new CellAt(1).ToString(), "inventory.columnMissing", [column.Name, column.German]);
        }

        return positions;
    }

    public static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
