using Aufsicht.Core;
using Aufsicht.Core.Bodies;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Bodies;

/// <summary>What an import changed.</summary>
internal sealed record BodyImportReport(int Inserted, int Updated, int Unchanged);

/// <summary>
/// Imports a registry file (CSV or XLSX) all-or-nothing: every row is validated first, and one error anywhere means
/// nothing is written. Otherwise, in one transaction, bodies are matched by their external id: new ones inserted,
/// changed ones updated, the rest left alone. Bodies missing from the file are kept (a file may cover one region).
/// </summary>
internal sealed class ImportBodies(AufsichtDb db, TimeProvider clock)
{
    /// <summary>Rows per SaveChanges: large enough for few round trips, small enough that change tracking stays cheap.</summary>
    private const int Batch = 1000;

    public async Task<Result<BodyImportReport>> RunAsync(byte[] content, string? fileName, CancellationToken cancel)
    {
        var table = BodyFile.Read(content, fileName);
        if (!table.IsOk)
        {
            return Result<BodyImportReport>.Fail(table.Errors);
        }

        var read = BodyRows.ReadRows(table.Value.Header, table.Value.Rows);
        if (!read.IsOk)
        {
            return Result<BodyImportReport>.Fail(read.Errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // One query for the whole registry, untracked: comparing in memory is faster than tracking 30,000 rows.
        var existing = await db.Bodies.AsNoTracking().ToDictionaryAsync(b => b.ExternalId, StringComparer.Ordinal, cancel).ConfigureAwait(false);
        var externalOf = existing.Values.ToDictionary(b => b.Id, b => b.ExternalId);
        string? ParentOf(BodyRecord r) => r.ParentId is { } p && externalOf.TryGetValue(p, out var e) ? e : null;
        // A file without the parent column (an older list) leaves the tree as it is; with it, an empty cell means "at the top".
        var rows = HasParentColumn(table.Value.Header)
            ? read.Value
            : [.. read.Value.Select(r => (r.Body with { Parent = existing.TryGetValue(r.Body.ExternalId, out var stored) ? ParentOf(stored) : null }, r.Row))];
        var tree = BodyRows.CheckTree(rows, existing.Values.ToDictionary(b => b.ExternalId, ParentOf, StringComparer.Ordinal));
        if (tree.Count > 0)
        {
            return Result<BodyImportReport>.Fail(tree);
        }
        int inserted = 0, updated = 0, unchanged = 0, pending = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        try
        {
            foreach (var (body, _) in rows)
            {
                if (!existing.TryGetValue(body.ExternalId, out var record))
                {
                    record = new BodyRecord { ExternalId = body.ExternalId, Name = body.Name, Kind = body.Kind, State = body.State, Language = body.Language, CreatedAt = now };
                    BodyMapping.Apply(body, record, now);
                    db.Bodies.Add(record);
                    inserted++;
                }
                else if (BodyMapping.ToInput(record, ParentOf(record)) == body)
                {
                    unchanged++;
                    continue;
                }
                else
                {
                    BodyMapping.Apply(body, record, now);
                    db.Bodies.Update(record);
                    updated++;
                }

                if (++pending == Batch)
                {
                    await db.SaveChangesAsync(cancel).ConfigureAwait(false);
                    db.ChangeTracker.Clear();
                    pending = 0;
                }
            }

            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
            await SetParentsAsync(rows, cancel).ConfigureAwait(false);
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another import added the same external id in the meantime: nothing of this one is kept.
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            return Error.Conflict("file", "bodies.import.conflict");
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        return Result<BodyImportReport>.Ok(new BodyImportReport(inserted, updated, unchanged));
    }

    private static bool HasParentColumn(IReadOnlyList<string?> header)
    {
        var parent = BodyRows.Columns.First(c => c.Name == "parent");
        return header.Any(h => (h ?? string.Empty).Trim().TrimStart('\uFEFF').Trim() is { } text
            && (text.Equals(parent.Name, StringComparison.OrdinalIgnoreCase) || text.Equals(parent.German, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Once every body of the file has its id: each body's parent as the file names it, where it changed.</summary>
    private async Task SetParentsAsync(IReadOnlyList<(BodyInput Body, int Row)> rows, CancellationToken cancel)
    {
        var ids = await db.Bodies.AsNoTracking().Select(b => new { b.Id, b.ExternalId, b.ParentId })
            .ToDictionaryAsync(b => b.ExternalId, StringComparer.Ordinal, cancel).ConfigureAwait(false);
        foreach (var (body, _) in rows)
        {
            var self = ids[body.ExternalId];
            long? parent = body.Parent is null ? null : ids[body.Parent].Id;
            if (self.ParentId != parent)
            {
                await db.Bodies.Where(b => b.Id == self.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.ParentId, parent), cancel).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>Between the validated input and the stored row, in one place for import, edit and export.</summary>
internal static class BodyMapping
{
    /// <summary>A stored body as input; <paramref name="parent"/> is its parent's external id (the record holds only the parent's row id).</summary>
    public static BodyInput ToInput(BodyRecord r, string? parent) =>
        new(r.ExternalId, r.Name, r.Kind, r.Region, r.State, r.PublicBody, r.PublicUndertaking, r.ContactName, r.ContactEmail, r.Language, parent);

    public static void Apply(BodyInput body, BodyRecord record, DateTime now)
    {
        record.ExternalId = body.ExternalId;
        record.Name = body.Name;
        record.Kind = body.Kind;
        record.Region = body.Region;
        record.State = body.State;
        record.PublicBody = body.PublicBody;
        record.PublicUndertaking = body.PublicUndertaking;
        record.ContactName = body.ContactName;
        record.ContactEmail = body.ContactEmail;
        record.Language = body.Language;
        record.UpdatedAt = now;
    }

    /// <summary>Every body in the order of its external id, as export rows; one streaming query.</summary>
    public static IAsyncEnumerable<BodyInput> All(AufsichtDb db) =>
        (from b in db.Bodies.AsNoTracking()
         join p in db.Bodies.AsNoTracking() on b.ParentId equals p.Id into parents
         from p in parents.DefaultIfEmpty()
         orderby b.ExternalId
         select new BodyInput(b.ExternalId, b.Name, b.Kind, b.Region, b.State, b.PublicBody, b.PublicUndertaking, b.ContactName, b.ContactEmail, b.Language, p == null ? null : p.ExternalId))
        .AsAsyncEnumerable();
}
