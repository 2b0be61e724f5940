using System.Data;
using System.Globalization;
using Aufsicht.Core;
using Aufsicht.Core.Bodies;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Aufsicht.Features.Bodies;
using Aufsicht.Features.Shared;
using Microsoft.EntityFrameworkCore;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Aufsicht.Features.Inventory;

/// <summary>What an inventory import changed; nothing is ever deleted by an import.</summary>
internal sealed record InventoryImportReport(int ProductsAdded, int ProductsUpdated, int ApplicationsAdded, int ApplicationsUpdated);

/// <summary>
/// Imports products and applications from CSV or XLSX (docs/formats/inventory.md) all-or-nothing: every row of every
/// sheet is validated first and one error anywhere means nothing is written. Bodies are named by their external id;
/// a row for a body and product (or application name) already stored updates it, others are added, and rows missing
/// from the file stay. Imported rows get <see cref="InventorySource.Import"/>.
/// </summary>
internal sealed class ImportInventory(AufsichtDb db, TimeProvider clock)
{
    public const int MaxErrors = 100;

    /// <summary>The sheet names an XLSX file may use for each table (English or German), matched without regard to case.</summary>
    public static readonly IReadOnlyDictionary<InventoryKind, string[]> SheetNames = new Dictionary<InventoryKind, string[]>
    {
        [InventoryKind.Products] = ["products", "Produkte"],
        [InventoryKind.Applications] = ["applications", "Fachverfahren"],
    };

