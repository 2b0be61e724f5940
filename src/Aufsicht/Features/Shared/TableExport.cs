using System.Data;
using System.Globalization;
using CsvHelper;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Aufsicht.Features.Shared;

/// <summary>
/// Which table a download is. <see cref="German"/> is for people in a German office: Excel and LibreOffice open it
/// with a double click (<c>;</c>, a byte-order mark, German headers and values, dates as 16.12.2026, times in Berlin).
/// <see cref="Machine"/> is for scripts and other tools: <c>,</c>, no byte-order mark, English codes, ISO dates, UTC.
/// </summary>
internal enum ExportVariant
{
    German,
    Machine,
}

/// <summary>
/// Writes every CSV and XLSX download (the campaign's answers, the registry of bodies) the same way, and holds the one
/// rule against formulas in cells: a text cell starting with <c>= + - @</c>, a tab or a carriage return would be run
/// by a spreadsheet as a formula (CSV injection, OWASP), so it gets an apostrophe in front — in both CSV variants and
/// in XLSX, where a user editing the cell would otherwise turn it into a live formula. Importers take it off again
/// with <see cref="Restore"/>.
/// </summary>
internal static class TableExport
{
    public const string CsvType = "text/csv; charset=utf-8";

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The query parameter and value that ask a download for its machine-readable variant: <c>?variant=machine</c>.</summary>
    public const string VariantParameter = "variant";

    public const string MachineValue = "machine";

    /// <summary>The characters OWASP names (CsvHelper's list: <c>= @ + -</c>, tab, CR); one list for writing and reading.</summary>
    private static readonly string FormulaStarts = CsvWriterOptions.Default.InjectionCharacters;

    private const char FormulaEscape = '\'';

    /// <summary>A decimal comma; built by hand because the app runs with invariant globalization (no de-DE culture data).</summary>
    private static readonly NumberFormatInfo GermanNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" };

    private static readonly TimeZoneInfo Berlin = BerlinZone();

    /// <summary>The variant a request asks for: none is German; an unknown value is null (the caller answers 404).</summary>
    public static ExportVariant? Variant(string? value) => value switch
    {
        null or "" => ExportVariant.German,
        MachineValue => ExportVariant.Machine,
        _ => null,
    };

    /// <summary>A text cell a spreadsheet will show as text: an apostrophe before anything that starts like a formula.</summary>
    public static string Neutralise(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 0 && FormulaStarts.Contains(cell[0], StringComparison.Ordinal) ? FormulaEscape + cell : cell;
    }

    /// <summary>The cell as it was before <see cref="Neutralise"/>: what an importer reads from an exported file.</summary>
    public static string? Restore(string? cell) =>
        cell is { Length: >= 2 } && cell[0] == FormulaEscape && FormulaStarts.Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;

    /// <summary>
    /// Writes a table as CSV (RFC 4180 quoting, CRLF): German with <c>;</c> and a UTF-8 byte-order mark (without it
    /// Excel reads Windows-1252 and shows „MÃ¼nchen“), machine with <c>,</c> and without. Cells are strings, whole
    /// numbers or decimals (German with a decimal comma); null is empty.
    /// </summary>
    public static void WriteCsv(Stream output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, ExportVariant variant)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default with
        {
            Separator = variant == ExportVariant.German ? ';' : ',',
            NewLine = "\r\n",
            WriteByteOrderMark = variant == ExportVariant.German,
        }, leaveOpen: true);
        csv.WriteRecord(header.Select(Neutralise).ToArray());
        foreach (var row in rows)
        {
            csv.WriteRecord(row.Select(cell => CsvCell(cell, variant)).ToArray());
        }
    }

    /// <summary>
    /// Writes one sheet of an XLSX file: the header, then the rows; text as text cells (ids keep their leading zeros),
    /// numbers as number cells, which a spreadsheet shows in its own notation.
    /// </summary>
    public static void WriteXlsx(Stream output, string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);

        // A table, not a list of dictionaries: an empty table still gets its header row, and the column types are fixed.
        var materialised = rows.ToList();
        using var table = new DataTable(sheetName) { Locale = CultureInfo.InvariantCulture, CaseSensitive = true };
        for (var i = 0; i < header.Count; i++)
        {
            var numeric = materialised.Count > 0 && materialised.All(r => r[i] is null or decimal or int or long);
            table.Columns.Add(Neutralise(header[i]), numeric && materialised.Any(r => r[i] is not null) ? typeof(decimal) : typeof(string));
        }

        foreach (var row in materialised)
        {
            table.Rows.Add(row.Select((cell, i) => XlsxCell(cell, table.Columns[i].DataType)).ToArray());
        }

        MiniExcel.SaveAs(output, table, printHeader: true, sheetName: sheetName, excelType: MiniExcelLibs.ExcelType.XLSX);
    }

    /// <summary>A calendar date: 16.12.2026 in German, 2026-12-16 for machines.</summary>
    public static string Date(DateOnly date, ExportVariant variant) =>
        date.ToString(variant == ExportVariant.German ? "dd.MM.yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A moment stored in UTC: 16.12.2026 14:05 Berlin time in German, 2026-12-16T13:05:00Z for machines.</summary>
    public static string Time(DateTime utc, ExportVariant variant) =>
        variant == ExportVariant.German
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Berlin).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture)
            : DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A yes/no value: „ja“/„nein“ in German, true/false for machines.</summary>
    public static string YesNo(bool value, ExportVariant variant) =>
        variant == ExportVariant.German ? (value ? "ja" : "nein") : (value ? "true" : "false");

    private static string CsvCell(object? cell, ExportVariant variant) => cell switch
    {
        null => string.Empty,
        string s => Neutralise(s),
        decimal d => d.ToString("0.############################", variant == ExportVariant.German ? GermanNumbers : NumberFormatInfo.InvariantInfo),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Neutralise(cell.ToString() ?? string.Empty),
    };

    private static object XlsxCell(object? cell, Type column) => cell switch
    {
        null => DBNull.Value,
        string s => Neutralise(s),
        _ when column == typeof(decimal) => Convert.ToDecimal(cell, CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Neutralise(cell.ToString() ?? string.Empty),
    };

    /// <summary>
    /// Europe/Berlin from the system's time zone data; where a minimal container has none, the same rule built in
    /// (CET, CEST from the last Sunday of March to the last Sunday of October, as in the EU since 1996).
    /// </summary>
    private static TimeZoneInfo BerlinZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            var start = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0, DateTimeKind.Unspecified), 3, 5, DayOfWeek.Sunday);
            var end = TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0, DateTimeKind.Unspecified), 10, 5, DayOfWeek.Sunday);
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1), start, end);
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Berlin", TimeSpan.FromHours(1), "Europe/Berlin", "CET", "CEST", [rule]);
        }
    }
}
