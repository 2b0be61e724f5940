using Aufsicht.Cli;
using Aufsicht.Features.Bodies;
using Aufsicht.Web;

namespace Aufsicht.Features.Inventory;

/// <summary>
/// <c>aufsicht inventory import|export|from-campaign</c>: the migration inventory from the command line, on the
/// server's database, with the same use cases and file format as the pages under <c>/migration/inventar</c>.
/// </summary>
internal static class InventoryCommand
{
    public const string ImportUsage = "aufsicht inventory import <file.csv|file.xlsx> [--kind products|applications] [--data-dir DIR] [--database CONNECTION]";
    public const string ExportUsage = "aufsicht inventory export --out <file.csv|file.xlsx> [--kind products|applications] [--data-dir DIR] [--database CONNECTION]";
    public const string FromCampaignUsage = "aufsicht inventory from-campaign <campaign-id> [--data-dir DIR] [--database CONNECTION] [--data DIR]";

    public static async Task<int> ImportAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        var a = Arguments.Parse("inventory import", args, ["--data-dir", "--database", "--kind"], [], context.Language);
        a.ExpectPositional(1, 1, ImportUsage);
        InventoryKind? kind = a.Option("--kind") is null ? null : Kind(a);
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
        var result = await new ImportInventory(db, context.Clock).RunAsync(content, path, kind, cancel).ConfigureAwait(false);
        if (!result.IsOk)
        {
            var exit = CliFailures.Print(result.Errors, context, path, InventoryText.Where);
            context.Error.WriteLine(Texts.T(context.Language, "inventory.cli.nothingImported"));
            return exit;
        }

        var r = result.Value;
        context.Terminal.Writer.WriteLine(Texts.T(context.Language, "inventory.import.done", r.ProductsAdded, r.ProductsUpdated, r.ApplicationsAdded, r.ApplicationsUpdated));
        return ExitCode.Ok;
    }

    public static async Task<int> ExportAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        var a = Arguments.Parse("inventory export", args, ["--data-dir", "--database", "--kind", "--out"], [], context.Language);
        a.ExpectPositional(0, 0, ExportUsage);
        var path = a.Option("--out") ?? throw new InputException(Texts.T(context.Language, "inventory.cli.outMissing", ExportUsage));
        var kind = a.Option("--kind") is null ? InventoryKind.Products : Kind(a);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is not (".CSV" or ".XLSX"))
        {
            throw new InputException(Texts.T(context.Language, "bodies.cli.extension", path));
        }

        var options = ServerOptions.From(a);
        await using var db = DatabaseSetup.Open(options);
        await DatabaseSetup.MigrateAsync(db, options, cancel, context.Language).ConfigureAwait(false);
        var products = await InventoryMapping.ProductRowsAsync(db, cancel).ConfigureAwait(false);
        var applications = await InventoryMapping.ApplicationRowsAsync(db, cancel).ConfigureAwait(false);
        try
        {
            using var file = File.Create(path);
            if (extension == ".CSV")
            {
                InventoryMapping.WriteCsv(file, kind, kind == InventoryKind.Products ? products : applications);
            }
            else
            {
                InventoryMapping.WriteXlsx(file, products, applications);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(Texts.T(context.Language, "bodies.cli.cannotWrite", path, e.Message));
        }

        var count = extension == ".CSV" ? (kind == InventoryKind.Products ? products.Count : applications.Count) : products.Count + applications.Count;
        context.Terminal.Writer.WriteLine(Texts.T(context.Language, "inventory.cli.exported", path, Documents.ReportFormat.Number(count, context.Language)));
        return ExitCode.Ok;
    }

    public static async Task<int> FromCampaignAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        var a = Arguments.Parse("inventory from-campaign", args, ["--data-dir", "--database", "--data"], [], context.Language);
        a.ExpectPositional(1, 1, FromCampaignUsage);
        if (!long.TryParse(a.Positional[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var campaign))
        {
            throw new InputException(Texts.T(context.Language, "inventory.cli.notCampaignId", a.Positional[0]));
        }

        var options = ServerOptions.From(a);
        await using var db = DatabaseSetup.Open(options);
        await DatabaseSetup.MigrateAsync(db, options, cancel, context.Language).ConfigureAwait(false);
        var data = DataFolder.Load(DataFolder.Locate(a.Option("--data"), context.Language), context.Language);
        var result = await new FillFromSurvey(db, new Catalog.CatalogStore(data), context.Clock).RunAsync(campaign, cancel).ConfigureAwait(false);
        if (!result.IsOk)
        {
            return CliFailures.Print(result.Errors, context, string.Empty);
        }

        var r = result.Value;
        context.Terminal.Writer.WriteLine(Texts.T(context.Language, "inventory.survey.done", r.Bodies, r.Added, r.Updated, r.Kept, r.Skipped));
        context.Terminal.Writer.WriteLine(Texts.T(context.Language, r.WithCount > 0 ? "inventory.survey.counts" : "inventory.survey.noCounts", Documents.ReportFormat.Number(r.WithCount, context.Language)));
        return ExitCode.Ok;
    }

    private static InventoryKind Kind(Arguments a) =>
        a.Choice("--kind", "products", "products", "applications") == "applications" ? InventoryKind.Applications : InventoryKind.Products;
}
