using System.Data.Common;
using System.Threading.Channels;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Aufsicht.Features.Responses;

/// <summary>
/// A save or submission worked out in full from the response as its request found it (<paramref name="Seen"/>; null:
/// none yet): what to write if the response is still at that revision, or still absent.
/// </summary>
internal sealed record PendingWrite(
    long CampaignId,
    long BodyId,
    ResponseRecord? Seen,
    string Json,
    DateTime Now,
    bool Submit,
    int Version,
    string? Receipt,
    (EvaluationRecord Evaluation, List<EvaluationServiceRecord> Services)? Rows);

/// <summary>
/// Group commit for respondents' writes. Concurrent saves and submissions queue here, and one writer puts all that are
/// waiting into one transaction: one commit and one fsync for the lot, and on PostgreSQL two round trips instead of
/// seven per submission (bench/README.md, issue 4). Each write holds only if the response is still at the revision its
/// request saw; the writer answers false for one that does not (another window saved first, a double submit) and for
/// every write of a batch that failed, and the caller then takes the careful path in a transaction of its own. True
/// comes only after the commit: an acknowledged submission is on disk.
/// </summary>
internal sealed partial class ResponseWriter(IServiceScopeFactory scopes, ILogger<ResponseWriter> log) : IAsyncDisposable
{
    /// <summary>At most this many writes share a transaction.</summary>
    public const int MaxBatch = 64;

    /// <summary>
    /// SQLite lets one connection write at a time; a second BEGIN IMMEDIATE gets SQLITE_BUSY, and Microsoft.Data.Sqlite
    /// then sleeps 150 ms before each retry. Response writes in this process therefore take turns here instead.
    /// PostgreSQL needs no such gate.
    /// </summary>
    public static readonly SemaphoreSlim SqliteGate = new(1, 1);

    private readonly Channel<(PendingWrite Write, TaskCompletionSource<bool> Done)> _queue =
        Channel.CreateUnbounded<(PendingWrite, TaskCompletionSource<bool>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Lock _starting = new();

    private Task? _task;

    /// <summary>Queues <paramref name="write"/>; true once it is committed, false if the caller must write it alone.</summary>
    public Task<bool> WriteAsync(PendingWrite write)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((write, done)))
        {
            return Task.FromResult(false);
        }

