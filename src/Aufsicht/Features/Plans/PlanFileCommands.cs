using System.Globalization;
using System.Text;
using Aufsicht.Cli;
using Aufsicht.Features.Bodies;
using Aufsicht.Web;

namespace Aufsicht.Features.Plans;

/// <summary>
/// <c>aufsicht plan export|progress</c>: a plan's files from the command line, the same as the plan page offers — the
/// packages as CSV or XLSX, the milestones as ICS, and progress imported from a file, all or nothing.
/// </summary>
internal static class PlanFileCommands
{
    public const string ExportUsage = "aufsicht plan export <plan-id> --format csv|xlsx|ics [--variant german|machine] [--out FILE] [--data-dir DIR] [--database CONNECTION]";
    public const string ProgressUsage = "aufsicht plan progress <plan-id> <file.csv|file.xlsx> [--data-dir DIR] [--database CONNECTION]";

    public static async Task<int> ExportAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        var l = context.Language;
        var a = Arguments.Parse("plan export", args, ["--format", "--variant", "--out", "--data-dir", "--database"], [], l);
        a.ExpectPositional(1, 1, ExportUsage);
        var id = PlanId(a.Positional[0], l);
        var format = a.Option("--format") ?? "csv";
        if (format is not ("csv" or "xlsx" or "ics"))
        {
            throw new InputException(Texts.T(l, "planFiles.cli.formatInvalid", format));
        }

        var variant = PlanPackagesFile.Variant(a.Option("--variant")) ?? throw new InputException(Texts.T(l, "planFiles.cli.variantInvalid", a.Option("--variant") ?? ""));
        var path = a.Option("--out");
        if (format == "xlsx" && path is null)
        {
            throw new InputException(Texts.T(l, "planFiles.cli.outMissing", ExportUsage));
        }

        var options = ServerOptions.From(a);
        await using var db = DatabaseSetup.Open(options);
        await DatabaseSetup.MigrateAsync(db, options, cancel, l).ConfigureAwait(false);
        if (await PlanFileData.LoadAsync(db, id, cancel).ConfigureAwait(false) is not { } data)
        {
            return CliFailures.Print([Core.Error.NotFound("plan", "plans.notFound", id.ToString(CultureInfo.InvariantCulture))], context, string.Empty);
        }

        data = data with { Migration = MigrationData.Load(DataFolder.Locate(options.Catalog)) };
        using var buffer = new MemoryStream();
        switch (format)
        {
            case "csv":
                PlanPackagesFile.WriteCsv(buffer, data, variant);
                break;
            case "xlsx":
                PlanPackagesFile.WriteXlsx(buffer, data, variant);
                break;
            default:
                var text = PlanCalendar.Render(data, l, context.Clock.GetUtcNow().UtcDateTime);
                buffer.Write(Encoding.UTF8.GetBytes(text));
                break;
        }

        if (path is null)
        {
            await using var stdout = context.OpenStdout();
            buffer.Position = 0;
            await buffer.CopyToAsync(stdout, cancel).ConfigureAwait(false);
            return ExitCode.Ok;
        }

        try
        {
            await File.WriteAllBytesAsync(path, buffer.ToArray(), cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(Texts.T(l, "planFiles.cli.cannotWrite", path, e.Message));
        }

        context.Error.WriteLine(Texts.T(l, "planFiles.cli.written", path));
        return ExitCode.Ok;
    }

    public static async Task<int> ProgressAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        var l = context.Language;
        var a = Arguments.Parse("plan progress", args, ["--data-dir", "--database"], [], l);
        a.ExpectPositional(2, 2, ProgressUsage);
        var id = PlanId(a.Positional[0], l);
        var path = a.Positional[1];
        byte[] content;
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > BodyFile.MaxBytes)
            {
                throw new InputException(Texts.T(l, "bodies.cli.tooLarge", path, BodyFile.MaxBytes / 1024 / 1024));
            }

            content = await File.ReadAllBytesAsync(path, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(Texts.T(l, "bodies.cli.cannotRead", path, e.Message));
        }

        var rows = ProgressFile.Read(content, path);
        if (!rows.IsOk)
        {
            return Refused(rows.Errors, context, path);
        }

        var options = ServerOptions.From(a);
        await using var db = DatabaseSetup.Open(options);
        await DatabaseSetup.MigrateAsync(db, options, cancel, l).ConfigureAwait(false);
        var stored = await new PlanProgress(db, context.Clock).SetActualsAsync(id, rows.Value.Entries, cancel).ConfigureAwait(false);
        if (!stored.IsOk)
        {
            return Refused(ProgressFile.Locate(stored.Errors, rows.Value), context, path);
        }

        context.Terminal.Writer.WriteLine(Texts.T(l, "planFiles.progress.done", Documents.ReportFormat.Number(stored.Value, l), Documents.ReportFormat.Number(rows.Value.Entries.Count, l)));
        return ExitCode.Ok;
    }

    private static int Refused(IReadOnlyList<Core.Error> errors, CliContext context, string path)
    {
        foreach (var error in errors)
        {
            context.Error.WriteLine($"{path}: {PlanFilesText.Line(error, context.Language)}");
        }

        context.Error.WriteLine(Texts.T(context.Language, "planFiles.cli.nothingStored"));
        return ExitCode.InvalidInput;
    }

    private static long PlanId(string text, Core.Law.Language l) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : throw new InputException(Texts.T(l, "plans.cli.notPlanId", text));
}
