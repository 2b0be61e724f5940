using Aufsicht.Cli;
using Aufsicht.Web;

namespace Aufsicht.Features.Bodies;

/// <summary>
/// <c>aufsicht bodies import FILE</c> and <c>aufsicht bodies export FILE.csv|FILE.xlsx</c>: the registry from the
/// command line, on the server's database, with the same use case and file format as the web pages.
/// </summary>
internal static class BodiesCommand
{
    public const string ImportUsage = "aufsicht bodies import <file.csv|file.xlsx> [--data-dir DIR] [--database CONNECTION]";
    public const string ExportUsage = "aufsicht bodies export <file.csv|file.xlsx> [--data-dir DIR] [--database CONNECTION]";

    public static int Import(IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse("bodies import", args, ["--data-dir", "--database"], []);
        a.ExpectPositional(1, 1, ImportUsage);
        var path = a.Positional[0];
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > BodyFile.MaxBytes)
            {
                throw new InputException($"bodies import: {path}: the file is larger than {BodyFile.MaxBytes / 1024 / 1024} MB; split it into several files");
            }

            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"bodies import: cannot read {path}: {e.Message}");
        }

        var options = ServerOptions.From(a);
        using var db = DatabaseSetup.Open(options);
        DatabaseSetup.Migrate(db, options);
        var result = new ImportBodies(db, context.Clock).ExecuteAsync(content, path).GetAwaiter().GetResult();
        if (!result.IsOk)
        {
            foreach (var error in result.Errors)
            {
                context.Error.WriteLine($"{path}: {error}");
            }

            context.Error.WriteLine("aufsicht: nothing was imported");
            return ExitCode.InvalidInput;
        }

        var report = result.Value;
        context.Terminal.Writer.WriteLine($"{path}: {report.Inserted} added, {report.Updated} updated, {report.Unchanged} unchanged ({DatabaseSetup.Describe(options)})");
        return ExitCode.Ok;
    }

    public static int Export(IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse("bodies export", args, ["--data-dir", "--database"], []);
        a.ExpectPositional(1, 1, ExportUsage);
        var path = a.Positional[0];
        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is not (".CSV" or ".XLSX"))
        {
            throw new InputException($"bodies export: {path}: the name must end in .csv or .xlsx (that decides the format)");
        }

        var options = ServerOptions.From(a);
        using var db = DatabaseSetup.Open(options);
        DatabaseSetup.Migrate(db, options);
        var bodies = BodyMapping.All(db).ToBlockingEnumerable().ToList();
        try
        {
            using var file = File.Create(path);
            if (extension == ".CSV")
            {
                BodyFile.WriteCsv(file, bodies);
            }
            else
            {
                BodyFile.WriteXlsx(file, bodies);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"bodies export: cannot write {path}: {e.Message}");
        }

        context.Terminal.Writer.WriteLine($"{path}: {bodies.Count} bodies exported");
        return ExitCode.Ok;
    }
}
