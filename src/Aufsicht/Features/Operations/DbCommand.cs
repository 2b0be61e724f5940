using Aufsicht.Cli;
using Aufsicht.Data;
using Aufsicht.Web;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Operations;

/// <summary><c>aufsicht db migrate [--data-dir DIR] [--database CONNECTION]</c>: brings the schema up to date without starting the server.</summary>
internal static class DbCommand
{
    public static int Migrate(IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse("db migrate", args, ["--data-dir", "--database"], []);
        a.ExpectPositional(0, 0, "aufsicht db migrate [--data-dir DIR] [--database CONNECTION]");
        var options = ServerOptions.From(a);
        using var db = DatabaseSetup.Open(options);
        var pending = SafePending(db);
        DatabaseSetup.Migrate(db, options);
        context.Terminal.Writer.WriteLine($"{DatabaseSetup.Describe(options)}: schema up to date ({pending} migration(s) applied)");
        return ExitCode.Ok;
    }

    private static int SafePending(AufsichtDb db)
    {
        try
        {
            return db.Database.GetPendingMigrations().Count();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return 0; // Migrate() reports the real problem with a clear message.
        }
    }
}
