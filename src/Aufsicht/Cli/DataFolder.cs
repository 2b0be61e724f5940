using Aufsicht.Core.DataFiles;
using Aufsicht.Web;

namespace Aufsicht.Cli;

/// <summary>
/// Finds and reads the catalogue's data folder: <c>--data DIR</c>, else <c>AUFSICHT_CATALOG</c>, else the
/// <c>data/</c> shipped beside the executable. A folder that is missing or holds an invalid catalogue is a wrong
/// setting (<see cref="SettingException"/>): the web app reads it at start too.
/// </summary>
internal static class DataFolder
{
    public static string Locate(string? option, Core.Law.Language language = Core.Law.Language.En)
    {
        var folder = option ?? Environment.GetEnvironmentVariable("AUFSICHT_CATALOG") ?? Path.Combine(AppContext.BaseDirectory, "data");
        return Directory.Exists(folder)
            ? Path.GetFullPath(folder)
            : throw new SettingException(Features.Texts.T(language, "cli.data.missing", folder));
    }

    /// <summary>Every JSON file below the folder except the schemas, with paths relative to it and '/' as separator.</summary>
    public static List<DataFile> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(path => (Relative: Path.GetRelativePath(folder, path).Replace('\\', '/'), Path: path))
            .Where(f => !f.Relative.StartsWith("schemas/", StringComparison.Ordinal))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => new DataFile(f.Relative, File.ReadAllBytes(f.Path)))
            .ToList();

    /// <summary>The catalogue in the folder; if it is invalid, bad input whose message lists the errors in the language.</summary>
    public static LegalData Load(string folder, Core.Law.Language language = Core.Law.Language.En)
    {
        var result = DataReader.Read(Files(folder));
        return result.IsOk
            ? result.Value
            : throw new SettingException(Features.Texts.T(language, "cli.data.invalid", folder) + "\n  " + string.Join("\n  ", result.Errors.Select(e => CliFailures.Line(e, language)))
                + "\n" + Features.Texts.T(language, "cli.data.details"));
    }

    /// <summary>The rules on enforcement against public bodies (<c>enforcement/jurisdictions.json</c>) in the folder.</summary>
    public static Core.Enforcement.JurisdictionTable Jurisdictions(string folder, Core.Law.Language language = Core.Law.Language.En) =>
        Table(folder, Core.Enforcement.JurisdictionReader.File, Core.Enforcement.JurisdictionReader.Read, language);

    /// <summary>The texts and sources of the measure recommender (<c>enforcement/measures.json</c>).</summary>
    public static Core.Measures.MeasureRules MeasureRules(string folder, Core.Law.Language language = Core.Law.Language.En) =>
        Table(folder, Core.Measures.MeasureRulesReader.File, Core.Measures.MeasureRulesReader.Read, language);

    /// <summary>The methods of setting fines and the tiers of Art. 83 (<c>enforcement/fine-methods.json</c>).</summary>
    public static Core.Fines.FineMethodTable FineMethods(string folder, Core.Law.Language language = Core.Law.Language.En) =>
        Table(folder, Core.Fines.FineMethodReader.File, Core.Fines.FineMethodReader.Read, language);

    /// <summary>One table of the data folder read by its reader; a missing or invalid file is a wrong setting, as an invalid catalogue is.</summary>
    private static T Table<T>(string folder, string file, Func<ReadOnlyMemory<byte>, Core.Result<T>> read, Core.Law.Language language)
    {
        var path = Path.Combine(folder, file);
        var result = File.Exists(path) ? read(File.ReadAllBytes(path)) : Core.Result<T>.Fail(Core.Error.Invalid(file, "datafile.fileMissing"));
        return result.IsOk
            ? result.Value
            : throw new SettingException(Features.Texts.T(language, "cli.data.invalid", folder) + "\n  " + string.Join("\n  ", result.Errors.Select(e => CliFailures.Line(e, language))));
    }

    /// <summary>
    /// What most commands start from: the catalogue (<c>--data</c>), the as-of date (<c>--as-of</c>, default today) and
    /// the authority's view on that date (<c>--authority</c>, default the catalogue's default).
    /// </summary>
    public static (LegalData Data, DateOnly AsOf, Core.Law.AuthorityProfile Authority) View(Arguments a, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(context);
        var data = Load(Locate(a.Option("--data"), context.Language), context.Language);
        var asOfText = a.Option("--as-of");
        var view = Features.Catalog.CatalogQueries.ResolveView(data.Catalog, asOfText, a.Option("--authority"), context.Today);
        if (!view.IsOk)
        {
            var error = view.Errors[0];
            throw new InputException($"{a.Command}: {CliFailures.Line(error with { Field = error.Field == "asOf" ? "--as-of" : "--authority" }, context.Language)}");
        }

        var (asOf, authority) = (view.Value.AsOf, view.Value.Authority);
        return (data, asOf, authority);
    }

    /// <summary>Reads a file named on the command line; a missing or unreadable file is bad input, not a crash.</summary>
    public static byte[] ReadInput(string path, Core.Law.Language language)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException(Features.Texts.T(language, "cli.file.cannotRead", path, e.Message));
        }
    }
}
