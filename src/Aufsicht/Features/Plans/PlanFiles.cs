using System.Globalization;
using System.Text.RegularExpressions;
using Aufsicht.Core;
using Aufsicht.Core.Bodies;
using Aufsicht.Core.Law;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Aufsicht.Features.Bodies;
using Aufsicht.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans;

/// <summary>A body as a plan's files name it: its name, its registry id and the body above it.</summary>
internal sealed record PlanBody(long Id, string Name, string ExternalId, long? ParentId);

/// <summary>
/// What a plan's files are made from: the plan, its packages in order, every body of the registry and — to name
/// products as people know them („Microsoft Office“) — the migration data's catalogue, when given.
/// </summary>
internal sealed record PlanFileData(MigrationPlanRecord Plan, IReadOnlyList<PlanPackageRecord> Rows, IReadOnlyDictionary<long, PlanBody> Bodies, MigrationData? Migration = null)
{
    public YearMonth Start => YearMonth.Of(Plan.PlanStart);

    public string BodyName(long id) => Bodies.TryGetValue(id, out var b) ? b.Name : "?";

    /// <summary>A package as its name in words needs it: with its product's name, as the plan page names it.</summary>
    public PackageLine Line(PlanPackageRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new PackageLine(row, BodyName(row.BodyId), row.Product is { } p && Migration is { } m ? m.Products.Find(p) : null);
    }

    /// <summary>Reads a plan for its files; null when there is no such plan.</summary>
    public static async Task<PlanFileData?> LoadAsync(AufsichtDb db, long planId, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.MigrationPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancel).ConfigureAwait(false);
        if (plan is null)
        {
            return null;
        }

        var rows = await db.PlanPackages.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Id).ToListAsync(cancel).ConfigureAwait(false);

        // The whole registry, not only the plan's bodies: a ministry's milestone needs the tree above its offices.
        var bodies = await db.Bodies.AsNoTracking().Select(b => new PlanBody(b.Id, b.Name, b.ExternalId, b.ParentId))
            .ToDictionaryAsync(b => b.Id, cancel).ConfigureAwait(false);
        return new PlanFileData(plan, rows, bodies);
    }
}

/// <summary>One column of the packages file: its canonical (machine) name and its German header.</summary>
internal sealed record PlanFileColumn(string Name, string German);

/// <summary>
/// The packages of a plan as CSV or XLSX (docs/formats/plan-packages.md): one row per package with its key (to import
/// progress back), body, pillar, phase, units, effort, the planned months (the end is the last month worked), the
/// actual months, the dates set on it and — in the German variant — what holds it, in words.
/// </summary>
internal static class PlanPackagesFile
{
    public static readonly IReadOnlyList<PlanFileColumn> Columns =
    [
        new("key", "Schlüssel"),
        new("body", "Organisation"),
        new("pillar", "Säule"),
        new("phase", "Phase"),
        new("units", "Einheiten"),
        new("effortPersonDays", "Aufwand (Personentage)"),
        new("plannedStart", "Geplanter Beginn"),
        new("plannedEnd", "Geplantes Ende"),
        new("actualStart", "Tatsächlicher Beginn"),
        new("actualEnd", "Tatsächliches Ende"),
        new("earliest", "Frühester Beginn"),
        new("latest", "Spätestes Ende"),
        new("holds", "Warum nicht früher"),
    ];

    /// <summary>The header: German names, or the canonical ones without the German-only column of holds.</summary>
    public static IReadOnlyList<string> Header(ExportVariant variant) =>
        variant == ExportVariant.German ? [.. Columns.Select(c => c.German)] : [.. Columns.Where(c => c.Name != "holds").Select(c => c.Name)];

