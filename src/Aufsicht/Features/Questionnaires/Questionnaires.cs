using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aufsicht.Core;
using Aufsicht.Core.DataFiles;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Questionnaires;

/// <summary>
/// The questionnaire versions of the database, each parsed once: a version never changes after import, so the
/// parsed definition can be kept for the life of the process.
/// </summary>
internal sealed class QuestionnaireStore(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<long, (QuestionnaireRecord Record, Questionnaire Definition)> _cache = new();

    /// <summary>A version, read from the database the first time it is asked for (asynchronously, with its own connection).</summary>
    public async ValueTask<(QuestionnaireRecord Record, Questionnaire Definition)> GetAsync(long id, CancellationToken cancel)
    {
        if (_cache.TryGetValue(id, out var cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var record = await scope.ServiceProvider.GetRequiredService<AufsichtDb>().Questionnaires.AsNoTracking()
            .SingleAsync(q => q.Id == id, cancel).ConfigureAwait(false);
        return _cache.GetOrAdd(id, Parse(record));
    }

    /// <summary>
    /// A version already loaded by <see cref="GetAsync"/>: request paths load it asynchronously first (the link, the
    /// page handler, the use case), so that views and the evaluator can ask for it synchronously.
    /// </summary>
    public (QuestionnaireRecord Record, Questionnaire Definition) Get(long id) =>
        _cache.GetOrAdd(id, key =>
        {
            using var scope = scopes.CreateScope();
#pragma warning disable RS0030 // Only reached if a caller did not load the version with GetAsync first (a miss of a cache that never empties); every request path does.
            var record = scope.ServiceProvider.GetRequiredService<AufsichtDb>().Questionnaires.AsNoTracking().Single(q => q.Id == key);
#pragma warning restore RS0030
            return Parse(record);
        });

    /// <summary>An error that can only be a bug (data checked before it was stored or shipped), for the exception's English message.</summary>
    internal static string Bug(Error error) => $"{error.Field}: {Shared.Failures.Message(error, Core.Law.Language.En)}";

    private static (QuestionnaireRecord Record, Questionnaire Definition) Parse(QuestionnaireRecord record)
    {
        var read = QuestionnaireReader.Read(Encoding.UTF8.GetBytes(record.DefinitionJson));
        return read.IsOk ? (record, read.Value) : throw new InvalidOperationException($"questionnaire {record.Id} in the database is invalid: {Bug(read.Errors[0])}");
    }
}

/// <summary>What importing a questionnaire definition did.</summary>
internal sealed record QuestionnaireImported(long Id, string Key, int Version, bool IsNew);

/// <summary>
/// Imports a questionnaire definition: checked in full first (nothing is stored on any error); the same content again
/// is no new version; changed content under a known key becomes the next version, so campaigns keep theirs.
/// </summary>
internal sealed class ImportQuestionnaire(AufsichtDb db, TimeProvider clock)
{
    public const int MaxBytes = 1024 * 1024;

    public async Task<Result<QuestionnaireImported>> RunAsync(ReadOnlyMemory<byte> content, string? user, CancellationToken cancel)
    {
        if (content.Length > MaxBytes)
        {
            return Error.TooLarge(string.Empty, "questionnairefile.tooLarge", content.Length.ToString(CultureInfo.InvariantCulture), MaxBytes.ToString(CultureInfo.InvariantCulture));
        }

        var read = QuestionnaireReader.Read(content);
        if (!read.IsOk)
        {
            return Result<QuestionnaireImported>.Fail(read.Errors);
        }

        return Result<QuestionnaireImported>.Ok(await StoreAsync(db, read.Value.Key, content, user, clock.GetUtcNow().UtcDateTime, cancel).ConfigureAwait(false));
    }

    /// <summary>Stores a definition already checked; used by <see cref="RunAsync"/> and at start for the shipped questionnaires.</summary>
    public static async Task<QuestionnaireImported> StoreAsync(AufsichtDb db, string key, ReadOnlyMemory<byte> content, string? user, DateTime now, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var latest = await db.Questionnaires.Where(q => q.Key == key).OrderByDescending(q => q.Version).FirstOrDefaultAsync(cancel).ConfigureAwait(false);
        if (latest is not null && latest.Hash == hash)
        {
            return new QuestionnaireImported(latest.Id, key, latest.Version, IsNew: false);
        }

        var record = new QuestionnaireRecord
        {
            Key = key,
            Version = (latest?.Version ?? 0) + 1,
            DefinitionJson = Encoding.UTF8.GetString(content.Span),
            Hash = hash,
            ImportedAt = now,
            ImportedBy = user,
        };
        db.Questionnaires.Add(record);
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        return new QuestionnaireImported(record.Id, key, record.Version, IsNew: true);
    }

    /// <summary>The shipped questionnaires (data/questionnaires/), at start; invalid shipped data is a bug of the release.</summary>
    public static async Task ShippedAsync(AufsichtDb db, IEnumerable<DataFile> files, DateTime now, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files.Where(f => f.Path.StartsWith("questionnaires/", StringComparison.Ordinal)))
        {
            var read = QuestionnaireReader.Read(file.Content);
            if (!read.IsOk)
            {
                throw new InvalidOperationException($"{file.Path}: {QuestionnaireStore.Bug(read.Errors[0])} (the shipped data were validated before; this is a bug)");
            }

            await StoreAsync(db, read.Value.Key, file.Content, "shipped", now, cancel).ConfigureAwait(false);
        }
    }
}