        Start();
        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_task is { } task)
        {
            await task.ConfigureAwait(false);
        }
    }

    private void Start()
    {
        if (_task is not null)
        {
            return;
        }

        lock (_starting)
        {
            _task ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<(PendingWrite Write, TaskCompletionSource<bool> Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            var written = await CommitAsync(batch.ConvertAll(b => b.Write)).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(written[i]);
            }

            batch.Clear();
        }
    }

    /// <summary>Writes <paramref name="writes"/> in one transaction: for each, whether it took effect; all false if the transaction failed.</summary>
    internal async Task<bool[]> CommitAsync(List<PendingWrite> writes)
    {
        try
        {
            return await WriteBatchAsync(writes).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever failed, each write of the batch is then tried alone, where its error reaches its own request.
        catch (Exception e)
#pragma warning restore CA1031
        {
            BatchFailed(log, e, writes.Count);
            return new bool[writes.Count];
        }
    }

    private async Task<bool[]> WriteBatchAsync(List<PendingWrite> writes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await SqliteGate.WaitAsync().ConfigureAwait(false);
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            using var statements = new Statements(db.Database.GetDbConnection(), transaction.GetDbTransaction());

            // First the responses: each update (or first insert) takes effect only if the response is as its request saw it.
            var ids = await statements.ScalarsAsync(writes.ConvertAll(ResponseStatement)).ConfigureAwait(false);

            // Then, for those that did, the submitted version and the evaluation in place of the earlier one.
            var rest = new List<Statement>();
            for (var i = 0; i < writes.Count; i++)
            {
                if (ids[i] is long id)
                {
                    rest.AddRange(Rows(writes[i], id));
                }
            }

            await statements.ExecuteAsync(rest).ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
            return ids.ConvertAll(id => id is not null).ToArray();
        }
        finally
        {
            if (sqlite)
            {
                SqliteGate.Release();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} response writes failed; each is now written on its own")]
    private static partial void BatchFailed(ILogger logger, Exception exception, int count);

    private static Statement ResponseStatement(PendingWrite w) => w.Seen is { } seen
        ? new Statement(
            """
            UPDATE responses SET "DraftJson" = @p0, "UpdatedAt" = @p1, "Revision" = @p2, "SubmittedVersion" = @p3, "SubmittedAt" = @p4
            WHERE "Id" = @p5 AND "Revision" = @p6 RETURNING "Id"
            """,
            w.Json, w.Now, seen.Revision + 1, w.Version, w.Submit ? w.Now : seen.SubmittedAt, seen.Id, seen.Revision)
        : new Statement(
            """
            INSERT INTO responses ("CampaignId", "BodyId", "DraftJson", "Revision", "SubmittedVersion", "StartedAt", "UpdatedAt", "SubmittedAt")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7) ON CONFLICT ("CampaignId", "BodyId") DO NOTHING RETURNING "Id"
            """,
            w.CampaignId, w.BodyId, w.Json, 1, w.Version, w.Now, w.Now, w.Submit ? w.Now : null);

    private static IEnumerable<Statement> Rows(PendingWrite w, long responseId)
    {
        if (!w.Submit || w.Rows is not var (evaluation, services))
        {
            yield break;
        }

        yield return new Statement(
            """INSERT INTO response_versions ("ResponseId", "Version", "AnswersJson", "SubmittedAt", "Receipt") VALUES (@p0, @p1, @p2, @p3, @p4)""",
            responseId, w.Version, w.Json, w.Now, w.Receipt);
        if (w.Version > 1)
        {
            // Only an earlier submission (or a re-evaluation of it) left evaluation rows to replace.
            yield return new Statement("""DELETE FROM evaluations WHERE "CampaignId" = @p0 AND "BodyId" = @p1""", w.CampaignId, w.BodyId);
            yield return new Statement("""DELETE FROM evaluation_services WHERE "CampaignId" = @p0 AND "BodyId" = @p1""", w.CampaignId, w.BodyId);
        }

        yield return new Statement(
            """
            INSERT INTO evaluations ("CampaignId", "BodyId", "Version", "Status", "MainFindings", "ResultJson", "AsOf", "Authority", "EvaluatedAt")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)
            """,
            evaluation.CampaignId, evaluation.BodyId, evaluation.Version, evaluation.Status.ToStored(), evaluation.MainFindings, evaluation.ResultJson,
            evaluation.AsOf, evaluation.Authority, evaluation.EvaluatedAt);
        foreach (var s in services)
        {
            yield return new Statement(
                """INSERT INTO evaluation_services ("CampaignId", "BodyId", "Service", "Verdict") VALUES (@p0, @p1, @p2, @p3)""",
                s.CampaignId, s.BodyId, s.Service, s.Verdict.ToStored());
        }
    }

    /// <summary>One SQL statement with its values for the parameters @p0, @p1, ….</summary>
    private sealed record Statement(string Sql, params object?[] Values);

    /// <summary>
    /// Runs statements in the transaction: on PostgreSQL all in one batch (one round trip); on SQLite, which has no round
    /// trips, one after another, each distinct text prepared once.
    /// </summary>
    private sealed class Statements(DbConnection connection, DbTransaction transaction) : IDisposable
    {
        private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);

        public void Dispose()
        {
            foreach (var command in _prepared.Values)
            {
                command.Dispose();
            }
        }

        /// <summary>The first column of each statement's first row; null where it returned none.</summary>
        public async Task<List<long?>> ScalarsAsync(List<Statement> statements)
        {
            var results = new List<long?>(statements.Count);
            if (connection.CanCreateBatch)
            {
                await using var batch = Batch(statements);
                await using var reader = await batch.ExecuteReaderAsync().ConfigureAwait(false);
                do
                {
                    results.Add(await reader.ReadAsync().ConfigureAwait(false) ? reader.GetInt64(0) : null);
                }
                while (await reader.NextResultAsync().ConfigureAwait(false));

                return results;
            }

            foreach (var statement in statements)
            {
                var value = await Command(statement).ExecuteScalarAsync().ConfigureAwait(false);
                results.Add(value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
            }

            return results;
        }

        public async Task ExecuteAsync(List<Statement> statements)
        {
            if (statements.Count == 0)
            {
                return;
            }

            if (connection.CanCreateBatch)
            {
                await using var batch = Batch(statements);
                await batch.ExecuteNonQueryAsync().ConfigureAwait(false);
                return;
            }

            foreach (var statement in statements)
            {
                await Command(statement).ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        private DbBatch Batch(List<Statement> statements)
        {
            var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var statement in statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = statement.Sql;
                for (var i = 0; i < statement.Values.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = Name(i);
                    parameter.Value = statement.Values[i] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }

            return batch;
        }

        private DbCommand Command(Statement statement)
        {
            if (!_prepared.TryGetValue(statement.Sql, out var command))
            {
                command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = statement.Sql;
                for (var i = 0; i < statement.Values.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = Name(i);
                    command.Parameters.Add(parameter);
                }

                _prepared[statement.Sql] = command;
            }

            for (var i = 0; i < statement.Values.Length; i++)
            {
                command.Parameters[i].Value = statement.Values[i] ?? DBNull.Value;
            }

            return command;
        }

        private static string Name(int i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