    public async Task<Result<InventoryImportReport>> RunAsync(byte[] content, string? fileName, InventoryKind? only, CancellationToken cancel)
    {
        var tables = ReadTables(content, fileName, only);
        if (!tables.IsOk)
        {
            return Result<InventoryImportReport>.Fail(tables.Errors);
        }

        var bodies = await db.Bodies.AsNoTracking().Select(b => new { b.ExternalId, b.Id })
            .ToDictionaryAsync(b => b.ExternalId, b => b.Id, StringComparer.Ordinal, cancel).ConfigureAwait(false);
        var errors = new List<Error>();
        var products = new List<(long Body, ProductInput Row)>();
        var applications = new List<(long Body, ApplicationInput Row)>();
        foreach (var (kind, sheet, table) in tables.Value)
        {
            var prefix = sheet is null ? string.Empty : sheet + "!";
            void Reject(string field, string key, string[] args)
            {
                if (errors.Count <= MaxErrors)
                {
                    errors.Add(Error.Invalid(prefix + field, key, args));
                }
            }

            var positions = InventoryRows.Positions(table.Header, kind, Reject);
            if (errors.Count > 0)
            {
                continue;
            }

            var seen = new Dictionary<(long, string), int>();
            var rowNumber = 1;
            foreach (var row in table.Rows)
            {
                rowNumber++;
                if (row.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (rowNumber > BodyRows.MaxRows + 1)
                {
                    errors.Add(Error.TooLarge(prefix + new CellAt(rowNumber).ToString(), "inventory.tooManyRows"));
                    break;
                }

                var here = rowNumber;
                string? Get(string column) => positions.TryGetValue(column, out var i) && i < row.Count ? row[i] : null;
                void RejectCell(string column, string key, string[] args) => Reject(new CellAt(here, column).ToString(), key, args);
                long? body = null;
                var external = Get("body")?.Trim();
                if (string.IsNullOrEmpty(external))
                {
                    RejectCell("body", "inventory.required", []);
                }
                else if (bodies.TryGetValue(external, out var id))
                {
                    body = id;
                }
                else
                {
                    RejectCell("body", "inventory.unknownBody", [InventoryRows.Short(external)]);
                }

                if (kind == InventoryKind.Products)
                {
                    var product = InventoryRows.ReadProduct(Get, RejectCell);
                    if (product is not null && body is { } b && Twice(seen, b, product.Product, here, "product", RejectCell))
                    {
                        products.Add((b, product));
                    }
                }
                else
                {
                    var application = InventoryRows.ReadApplication(Get, RejectCell);
                    if (application is not null && body is { } b && Twice(seen, b, application.Name, here, "name", RejectCell))
                    {
                        applications.Add((b, application));
                    }
                }
            }
        }

        if (errors.Count > MaxErrors)
        {
            errors = [.. errors.Take(MaxErrors), Error.Invalid(string.Empty, "inventory.moreErrors")];
        }

        if (errors.Count > 0)
        {
            return Result<InventoryImportReport>.Fail(errors);
        }

        return await WriteAsync(products, applications, cancel).ConfigureAwait(false);
    }

    /// <summary>True the first time a body and key appear in a sheet; an error at the later row otherwise.</summary>
    private static bool Twice(Dictionary<(long, string), int> seen, long body, string key, int row, string column, Action<string, string, string[]> reject)
    {
        if (seen.TryGetValue((body, key), out var first))
        {
            reject(column, "inventory.twice", [InventoryRows.Short(key), first.ToString(CultureInfo.InvariantCulture)]);
            return false;
        }

        seen[(body, key)] = row;
        return true;
    }

    private async Task<Result<InventoryImportReport>> WriteAsync(List<(long Body, ProductInput Row)> products, List<(long Body, ApplicationInput Row)> applications, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        int productsAdded = 0, productsUpdated = 0, applicationsAdded = 0, applicationsUpdated = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        try
        {
            if (products.Count > 0)
            {
                var stored = await db.InventoryProducts.ToDictionaryAsync(p => (p.BodyId, p.Product), cancel).ConfigureAwait(false);
                foreach (var (body, row) in products)
                {
                    if (!stored.TryGetValue((body, row.Product), out var record))
                    {
                        record = new InventoryProductRecord { BodyId = body, Product = row.Product };
                        db.InventoryProducts.Add(record);
                        productsAdded++;
                    }
                    else
                    {
                        record.Revision++;
                        productsUpdated++;
                    }

                    InventoryMapping.Apply(row, record, InventorySource.Import, now);
                }
            }

            if (applications.Count > 0)
            {
                var stored = await db.InventoryApplications.ToDictionaryAsync(a => (a.BodyId, a.Name), cancel).ConfigureAwait(false);
                foreach (var (body, row) in applications)
                {
                    if (!stored.TryGetValue((body, row.Name), out var record))
                    {
                        record = new InventoryApplicationRecord { BodyId = body, Name = row.Name, DependsOn = string.Empty };
                        db.InventoryApplications.Add(record);
                        applicationsAdded++;
                    }
                    else
                    {
                        record.Revision++;
                        applicationsUpdated++;
                    }

                    InventoryMapping.Apply(row, record, InventorySource.Import, now);
                }
            }

            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            return Error.Conflict("file", "inventory.import.conflict");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return Result<InventoryImportReport>.Ok(new InventoryImportReport(productsAdded, productsUpdated, applicationsAdded, applicationsUpdated));
    }

    /// <summary>The tables of a file: each sheet of an XLSX file that has a known name, or the one table of a CSV file.</summary>
    private static Result<List<(InventoryKind Kind, string? Sheet, BodyTable Table)>> ReadTables(byte[] content, string? fileName, InventoryKind? only)
    {
        var isZip = content.Length >= 4 && content[0] == (byte)'P' && content[1] == (byte)'K';
        if (isZip)
        {
            var sheets = BodyFile.ReadSheets(content);
            if (!sheets.IsOk)
            {
                return Result<List<(InventoryKind, string?, BodyTable)>>.Fail(sheets.Errors);
            }

            var found = new List<(InventoryKind, string?, BodyTable)>();
            foreach (var (kind, names) in SheetNames)
            {
                if (only is { } wanted && wanted != kind)
                {
                    continue;
                }

                var sheet = sheets.Value.Keys.FirstOrDefault(k => names.Contains(k.Trim(), StringComparer.OrdinalIgnoreCase));
                if (sheet is not null && sheets.Value[sheet].Header.Count > 0)
                {
                    found.Add((kind, sheet, sheets.Value[sheet]));
                }
            }

            return found.Count > 0 ? Result<List<(InventoryKind, string?, BodyTable)>>.Ok(found) : Error.Invalid("file", "inventory.file.noSheet");
        }

        var table = BodyFile.Read(content, fileName);
        if (!table.IsOk)
        {
            return Result<List<(InventoryKind, string?, BodyTable)>>.Fail(table.Errors);
        }

        // Without --kind: a header naming a product column is the products table, else the register of applications.
        var header = table.Value.Header.Select(h => (h ?? string.Empty).Trim().TrimStart('\uFEFF').Trim()).ToList();
        var isProducts = only is { } k ? k == InventoryKind.Products
            : header.Any(h => h.Equals("product", StringComparison.OrdinalIgnoreCase) || h.Equals("Produkt", StringComparison.OrdinalIgnoreCase))
              || !header.Any(h => h.Equals("kind", StringComparison.OrdinalIgnoreCase) || h.Equals("Art", StringComparison.OrdinalIgnoreCase));
        return Result<List<(InventoryKind, string?, BodyTable)>>.Ok([(isProducts ? InventoryKind.Products : InventoryKind.Applications, null, table.Value)]);
    }
}

/// <summary>Between validated rows and stored records, and the export, in one place.</summary>
internal static class InventoryMapping
{
    public static void Apply(ProductInput row, InventoryProductRecord record, InventorySource source, DateTime now)
    {
        record.Product = row.Product;
        record.Pillar = row.Pillar;
        record.Workplaces = row.Workplaces;
        record.Users = row.Users;
        record.Mailboxes = row.Mailboxes;
        record.Version = row.Version;
        record.LicenceCentsPerUnitYear = row.LicenceCentsPerUnitYear;
        record.ContractEnd = row.ContractEnd;
        record.NoticeMonths = row.NoticeMonths;
        record.Source = source;
        record.UpdatedAt = now;
    }

    public static void Apply(ApplicationInput row, InventoryApplicationRecord record, InventorySource source, DateTime now)
    {
        record.Name = row.Name;
        record.Kind = row.Kind;
        record.DependsOn = InventoryRows.DependsOn(row.DependsOn);
        record.Compatibility = row.Compatibility;
        record.Users = row.Users;
        record.Note = row.Note;
        record.Source = source;
        record.UpdatedAt = now;
    }

    public static ProductInput ToInput(InventoryProductRecord r) =>
        new(r.Product, r.Pillar, r.Workplaces, r.Users, r.Mailboxes, r.Version, r.LicenceCentsPerUnitYear, r.ContractEnd, r.NoticeMonths);

    public static ApplicationInput ToInput(InventoryApplicationRecord r) =>
        new(r.Name, r.Kind, InventoryRows.ParseDependsOn(r.DependsOn), r.Compatibility, r.Users, r.Note);

    /// <summary>Every product row (body external id first) in the order of body and product.</summary>
    public static async Task<List<string[]>> ProductRowsAsync(AufsichtDb db, CancellationToken cancel)
    {
        var rows = await (from p in db.InventoryProducts.AsNoTracking()
                          join b in db.Bodies.AsNoTracking() on p.BodyId equals b.Id
                          orderby b.ExternalId, p.Product
                          select new { b.ExternalId, Record = p }).ToListAsync(cancel).ConfigureAwait(false);
        return [.. rows.Select(r => InventoryRows.Cells(r.ExternalId, ToInput(r.Record)))];
    }

    public static async Task<List<string[]>> ApplicationRowsAsync(AufsichtDb db, CancellationToken cancel)
    {
        var rows = await (from a in db.InventoryApplications.AsNoTracking()
                          join b in db.Bodies.AsNoTracking() on a.BodyId equals b.Id
                          orderby b.ExternalId, a.Name
                          select new { b.ExternalId, Record = a }).ToListAsync(cancel).ConfigureAwait(false);
        return [.. rows.Select(r => InventoryRows.Cells(r.ExternalId, ToInput(r.Record)))];
    }

    /// <summary>One table as CSV for machines (commas, English column names), as the import reads it back.</summary>
    public static void WriteCsv(Stream output, InventoryKind kind, IEnumerable<string[]> rows) =>
        TableExport.WriteCsv(output, [.. InventoryRows.Columns(kind).Select(c => c.Name)], rows, ExportVariant.Machine);

    /// <summary>Both tables as the sheets „products“ and „applications“ of one XLSX file, every cell as text.</summary>
    public static void WriteXlsx(Stream output, IEnumerable<string[]> products, IEnumerable<string[]> applications)
    {
        using var productTable = Table("products", InventoryKind.Products, products);
        using var applicationTable = Table("applications", InventoryKind.Applications, applications);
        MiniExcel.SaveAs(output, new Dictionary<string, object> { ["products"] = productTable, ["applications"] = applicationTable }, printHeader: true, excelType: MiniExcelLibs.ExcelType.XLSX);
    }

    private static DataTable Table(string name, InventoryKind kind, IEnumerable<string[]> rows)
    {
        var table = new DataTable(name) { Locale = CultureInfo.InvariantCulture, CaseSensitive = true };
        foreach (var column in InventoryRows.Columns(kind))
        {
            table.Columns.Add(column.Name, typeof(string));
        }

        foreach (var row in rows)
        {
            table.Rows.Add([.. row.Select(TableExport.Neutralise)]);
        }

        return table;
    }
}
