using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Aufsicht.Core;
using Aufsicht.Core.Json;
using Aufsicht.Core.Surveys;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Surveys;

/// <summary>
/// The questionnaire versions of the database, each parsed once: a version never changes after import, so the
/// parsed definition can be kept for the life of the process.
/// </summary>
internal sealed class QuestionnaireStore(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<long, (QuestionnaireRecord Record, Questionnaire Definition)> _cache = new();

    public (QuestionnaireRecord Record, Questionnaire Definition) Get(long id) =>
        _cache.GetOrAdd(id, key =>
        {
            using var scope = scopes.CreateScope();
            var record = scope.ServiceProvider.GetRequiredService<AufsichtDb>().Questionnaires.AsNoTracking().Single(q => q.Id == key);
            var read = QuestionnaireReader.Read(Encoding.UTF8.GetBytes(record.DefinitionJson));
            return read.IsOk ? (record, read.Value) : throw new InvalidOperationException($"questionnaire {key} in the database is invalid: {read.Errors[0]}");
        });
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

    public Result<QuestionnaireImported> Run(ReadOnlyMemory<byte> content, string? user)
    {
        if (content.Length > MaxBytes)
        {
            return Result<QuestionnaireImported>.Fail(string.Empty, $"the file has {content.Length} bytes; at most {MaxBytes} are allowed");
        }

        var read = QuestionnaireReader.Read(content);
        if (!read.IsOk)
        {
            return Result<QuestionnaireImported>.Fail(read.Errors);
        }

        return Result<QuestionnaireImported>.Ok(Store(db, read.Value.Key, content, user, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Stores a definition already checked; used by <see cref="Run"/> and at start for the shipped questionnaires.</summary>
    public static QuestionnaireImported Store(AufsichtDb db, string key, ReadOnlyMemory<byte> content, string? user, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var latest = db.Questionnaires.Where(q => q.Key == key).OrderByDescending(q => q.Version).FirstOrDefault();
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
        db.SaveChanges();
        return new QuestionnaireImported(record.Id, key, record.Version, IsNew: true);
    }

    /// <summary>The shipped questionnaires (data/questionnaires/), at start; invalid shipped data is a bug of the release.</summary>
    public static void Shipped(AufsichtDb db, IEnumerable<DataFile> files, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files.Where(f => f.Path.StartsWith("questionnaires/", StringComparison.Ordinal)))
        {
            var read = QuestionnaireReader.Read(file.Content);
            if (!read.IsOk)
            {
                throw new InvalidOperationException($"{file.Path}: {read.Errors[0]} (the shipped data were validated before; this is a bug)");
            }

            Store(db, read.Value.Key, file.Content, "shipped", now);
        }
    }
}
