using System.Security.Cryptography;
using System.Text;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Catalog;

/// <summary>What a start did with the shipped catalogue.</summary>
internal sealed record ImportReport(int Inserted, int Updated, int Unchanged, int Conflicts);

/// <summary>
/// Loads the shipped service snapshots into the database: new ones are added, shipped ones that changed are
/// updated, and where a snapshot was edited in the app its edit wins — a changed shipped version is kept beside it
/// as pending, for a supervisor to see both. All in one transaction.
/// </summary>
internal static class CatalogImport
{
    public static async Task<ImportReport> RunAsync(AufsichtDb db, IEnumerable<DataFile> shipped, DateTime now, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(shipped);
        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        var existing = await db.Snapshots.ToDictionaryAsync(s => (s.ServiceId, s.FactsAsOf), cancel).ConfigureAwait(false);
        int inserted = 0, updated = 0, unchanged = 0, conflicts = 0;
        foreach (var file in shipped.Where(f => f.Path.StartsWith(DataReader.ServicesFolder, StringComparison.Ordinal)))
        {
            var profile = ProfileReader.ReadService(file.Content);
            if (!profile.IsOk)
            {
                throw new InvalidOperationException($"{file.Path}: {profile.Errors[0].Field}: {Shared.Failures.Message(profile.Errors[0], Core.Law.Language.En)} (the shipped catalogue was validated before; this is a bug)");
            }

            var json = Encoding.UTF8.GetString(file.Content.Span);
            var hash = Convert.ToHexStringLower(SHA256.HashData(file.Content.Span));
            var key = (profile.Value.Id, profile.Value.FactsAsOf);
            if (!existing.TryGetValue(key, out var row))
            {
                db.Snapshots.Add(new SnapshotRecord
                {
                    ServiceId = key.Id,
                    FactsAsOf = key.FactsAsOf,
                    ProfileJson = json,
                    Origin = SnapshotOrigin.Shipped,
                    ShippedHash = hash,
                    UpdatedAt = now,
                });
                inserted++;
            }
            else if (row.ShippedHash == hash || row.PendingShippedHash == hash)
            {
                unchanged++;
            }
            else if (row.Origin == SnapshotOrigin.Shipped)
            {
                (row.ProfileJson, row.ShippedHash, row.UpdatedAt, row.UpdatedBy) = (json, hash, now, null);
                updated++;
            }
            else
            {
                (row.PendingShippedJson, row.PendingShippedHash) = (json, hash);
                conflicts++;
            }
        }

        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        if (inserted + updated + conflicts > 0)
        {
            await CatalogVersion.BumpAsync(db, cancel).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return new ImportReport(inserted, updated, unchanged, conflicts);
    }
}

/// <summary>The catalogue's version counter: every change bumps it, every instance reloads when it moved.</summary>
internal static class CatalogVersion
{
    public static Task<long> ReadAsync(AufsichtDb db, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CatalogState.AsNoTracking().Where(s => s.Id == 1).Select(s => s.Version).FirstOrDefaultAsync(cancel);
    }

    public static async Task BumpAsync(AufsichtDb db, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var state = await db.CatalogState.FindAsync([1], cancel).ConfigureAwait(false);
        if (state is null)
        {
            db.CatalogState.Add(new CatalogStateRecord { Id = 1, Version = 1 });
        }
        else
        {
            state.Version++;
        }

        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
    }
}