    public static IEnumerable<IReadOnlyList<object?>> Rows(PlanFileData data, ExportVariant variant)
    {
        ArgumentNullException.ThrowIfNull(data);
        var german = variant == ExportVariant.German;
        var lines = data.Rows.ToDictionary(r => r.Key, data.Line, StringComparer.Ordinal);
        string Name(string key) => lines.TryGetValue(key, out var line) ? PlansText.PackageName(line, Language.De) : key;
        string? Month(DateOnly? day) => day is { } d ? MonthCell(YearMonth.Of(d), variant) : null;
        foreach (var r in data.Rows)
        {
            var body = data.Bodies.TryGetValue(r.BodyId, out var b) ? (german ? b.Name : b.ExternalId) : "?";
            var plannedEnd = PlanRows.LastPlannedMonth(r)?.FirstDay;
            List<object?> cells =
            [
                r.Key,
                body,
                german ? Texts.T(Language.De, "migration.pillar." + MigrationNames.Wire(r.Pillar)) : MigrationNames.Wire(r.Pillar),
                german ? PlansText.PhaseName(r, Language.De) : r.Phase,
                r.Units,
                Math.Round(r.EffortPersonDays, 1, MidpointRounding.AwayFromZero),
                Month(r.PlannedStart),
                Month(plannedEnd),
                Month(r.ActualStart),
                Month(r.ActualEnd),
                Month(r.Earliest),
                Month(r.Latest),
            ];
            if (german)
            {
                cells.Add(r.PlannedStart is null ? null : PlansText.Holds(r.HoldsJson, data.Start, Name, Language.De));
            }

            yield return cells;
        }
    }

    /// <summary>A month in a cell: 03/2027 for people, 2027-03 for machines.</summary>
    public static string MonthCell(YearMonth month, ExportVariant variant) =>
        variant == ExportVariant.German ? PlanRows.MonthText(month) : string.Create(CultureInfo.InvariantCulture, $"{month.Year:0000}-{month.Month:00}");

    public static void WriteCsv(Stream output, PlanFileData data, ExportVariant variant) =>
        TableExport.WriteCsv(output, Header(variant), Rows(data, variant), variant);

    public static void WriteXlsx(Stream output, PlanFileData data, ExportVariant variant) =>
        TableExport.WriteXlsx(output, "Arbeitspakete", Header(variant), Rows(data, variant));

    /// <summary>The download's file name: <c>plan-3-arbeitspakete.csv</c>, <c>…-maschinenlesbar.csv</c>.</summary>
    public static string FileName(long planId, ExportVariant variant, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"plan-{planId}-arbeitspakete{(variant == ExportVariant.Machine ? "-maschinenlesbar" : "")}.{extension}");

    /// <summary>The variant a request or command asks for: none or <c>german</c> is German, <c>machine</c> the machine's; anything else null.</summary>
    public static ExportVariant? Variant(string? value) => value == "german" ? ExportVariant.German : TableExport.Variant(value);
}

/// <summary>A progress file read: the entries for <see cref="PlanProgress"/> and, for each, the row of the file it came from.</summary>
internal sealed record ProgressRows(IReadOnlyList<ActualInput> Entries, IReadOnlyList<int> RowNumbers);

/// <summary>
/// Reads progress from CSV or XLSX (docs/formats/plan-packages.md): the columns key, actual start and actual end,
/// named in German or English (the packages export's headers, German or machine, work as they are); other columns are
/// ignored, so an edited export imports again. Months as <c>03/2027</c>, <c>03.2027</c> or <c>2027-03</c>. Every
/// mistake is named by row and column (<see cref="CellAt"/>); <see cref="Locate"/> turns the use case's
/// <c>entries[i].end</c> into the file's row and column.
/// </summary>
internal static partial class ProgressFile
{
    public const int MaxErrors = 100;

