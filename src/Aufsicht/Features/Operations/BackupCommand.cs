using Aufsicht.Cli;
using Aufsicht.Web;
using Microsoft.Data.Sqlite;

namespace Aufsicht.Features.Operations;

/// <summary>
/// <c>aufsicht backup FILE</c> and <c>aufsicht restore FILE</c> for the embedded SQLite database. The backup uses
/// SQLite's online backup, so it is consistent while the app runs. PostgreSQL installations use pg_dump/pg_restore.
/// </summary>
internal static class BackupCommand
{
    public static int Backup(IEnumerable<string> args, CliContext context)
    {
        var (file, options) = Parse("backup", args);
        var source = DatabaseSetup.SqliteFile(options);
        if (!File.Exists(source))
        {
            throw new InputException($"backup: there is no database at {source} (--data-dir names the app's data folder)");
        }

        if (File.Exists(file))
        {
            throw new InputException($"backup: {file} exists already; choose a new file name");
        }

        Copy(source, file);
        context.Terminal.Writer.WriteLine($"backed up {source} to {Path.GetFullPath(file)} ({new FileInfo(file).Length} bytes)");
        return ExitCode.Ok;
    }

    public static int Restore(IEnumerable<string> args, CliContext context)
    {
        var (file, options) = Parse("restore", args);
        if (!File.Exists(file))
        {
            throw new InputException($"restore: {file} does not exist");
        }

        if (!IsAufsichtDatabase(file))
        {
            throw new InputException($"restore: {file} is not an Aufsicht database (no schema history inside); nothing was changed");
        }

        var target = DatabaseSetup.SqliteFile(options);
        Directory.CreateDirectory(options.DataDir);
        Copy(file, target);
        context.Terminal.Writer.WriteLine($"restored {Path.GetFullPath(file)} into {target}; start the app (or restart it) to use it");
        return ExitCode.Ok;
    }

    private static (string File, ServerOptions Options) Parse(string command, IEnumerable<string> args)
    {
        var a = Arguments.Parse(command, args, ["--data-dir"], []);
        a.ExpectPositional(1, 1, $"aufsicht {command} FILE [--data-dir DIR]");
        var options = ServerOptions.From(a);
        if (options.Database is not null)
        {
            throw new InputException($"{command}: this installation uses PostgreSQL (AUFSICHT_DATABASE is set); use pg_dump / pg_restore there");
        }

        return (a.Positional[0], options);
    }

    private static void Copy(string from, string to)
    {
        try
        {
            using var source = new SqliteConnection($"Data Source={from};Mode=ReadOnly;Pooling=False");
            using var target = new SqliteConnection($"Data Source={to};Pooling=False");
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }
        catch (SqliteException e)
        {
            throw new InputException($"cannot copy {from} to {to}: {e.Message}");
        }
    }

    private static bool IsAufsichtDatabase(string file)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('__EFMigrationsHistory','snapshots')";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 2;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
