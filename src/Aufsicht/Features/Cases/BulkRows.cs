using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Aufsicht.Features.Cases;

/// <summary>
/// Plain INSERTs of many rows inside an open transaction, for opening thousands of cases at once without EF Core's
/// change tracker: on PostgreSQL a few hundred rows to a statement (one round trip each); on SQLite, which has no round
/// trips, one prepared single-row statement bound and stepped per row (as <c>Evaluations.InsertAsync</c> does, for the
/// same measured reason: binding a multi-row statement's thousands of named parameters costs time quadratic in their number).
/// Values are the stored forms (strings for enums, UTC times); null is written as NULL.
/// </summary>
internal static class BulkRows
{
    private const int RowsPerStatement = 400;

    /// <summary>Inserts the rows.</summary>
    public static async Task InsertAsync<T>(DbConnection connection, DbTransaction transaction, string table, string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancel)
    {
        await foreach (var _ in RunAsync(connection, transaction, table, columns, rows, values, null, cancel).ConfigureAwait(false))
        {
        }
    }

    /// <summary>
    /// Inserts the rows and gives back, per row, the value of <paramref name="returned"/> (the generated id) with the value of
    /// <paramref name="key"/> (a column unique among the rows, to tell the rows apart: a multi-row INSERT's RETURNING promises no order).
    /// </summary>
    public static async Task<Dictionary<long, long>> InsertReturningAsync<T>(DbConnection connection, DbTransaction transaction, string table, string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, string key, string returned, CancellationToken cancel)
    {
        var ids = new Dictionary<long, long>(rows.Count);
        await foreach (var (k, id) in RunAsync(connection, transaction, table, columns, rows, values, (key, returned), cancel).ConfigureAwait(false))
        {
            ids.Add(k, id);
        }

        return ids;
    }

    private static async IAsyncEnumerable<(long Key, long Returned)> RunAsync<T>(DbConnection connection, DbTransaction transaction, string table, string[] columns, IReadOnlyList<T> rows, Func<T, object?[]> values, (string Key, string Returned)? returning, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        var perStatement = connection is Microsoft.Data.Sqlite.SqliteConnection ? 1 : RowsPerStatement;
        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                if (command is null || command.Parameters.Count != count * columns.Length)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync().ConfigureAwait(false);
                    }

                    command = Command(connection, transaction, table, columns, count, returning);
                }

                for (var r = 0; r < count; r++)
                {
                    var row = values(rows[start + r]);
                    for (var c = 0; c < columns.Length; c++)
                    {
                        command.Parameters[(r * columns.Length) + c].Value = row[c] ?? DBNull.Value;
                    }
                }

                if (returning is null)
                {
                    await command.ExecuteNonQueryAsync(cancel).ConfigureAwait(false);
                    continue;
                }

                var back = new List<(long, long)>(count);
                var reader = await command.ExecuteReaderAsync(cancel).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancel).ConfigureAwait(false))
                    {
                        back.Add((reader.GetInt64(0), reader.GetInt64(1)));
                    }
                }

                foreach (var pair in back)
                {
                    yield return pair;
                }
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>An INSERT of <paramref name="count"/> rows with parameters @p{row}_{column}, values still to be set.</summary>
    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string table, string[] columns, int count, (string Key, string Returned)? returning)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder($"INSERT INTO {table} (\"{string.Join("\", \"", columns)}\") VALUES ");
        for (var r = 0; r < count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        if (returning is { } back)
        {
            sql.Append(CultureInfo.InvariantCulture, $" RETURNING \"{back.Key}\", \"{back.Returned}\"");
        }

        command.CommandText = sql.ToString();
        return command;
    }
}