    /// <summary>The columns read, by canonical name, and the headers (compared without case, spaces, hyphens or underscores) that name them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Names = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["key"] = ["key", "schlüssel", "schluessel", "paket", "package"],
        ["actualStart"] = ["actualstart", "tatsächlicherbeginn", "tatsaechlicherbeginn", "beginntatsächlich", "start"],
        ["actualEnd"] = ["actualend", "tatsächlichesende", "tatsaechlichesende", "endetatsächlich", "end"],
    };

    public static Result<ProgressRows> Read(byte[] content, string? fileName)
    {
        var table = BodyFile.Read(content, fileName);
        if (!table.IsOk)
        {
            return Result<ProgressRows>.Fail(table.Errors);
        }

        var errors = new List<Error>();
        var positions = Positions(table.Value.Header, errors);
        if (errors.Count > 0)
        {
            return Result<ProgressRows>.Fail(errors);
        }

        var entries = new List<ActualInput>();
        var numbers = new List<int>();
        var rowNumber = 1;
        foreach (var row in table.Value.Rows)
        {
            rowNumber++;
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (rowNumber > BodyRows.MaxRows + 1)
            {
                errors.Add(Error.TooLarge(new CellAt(rowNumber).ToString(), "planFiles.tooManyRows"));
                break;
            }

            string? Get(string column) => positions.TryGetValue(column, out var i) && i < row.Count ? row[i]?.Trim() : null;
            var here = rowNumber;
            var key = Get("key");
            if (string.IsNullOrEmpty(key))
            {
                errors.Add(Error.Invalid(new CellAt(here, "key").ToString(), "planFiles.keyMissing"));
            }

            YearMonth? MonthOf(string column)
            {
                var text = Get(column);
                if (string.IsNullOrEmpty(text))
                {
                    return null;
                }

                if (ParseMonth(text) is { } month)
                {
                    return month;
                }

                errors.Add(Error.Invalid(new CellAt(here, column).ToString(), "planFiles.notMonth", Short(text)));
                return null;
            }

            var start = MonthOf("actualStart");
            var end = MonthOf("actualEnd");
            entries.Add(new ActualInput(key ?? string.Empty, start, end));
            numbers.Add(here);
        }

        if (errors.Count > MaxErrors)
        {
            errors = [.. errors.Take(MaxErrors), Error.Invalid(string.Empty, "planFiles.moreErrors")];
        }

        if (errors.Count > 0)
        {
            return Result<ProgressRows>.Fail(errors);
        }

        return entries.Count == 0 ? Error.Invalid("file", "planFiles.noRows") : Result<ProgressRows>.Ok(new ProgressRows(entries, numbers));
    }

    /// <summary>The use case's errors with each <c>entries[i].key|start|end</c> named as the file's row and column.</summary>
    public static IReadOnlyList<Error> Locate(IReadOnlyList<Error> errors, ProgressRows rows)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(rows);
        return [.. errors.Select(e => EntryField().Match(e.Field) is { Success: true } m
            && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < rows.RowNumbers.Count
                ? e with
                {
                    Field = new CellAt(rows.RowNumbers[i], m.Groups[2].Value switch
                    {
                        "start" => "actualStart",
                        "end" => "actualEnd",
                        _ => "key",
                    }).ToString(),
                }
                : e)];
    }

    /// <summary>A month as a person or a spreadsheet writes it: 03/2027, 3/2027, 03.2027, 2027-03, or a date (a spreadsheet turns 03/2027 into one).</summary>
    public static YearMonth? ParseMonth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (PlanRows.ParseMonth(t.Replace('/', '.')) is { } month)
        {
            return month;
        }

        return DateOnly.TryParseExact(t, ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100
            ? YearMonth.Of(d)
            : null;
    }

    private static Dictionary<string, int> Positions(IReadOnlyList<string?> header, List<Error> errors)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var text = Normalise(header[i]);
            var column = Names.FirstOrDefault(n => n.Value.Contains(text, StringComparer.Ordinal)).Key;
            if (column is null)
            {
                continue; // other columns (the export's body, phase, planned months …) are ignored
            }

            if (!positions.TryAdd(column, i))
            {
                errors.Add(Error.Invalid(new CellAt(1, ColumnNumber: i + 1).ToString(), "planFiles.columnTwice", column));
            }
        }

        if (!positions.ContainsKey("key"))
        {
            errors.Add(Error.Invalid(new CellAt(1).ToString(), "planFiles.keyColumnMissing"));
        }

        if (!positions.ContainsKey("actualStart") && !positions.ContainsKey("actualEnd"))
        {
            errors.Add(Error.Invalid(new CellAt(1).ToString(), "planFiles.actualColumnsMissing"));
        }

        return positions;
    }

    private static string Normalise(string? header) =>
        new([.. (header ?? string.Empty).Trim().TrimStart('\uFEFF').ToLowerInvariant().Where(c => c is not (' ' or '-' or '_' or '(' or ')'))]);

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^entries\[(\d+)\]\.(key|start|end)$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryField();
}
