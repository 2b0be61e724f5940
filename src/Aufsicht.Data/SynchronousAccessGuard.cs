using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Aufsicht.Data;

/// <summary>
/// Refuses every synchronous database command while it is switched on (the setting Aufsicht:ForbidSynchronousDatabase,
/// which the tests set). The banned-API analyzer catches SaveChanges, Count and the like at compile time, but not a
/// query enumerated synchronously (ToList, ToArray, foreach): a request that does so fails its test here instead of
/// blocking a pool thread in production. The few calls that must stay synchronous run inside <see cref="Allow"/>.
/// </summary>
public sealed class SynchronousAccessGuard : DbCommandInterceptor
{
    private static readonly AsyncLocal<bool> Allowed = new();

    public static SynchronousAccessGuard Instance { get; } = new();

    /// <summary>Lets the code in the returned scope run synchronous commands (an API that is synchronous by contract).</summary>
    public static IDisposable Allow()
    {
        var before = Allowed.Value;
        Allowed.Value = true;
        return new Scope(before);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Refuse(command, result);

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Refuse(command, result);

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Refuse(command, result);

    private static T Refuse<T>(DbCommand command, T result) =>
        Allowed.Value
            ? result
            : throw new InvalidOperationException("A synchronous database command ran where only asynchronous ones may (issue 11): " + command.CommandText.Split('\n')[0]);

    private sealed class Scope(bool before) : IDisposable
    {
        public void Dispose() => Allowed.Value = before;
    }
}
