using System.Globalization;
using System.IO.Compression;
using System.Text;
using Aufsicht.Core;
using Aufsicht.Core.Bodies;
using Aufsicht.Core.Law;
using Aufsicht.Features.Shared;
using CsvHelper;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Aufsicht.Features.Bodies;

/// <summary>A registry file split into cells: the header (row 1) and the rows after it, in file order.</summary>
internal sealed record BodyTable(IReadOnlyList<string?> Header, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>
/// Reads and writes the registry file format (docs/formats/bodies.md): CSV (UTF-8 with or without BOM, or
/// Windows-1252; <c>;</c> or <c>,</c>) or XLSX (the first sheet). Which one is decided by the content, not trusted
/// from the name: an XLSX file is a zip archive and starts with "PK".
/// </summary>
internal static class BodyFile
{
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>
    /// The most an XLSX file may unpack to, all its entries together: a registry of 100,000 bodies is about 30 MB of
    /// sheet XML, while a zip bomb of 400 KB can unpack to 400 MB and more (issue 12).
    /// </summary>
    public const long MaxExpandedBytes = 50L * 1024 * 1024;

    /// <summary>The most characters one cell may hold (a name or address is far shorter), in CSV and XLSX alike.</summary>
    public const int MaxCellLength = 10_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static BodyFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Result<BodyTable> Read(byte[] content, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return Error.Invalid("file", "bodies.file.empty");
        }

        if (content.Length > MaxBytes)
        {
            return Error.TooLarge("file", "bodies.file.tooLarge", (MaxBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture));
        }

        var isZip = content.Length >= 4 && content[0] == (byte)'P' && content[1] == (byte)'K' && content[2] == 3 && content[3] == 4;
        if (isZip)
        {
            return ReadXlsx(content);
        }

        var extension = Path.GetExtension(fileName ?? string.Empty);
        if (extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".xls", StringComparison.OrdinalIgnoreCase))
        {
            return Error.Invalid("file", "bodies.file.notXlsx");
        }

        return ReadCsv(content);
    }

    /// <summary>
    /// Every sheet of an XLSX file by its name, split into cells like <see cref="Read"/> (the same size limits); for
    /// files that carry several tables, such as the migration inventory's products and applications.
    /// </summary>
    public static Result<IReadOnlyDictionary<string, BodyTable>> ReadSheets(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxBytes)
        {
            return Error.TooLarge("file", "bodies.file.tooLarge", (MaxBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture));
        }

        if (Unpacked(content) is { } problem)
        {
            return problem;
        }

        var sheets = new Dictionary<string, BodyTable>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            foreach (var name in MiniExcel.GetSheetNames(stream))
            {
                stream.Position = 0;
                var rows = new List<IReadOnlyList<string?>>();
                foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, sheetName: name, excelType: MiniExcelLibs.ExcelType.XLSX))
                {
                    rows.Add(row.Values.Select(v => TableExport.Restore(Cell(v))).ToArray());
                    if (rows.Count > BodyRows.MaxRows + 1)
                    {
                        break;
                    }
                }

                if (LongCell(rows) is { } tooLong)
                {
                    return tooLong;
                }

                stream.Position = 0;
                sheets[name] = rows.Count == 0 ? new BodyTable([], []) : new BodyTable(rows[0], rows.Skip(1).ToList());
            }
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or NotSupportedException or IOException or ArgumentException or KeyNotFoundException or NullReferenceException)
        {
            return Error.Invalid("file", "bodies.file.badZip");
        }

        return Result<IReadOnlyDictionary<string, BodyTable>>.Ok(sheets);
    }

    private static Result<BodyTable> ReadCsv(byte[] content)
    {
        string text;
        var bom = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        try
        {
            text = StrictUtf8.GetString(content, bom, content.Length - bom);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: Excel on German Windows saves "CSV (Trennzeichen-getrennt)" in Windows-1252.
            text = Encoding.GetEncoding(1252).GetString(content);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Error.Invalid("file", "bodies.file.binary");
        }

        var options = CsvReaderOptions.Default with
        {
            Separator = Delimiter(text),
            HasHeader = false,
            // Blank lines count, so row numbers in messages match the file as a spreadsheet shows it.
            SkipEmptyLines = false,
            TrimWhitespace = false,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        var records = new List<IReadOnlyList<string?>>();
        try
        {
            using var reader = CsvReader.FromText(text, options);
            while (reader.Read())
            {
                var record = new string?[reader.FieldCount];
                for (var i = 0; i < record.Length; i++)
                {
                    record[i] = TableExport.Restore(reader.GetString(i));
                }

                records.Add(record);
                if (records.Count > BodyRows.MaxRows + 1)
                {
                    break; // the validator reports the limit; reading on would only use memory
                }
            }
        }
        catch (CsvFormatException e)
        {
            // The parser's own sentence is English only; what it finds wrong is almost always a stray quote.
            return Error.Invalid(new CellAt((int)e.RecordNumber).ToString(), "bodies.file.csvQuotes");
        }

        return records.Count == 0
            ? Error.Invalid("file", "bodies.file.noHeader")
            : LongCell(records) ?? Result<BodyTable>.Ok(new BodyTable(records[0], records.Skip(1).ToList()));
    }

    /// <summary>Semicolon or comma, whichever the header line has more of outside quotes (German Excel writes semicolons).</summary>
    private static char Delimiter(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    private static Result<BodyTable> ReadXlsx(byte[] content)
    {
        if (Unpacked(content) is { } problem)
        {
            return problem;
        }

        var rows = new List<IReadOnlyList<string?>>();
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX))
            {
                rows.Add(row.Values.Select(v => TableExport.Restore(Cell(v))).ToArray());
                if (rows.Count > BodyRows.MaxRows + 1)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or NotSupportedException or IOException or ArgumentException or KeyNotFoundException or NullReferenceException)
        {
            // A damaged or foreign zip: MiniExcel's exceptions vary with what is wrong inside; none is the user's to read.
            return Error.Invalid("file", "bodies.file.badZip");
        }

        return rows.Count == 0
            ? Error.Invalid("file", "bodies.file.emptySheet")
            : LongCell(rows) ?? Result<BodyTable>.Ok(new BodyTable(rows[0], rows.Skip(1).ToList()));
    }

    /// <summary>
    /// Null if the archive unpacks to at most <see cref="MaxExpandedBytes"/>; else why not. First the sizes its headers
    /// declare (nothing is unpacked), then the bytes it really unpacks to, counted in a small buffer and dropped: a
    /// header may understate the size, and MiniExcel reads a cell whole into memory.
    /// </summary>
    private static Error? Unpacked(byte[] content)
    {
        var tooLarge = Error.Invalid("file", "bodies.file.expands", (MaxExpandedBytes / 1024 / 1024).ToString(CultureInfo.InvariantCulture));
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Sum(e => e.Length) > MaxExpandedBytes)
            {
                return tooLarge;
            }

            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > MaxExpandedBytes)
                    {
                        return tooLarge;
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return Error.Invalid("file", "bodies.file.badZip");
        }

        return null;
    }

    /// <summary>The first cell longer than <see cref="MaxCellLength"/>, as an error at its place (row 1 is the header), or null.</summary>
    private static Error? LongCell(List<IReadOnlyList<string?>> rows)
    {
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Count; c++)
            {
                if (rows[r][c] is { Length: > MaxCellLength })
                {
                    return Error.Invalid(new CellAt(r + 1, ColumnNumber: c + 1).ToString(), "bodies.file.cellTooLong", MaxCellLength.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        return null;
    }

    /// <summary>A spreadsheet cell as text: numbers without a decimal point if whole (ids such as 13001), dates as ISO dates.</summary>
    private static string? Cell(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        IFormattable f when value is DateTime => f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>
    /// Writes the registry as CSV: German (<c>;</c>, byte-order mark, German column names, kinds and ja/nein) or for
    /// machines (<c>,</c>, canonical names and values). The import reads both back unchanged.
    /// </summary>
    public static void WriteCsv(Stream output, IEnumerable<BodyInput> bodies, ExportVariant variant) =>
        TableExport.WriteCsv(output, Header(variant), bodies.Select(b => Cells(b, variant)), variant);

    /// <summary>Writes the first sheet „Organisationen“ of an XLSX file: the header, then every value as text (ids keep their leading zeros).</summary>
    public static void WriteXlsx(Stream output, IEnumerable<BodyInput> bodies, ExportVariant variant) =>
        TableExport.WriteXlsx(output, "Organisationen", Header(variant), bodies.Select(b => Cells(b, variant)));

    private static string[] Header(ExportVariant variant) =>
        [.. BodyRows.Columns.Select(c => variant == ExportVariant.German ? c.German : c.Name)];

    /// <summary>A body's cells; in German the words the import accepts as well (Schule, ja, nein), codes stay codes (MV, de).</summary>
    private static object?[] Cells(BodyInput body, ExportVariant variant)
    {
        var cells = BodyRows.ToCells(body);
        return [.. cells.Select((cell, i) => (object?)(variant, BodyRows.Columns[i].Name) switch
        {
            (ExportVariant.German, "kind") => Texts.T(Language.De, "kind." + body.Kind),
            (ExportVariant.German, "publicBody") => TableExport.YesNo(body.PublicBody, variant),
            (ExportVariant.German, "publicUndertaking") => TableExport.YesNo(body.PublicUndertaking, variant),
            _ => cell,
        })];
    }
}
