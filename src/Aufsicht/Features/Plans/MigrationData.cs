using Aufsicht.Core.Migration;

namespace Aufsicht.Features.Plans;

/// <summary>
/// The migration planner's shipped data (<c>data/migration/</c>): the products it recognises, the targets per pillar
/// and the bundles, the default planning parameters and the checks with their sources. Read once at start-up; a broken
/// file stops the start with the file and field named (a data bug, not a user's input).
/// </summary>
internal sealed record MigrationData(ProductCatalogue Products, TargetCatalogue Targets, PlanningParameters Parameters, IReadOnlyList<CheckRule> Checks)
{
    /// <summary>The parameters as the file has them, in its order, with unit, basis, reason and sources (for the timeline's assumptions).</summary>
    public IReadOnlyList<PlanningParameter> ParameterEntries { get; init; } = [];

    /// <summary>A product as people name it („Microsoft Office“, „Proprietäre Telefonanlage“) in the language, for a line's catalogue id or the name it was entered with.</summary>
    public string ProductName(string product, Core.Law.Language language) => Products.Find(product)?.NameIn(language) ?? product;

    public static MigrationData Load(string dataFolder)
    {
        byte[] Read(string file) => File.ReadAllBytes(Path.Combine(dataFolder, file));
        var products = MigrationDataReader.ReadProducts(Read(MigrationDataReader.ProductsFile));
        var targets = MigrationDataReader.ReadTargets(Read(MigrationDataReader.TargetsFile));
        var parameters = MigrationDataReader.ReadParameters(Read(MigrationDataReader.ParametersFile));
        var checks = MigrationDataReader.ReadChecks(Read(MigrationDataReader.ChecksFile));
        var errors = products.Errors.Concat(targets.Errors).Concat(parameters.Errors).Concat(checks.Errors).ToList();
        return errors.Count > 0
            ? throw new InvalidDataException("The migration data is not valid: " + string.Join("; ", errors.Select(e => e.ToString())))
            : new MigrationData(products.Value, targets.Value, parameters.Value, checks.Value)
            {
                ParameterEntries = MigrationDataReader.ReadParameterEntries(Read(MigrationDataReader.ParametersFile)).Value,
            };
    }
}
