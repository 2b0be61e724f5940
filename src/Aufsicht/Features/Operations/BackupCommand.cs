using Aufsicht.Cli;
using Aufsicht.Core.Law;
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
        var (file, options) = Parse("backup", args, context);
        var source = DatabaseSetup.SqliteFile(options);
        if (!File.Exists(source))
        {
            throw new InputException(Texts.T(context.Language, "cli.backup.noDatabase", source));
        }

        if (File.Exists(file))
        {
            throw new InputException(Texts.T(context.Language, "cli.backup.exists", file));
        }

        Copy(source, file, context.Language);
        context.Terminal.Writer.WriteLine(Texts.T(context.Language, "cli.backup.done", source, Path.GetFullPath(file), Documents.ReportFormat.Number(new FileInfo(file).Length, context.Language)));
        return ExitCode.Ok;
    }

    public static int Restore(IEnumerable<string> args, CliContext context)
    {
        var (file, options) = Parse("restore", args, context);
        if (!File.Exists(file))
        {
            throw new InputException(Texts.T(context.Language, "cli.restore.missing", file));
        }

        if (!IsAufsichtDatabase(file))
        {
            throw new InputException(Texts.T(context.Language, "cli.restore.notAufsicht", file));
        }

        var target = DatabaseSetup.SqliteFile(options);
        Directory.CreateDirectory(options.DataDir);
        Copy(file, target, context.Language);
        context.Terminal.Writer.WriteLine(Texts.T(context.Language, "cli.restore.done", Path.GetFullPath(file), target));
        return ExitCode.Ok;
    }

    private static (string File, ServerOptions Options) Parse(string command, IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse(command, args, ["--data-dir"], [], context.Language);
        a.ExpectPositional(1, 1, $"aufsicht {command} FILE [--data-dir DIR]");
        var options = ServerOptions.From(a);
        if (options.Database is not null)
        {
            throw new InputException(Texts.T(context.Language, "cli.backup.postgres", command));
        }

        return (a.Positional[0], options);
    }

    private static void Copy(string from, string to, Language language)
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
            throw new InputException(Texts.T(language, "cli.backup.copyFailed", from, to, e.Message));
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
