using Aufsicht.Cli;
using Aufsicht.Features.Shared;
using Aufsicht.Web;

namespace Aufsicht.Features.Bodies;

/// <summary>
/// <c>aufsicht bodies import FILE</c> and <c>aufsicht bodies export FILE.csv|FILE.xlsx</c>: the registry from the
/// command line, on the server's database, with the same use case and file format as the web pages. The export is
/// the machine-readable variant unless <c>--variant german</c> asks for the one the web page gives by default:
/// scripts that read it keep working, and a person who wants Excel's format says so.
/// </summary>
internal static class BodiesCommand
{
    public const string ImportUsage = "aufsicht bodies import <file.csv|file.xlsx> [--data-dir DIR] [--database CONNECTION]";
    public const string ExportUsage = "aufsicht bodies export <file.csv|file.xlsx> [--variant machine|german] [--data-dir DIR] [--database CONNECTION]";

    public static async Task<int> ImportAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        var a = Arguments.Parse("bodies import", args, ["--data-dir", "--database"], [], context.Language);
        a.ExpectPositional(1, 1, ImportUsage);
        var path = a.Positional[0];
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > BodyFile.MaxBytes)
            {
                throw new InputException(Texts.T(context.Language, "bodies.cli.tooLarge", path, BodyFile.MaxBytes / 1024 / 1024));
            }

            content = await File.ReadAllBytesAsync(path, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(Texts.T(context.Language, "bodies.cli.cannotRead", path, e.Message));
        }

        var options = ServerOptions.From(a);
        await using var db = DatabaseSetup.Open(options);
        await DatabaseSetup.MigrateAsync(db, options, cancel, context.Language).ConfigureAwait(false);
        var result = await new ImportBodies(db, context.Clock).RunAsync(content, path, cancel).ConfigureAwait(false);
        if (!result.IsOk)
        {
            var exit = CliFailures.Print(result.Errors, context, path, BodyText.Where);
            context.Error.WriteLine(Texts.T(context.Language, "bodies.cli.nothingImported"));
            return exit;
        }

        var report = result.Value;
        context.Terminal.Writer.WriteLine(Texts.T(context.Language, "bodies.cli.imported", path, report.Inserted, report.Updated, report.Unchanged, DatabaseSetup.Describe(options, context.Language)));
        return ExitCode.Ok;
    }

    public static async Task<int> ExportAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        var a = Arguments.Parse("bodies export", args, ["--data-dir", "--database", "--variant"], [], context.Language);
        a.ExpectPositional(1, 1, ExportUsage);
        var variant = a.Choice("--variant", "machine", "machine", "german") == "german" ? ExportVariant.German : ExportVariant.Machine;
        var path = a.Positional[0];
        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is not (".CSV" or ".XLSX"))
        {
            throw new InputException(Texts.T(context.Language, "bodies.cli.extension", path));
        }

        var options = ServerOptions.From(a);
        await using var db = DatabaseSetup.Open(options);
        await DatabaseSetup.MigrateAsync(db, options, cancel, context.Language).ConfigureAwait(false);
        var bodies = new List<Core.Bodies.BodyInput>();
        await foreach (var body in BodyMapping.All(db).WithCancellation(cancel).ConfigureAwait(false))
        {
            bodies.Add(body);
        }

        try
        {
            using var file = File.Create(path);
            if (extension == ".CSV")
            {
                BodyFile.WriteCsv(file, bodies, variant);
            }
            else
            {
                BodyFile.WriteXlsx(file, bodies, variant);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(Texts.T(context.Language, "bodies.cli.cannotWrite", path, e.Message));
        }

        context.Terminal.Writer.WriteLine(Texts.T(context.Language, "bodies.cli.exported", path, Documents.ReportFormat.Number(bodies.Count, context.Language)));
        return ExitCode.Ok;
    }
}
