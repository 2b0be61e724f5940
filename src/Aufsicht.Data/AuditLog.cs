using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Data;

/// <summary>Where the audit chain first breaks: the entry's position and what is wrong with it.</summary>
/// <param name="Sequence">The first entry that does not fit.</param>
/// <param name="Problem"><c>hash</c>: its content no longer matches its hash; <c>link</c>: it does not name the hash of the entry before it; <c>gap</c>: entries before it are missing.</param>
public sealed record AuditBreak(long Sequence, string Problem);

/// <summary>
/// The append-only, hash-chained audit log of case actions. An entry is added in the same unit of work as the change it
/// records (one SaveChanges), so the log and the data cannot disagree. The database refuses updates and deletes on the
/// table (triggers); the chain finds what someone with direct access to the database changed anyway.
/// </summary>
public static class AuditLog
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Adds an entry after the last one (saved or added in this context) to the context; the caller saves. Two
    /// writers appending after the same entry collide on the unique previous hash, so one of them fails and retries.
    /// </summary>
    public static async Task<AuditRecord> AddAsync(AufsichtDb db, DateTime at, string actor, string action, long? caseId, string dataJson, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = db.AuditLog.Local.Where(a => db.Entry(a).State == EntityState.Added).OrderByDescending(a => a.Sequence).FirstOrDefault();
        var last = pending is not null ? (pending.Sequence, pending.Hash) : await LastAsync(db, cancel).ConfigureAwait(false);
        var entry = Chain(last, at, actor, action, caseId, dataJson);
        db.AuditLog.Add(entry);
        return entry;
    }

    /// <summary>
    /// Adds many entries at once after the last saved one, chained in the given order; the caller saves. For bulk
    /// actions (opening thousands of cases): the last entry is read once, not once per entry.
    /// </summary>
    public static async Task<IReadOnlyList<AuditRecord>> AddRangeAsync(AufsichtDb db, DateTime at, string actor, IEnumerable<(string Action, long? CaseId, string DataJson)> entries, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        var last = await LastAsync(db, cancel).ConfigureAwait(false);
        var added = new List<AuditRecord>();
        foreach (var (action, caseId, data) in entries)
        {
            var entry = Chain(last, at, actor, action, caseId, data);
            last = (entry.Sequence, entry.Hash);
            added.Add(entry);
        }

        db.AuditLog.AddRange(added);
        return added;
    }

    /// <summary>The position and hash of the last saved entry; (0, <see cref="Genesis"/>) for an empty log.</summary>
    /// <summary>The last entry's position and hash (0 and <see cref="Genesis"/> for an empty log): where a new entry chains on.</summary>
    public static async Task<(long Sequence, string Hash)> LastAsync(AufsichtDb db, CancellationToken cancel)
    {
        var last = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash })
            .FirstOrDefaultAsync(cancel).ConfigureAwait(false);
        return last is null ? (0, Genesis) : (last.Sequence, last.Hash);
    }

    /// <summary>
    /// The entry after <paramref name="previous"/>, its time cut to microseconds (what PostgreSQL gives back) before
    /// hashing; not added to any context (a bulk writer inserts it itself).
    /// </summary>
    public static AuditRecord Chain((long Sequence, string Hash) previous, DateTime at, string actor, string action, long? caseId, string dataJson)
    {
        var sequence = previous.Sequence + 1;
        var stamp = new DateTime(at.Ticks - (at.Ticks % 10), DateTimeKind.Utc);
        return new AuditRecord
        {
            Sequence = sequence,
            At = stamp,
            Actor = actor,
            Action = action,
            CaseId = caseId,
            DataJson = dataJson,
            PreviousHash = previous.Hash,
            Hash = HashOf(sequence, stamp, actor, action, caseId, dataJson, previous.Hash),
        };
    }

    /// <summary>SHA-256 (lower-case hex) over the entry's fields, written as one JSON array so no two field lists hash alike.</summary>
    public static string HashOf(long sequence, DateTime at, string actor, string action, long? caseId, string dataJson, string previousHash)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            sequence,
            DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            actor,
            action,
            caseId,
            dataJson,
            previousHash,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Walks the chain in order; the first entry that does not fit, or null with the number of entries when all do.</summary>
    public static async Task<(AuditBreak? Break, long Count)> VerifyAsync(AufsichtDb db, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var expectedPrevious = Genesis;
        long expectedSequence = 1, count = 0;
        await foreach (var e in db.AuditLog.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancel).ConfigureAwait(false))
        {
            if (e.Sequence != expectedSequence)
            {
                return (new AuditBreak(e.Sequence, "gap"), count);
            }

            if (e.PreviousHash != expectedPrevious)
            {
                return (new AuditBreak(e.Sequence, "link"), count);
            }

            if (HashOf(e.Sequence, e.At, e.Actor, e.Action, e.CaseId, e.DataJson, e.PreviousHash) != e.Hash)
            {
                return (new AuditBreak(e.Sequence, "hash"), count);
            }

            expectedPrevious = e.Hash;
            expectedSequence++;
            count++;
        }

        return (null, count);
    }
}

/// <summary>The triggers that make the audit log append-only in the database: an update or delete is refused.</summary>
public static class AuditLogTriggers
{
    // The table names come from the migrations (constants), never from input.
    public static string Sqlite(string table = "audit_log") => $"""
        CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
        CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
        """;

    public static string Postgres(string table = "audit_log") => $$"""
        CREATE FUNCTION {{table}}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '{{table}} is append-only'; END $$;
        CREATE TRIGGER {{table}}_no_change BEFORE UPDATE OR DELETE ON {{table}} FOR EACH ROW EXECUTE FUNCTION {{table}}_append_only();
        """;

    public static string Drop(bool postgres, string table = "audit_log") => postgres
        ? $"DROP TRIGGER IF EXISTS {table}_no_change ON {table}; DROP FUNCTION IF EXISTS {table}_append_only();"
        : $"DROP TRIGGER IF EXISTS {table}_no_update; DROP TRIGGER IF EXISTS {table}_no_delete;";
}
