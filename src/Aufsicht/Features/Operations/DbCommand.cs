using Aufsicht.Cli;
using Aufsicht.Data;
using Aufsicht.Web;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Operations;

/// <summary><c>aufsicht db migrate [--data-dir DIR] [--database CONNECTION]</c>: brings the schema up to date without starting the server.</summary>
internal static class DbCommand
{
    public static async Task<int> MigrateAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        var a = Arguments.Parse("db migrate", args, ["--data-dir", "--database"], [], context.Language);
        a.ExpectPositional(0, 0, "aufsicht db migrate [--data-dir DIR] [--database CONNECTION]");
        var options = ServerOptions.From(a);
        await using var db = DatabaseSetup.Open(options);
        var pending = await SafePendingAsync(db, cancel).ConfigureAwait(false);
        await DatabaseSetup.MigrateAsync(db, options, cancel, context.Language).ConfigureAwait(false);
        context.Terminal.Writer.WriteLine(Texts.T(context.Language, "cli.db.migrated", DatabaseSetup.Describe(options, context.Language), pending));
        return ExitCode.Ok;
    }

    private static async Task<int> SafePendingAsync(AufsichtDb db, CancellationToken cancel)
    {
        try
        {
            return (await db.Database.GetPendingMigrationsAsync(cancel).ConfigureAwait(false)).Count();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return 0; // MigrateAsync reports the real problem with a clear message.
        }
    }
}
