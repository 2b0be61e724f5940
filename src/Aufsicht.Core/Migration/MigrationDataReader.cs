using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
using Aufsicht.Core.Fines;

namespace Aufsicht.Core.Migration;

/// <summary>
/// Reads the migration planner's data files (<c>migration/products.json</c>, <c>targets.json</c>,
/// <c>parameters.json</c>, <c>checks.json</c>) strictly: unknown fields, unknown pillars and entries without sources
/// are errors naming the file and the field, as the other data readers do.
/// </summary>
public static class MigrationDataReader
{
    public const string ProductsFile = "migration/products.json";
    public const string TargetsFile = "migration/targets.json";
    public const string ParametersFile = "migration/parameters.json";
    public const string ChecksFile = "migration/checks.json";

    /// <summary>The basis of a parameter no source gives: the entry says why the value is sensible in its reason.</summary>
    public const string Assumption = "assumption";

    /// <summary>The wire names of <see cref="LicenceUnit"/>.</summary>
    public static readonly string[] Units = ["workplace", "user", "mailbox"];

    /// <summary>The wire names of <see cref="WarningKind"/>, as checks.json and the text keys use them.</summary>
    public static IReadOnlyList<string> WarningKinds => MigrationNames.All<WarningKind>();

    public static Result<ProductCatalogue> ReadProducts(ReadOnlyMemory<byte> utf8) => Read(utf8, ProductsFile, (root, errors) =>
    {
        root.RejectUnknown(["$schema", "version", "products"]);
        root.String("version");
        var products = new List<KnownProduct>();
        foreach (var (element, path) in root.Array("products") ?? [])
        {
            if (ObjectReader.Open(element, path, errors) is not { } p)
            {
                continue;
            }

            p.RejectUnknown(["id", "name", "nameDe", "catalogue", "aliases", "pillar", "licenceUnit", "sources"]);
            var id = p.String("id", maxLength: 80, pattern: Patterns.Id);
            var name = p.String("name", maxLength: 200);
            var nameDe = p.String("nameDe", required: false, maxLength: 200);
            var inCatalogue = p.Bool("catalogue", allowUnknown: false);
            var aliases = Strings(p, "aliases");
            var pillar = PillarOf(p, "pillar");
            var unit = p.Enum("licenceUnit", Units, allowUnknown: false);
            var sources = DataReader.Sources(p, aboutRequired: false);
            if (id is not null && name is not null && inCatalogue is not null && pillar is not null && unit is not null)
            {
                products.Add(new KnownProduct(id, name, inCatalogue.Value, aliases, pillar.Value, (LicenceUnit)Array.IndexOf(Units, unit), sources) { NameDe = nameDe });
            }
        }

        var twice = products.SelectMany(x => x.Names.Distinct(StringComparer.OrdinalIgnoreCase).Select(n => (Name: n.Trim(), x.Id)))
            .GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Select(n => n.Id).Distinct().Count() > 1);
        if (twice is not null)
        {
            errors.Add(Error.Invalid("products", "migration.data.nameTwice", twice.Key));
            return null;
        }

        return new ProductCatalogue(products);
    });

    public static Result<TargetCatalogue> ReadTargets(ReadOnlyMemory<byte> utf8) => Read(utf8, TargetsFile, (root, errors) =>
    {
        root.RejectUnknown(["$schema", "version", "pillars", "bundles"]);
        root.String("version");
        var byPillar = new Dictionary<Pillar, IReadOnlyList<TargetCandidate>>();
        foreach (var (element, path) in root.Array("pillars") ?? [])
        {
            if (ObjectReader.Open(element, path, errors) is not { } p)
            {
                continue;
            }

            p.RejectUnknown(["pillar", "candidates"]);
            var pillar = PillarOf(p, "pillar");
            var candidates = new List<TargetCandidate>();
            foreach (var (c, cPath) in p.Array("candidates") ?? [])
            {
                if (ObjectReader.Open(c, cPath, errors) is { } r)
                {
                    r.RejectUnknown(["id", "name", "nameDe", "catalogue", "sources"]);
                    var id = r.String("id", maxLength: 80, pattern: Patterns.Id);
                    var name = r.String("name", maxLength: 200);
                    var nameDe = r.String("nameDe", required: false, maxLength: 200);
                    var inCatalogue = r.Bool("catalogue", allowUnknown: false);
                    var sources = OptionalSources(r);
                    if (inCatalogue == false && !r.Has("sources"))
                    {
                        r.Invalid("sources", "datafile.missing");
                    }

                    if (id is not null && name is not null && inCatalogue is not null)
                    {
                        candidates.Add(new TargetCandidate(id, name, inCatalogue.Value, sources) { NameDe = nameDe });
                    }
                }
            }

            if (pillar is { } known)
            {
                if (!byPillar.TryAdd(known, candidates))
                {
                    p.Invalid("pillar", "migration.data.pillarTwice", MigrationNames.Wire(known));
                }
            }
        }

        var bundles = new List<TargetBundle>();
        foreach (var (element, path) in root.Array("bundles") ?? [])
        {
            if (ObjectReader.Open(element, path, errors) is not { } b)
            {
                continue;
            }

            b.RejectUnknown(["id", "name", "nameDe", "catalogue", "components", "sources"]);
            var id = b.String("id", maxLength: 80, pattern: Patterns.Id);
            var name = b.String("name", maxLength: 200);
            var bundleNameDe = b.String("nameDe", required: false, maxLength: 200);
            var inCatalogue = b.Bool("catalogue", allowUnknown: false);
            var components = new List<BundleComponent>();
            foreach (var (c, cPath) in b.Array("components") ?? [])
            {
                if (ObjectReader.Open(c, cPath, errors) is { } r)
                {
                    r.RejectUnknown(["name", "nameDe", "pillar"]);
                    var componentName = r.String("name", maxLength: 200);
                    var componentNameDe = r.String("nameDe", required: false, maxLength: 200);
                    var pillar = PillarOf(r, "pillar");
                    if (componentName is not null && pillar is not null)
                    {
                        components.Add(new BundleComponent(componentName, pillar.Value) { NameDe = componentNameDe });
                    }
                }
            }

            var sources = DataReader.Sources(b, aboutRequired: false);
            if (id is not null && name is not null && inCatalogue is not null)
            {
                bundles.Add(new TargetBundle(id, name, inCatalogue.Value, components, sources) { NameDe = bundleNameDe });
            }
        }

        return new TargetCatalogue(byPillar, bundles);
    });

    public static Result<IReadOnlyList<PlanningParameter>> ReadParameterEntries(ReadOnlyMemory<byte> utf8) => Read<IReadOnlyList<PlanningParameter>>(utf8, ParametersFile, (root, errors) =>
    {
        root.RejectUnknown(["$schema", "version", "parameters"]);
        root.String("version");
        var entries = new List<PlanningParameter>();
        foreach (var (element, path) in root.Array("parameters") ?? [])
        {
            if (ObjectReader.Open(element, path, errors) is not { } p)
            {
                continue;
            }

            p.RejectUnknown(["id", "value", "unit", "basis", "reason", "sources"]);
            var id = p.Enum("id", PlanningParameters.Ids, allowUnknown: false);
            var value = FineMethodReader.Decimal(p, "value");
            var unit = p.String("unit", maxLength: 80);
            var basis = p.String("basis", maxLength: 4000);
            var reason = p.String("reason", required: basis == Assumption, maxLength: 4000);
            var sources = OptionalSources(p);
            if (basis is not null && basis != Assumption && !p.Has("sources"))
            {
                p.Invalid("sources", "datafile.missing");
            }

            if (id is not null && value is not null && unit is not null && basis is not null && (basis != Assumption || reason is not null))
            {
                if (entries.Exists(e => e.Id == id))
                {
                    p.Invalid("id", "migration.data.idTwice", id);
                }

                entries.Add(new PlanningParameter(id, value.Value, unit, basis, reason, sources));
            }
        }

        return entries;
    });

    /// <summary>The parameters file read and turned into <see cref="PlanningParameters"/> (every id present, values in range).</summary>
    public static Result<PlanningParameters> ReadParameters(ReadOnlyMemory<byte> utf8)
    {
        var entries = ReadParameterEntries(utf8);
        if (!entries.IsOk)
        {
            return Result<PlanningParameters>.Fail(entries.Errors);
        }

        var parameters = PlanningParameters.From(entries.Value);
        return parameters.IsOk ? parameters : Result<PlanningParameters>.Fail(parameters.Errors.Select(e => e with { Field = ParametersFile + ": " + e.Field }).ToList());
    }

    public static Result<IReadOnlyList<CheckRule>> ReadChecks(ReadOnlyMemory<byte> utf8) => Read<IReadOnlyList<CheckRule>>(utf8, ChecksFile, (root, errors) =>
    {
        root.RejectUnknown(["$schema", "version", "checks"]);
        root.String("version");
        var checks = new List<CheckRule>();
        foreach (var (element, path) in root.Array("checks") ?? [])
        {
            if (ObjectReader.Open(element, path, errors) is not { } c)
            {
                continue;
            }

            c.RejectUnknown(["kind", "lesson", "sources"]);
            var kind = c.Enum("kind", WarningKinds, allowUnknown: false);
            var lesson = c.String("lesson", maxLength: 4000);
            var sources = DataReader.Sources(c, aboutRequired: false);

            if (kind is not null && lesson is not null && MigrationNames.TryParse<WarningKind>(kind, out var k))
            {
                checks.Add(new CheckRule(k, lesson, sources));
            }
        }

        var missing = Enum.GetValues<WarningKind>().Where(k => !checks.Exists(c => c.Kind == k)).Select(MigrationNames.Wire).ToArray();
        if (missing.Length > 0)
        {
            errors.Add(Error.Invalid("checks", "migration.data.checksMissing", string.Join(", ", missing)));
        }

        return checks;
    });

    /// <summary>The sources where the entry may go without (an assumption, a catalogue service with sources of its own).</summary>
    private static List<Source> OptionalSources(ObjectReader r) => r.Has("sources") ? DataReader.Sources(r, aboutRequired: false) : [];

    private static Pillar? PillarOf(ObjectReader r, string name) =>
        r.Enum(name, MigrationNames.All<Pillar>(), allowUnknown: false) is { } wire && MigrationNames.TryParse<Pillar>(wire, out var pillar) ? pillar : null;

    private static List<string> Strings(ObjectReader r, string name)
    {
        var list = new List<string>();
        foreach (var (element, path) in r.Array(name) ?? [])
        {
            if (element.ValueKind == System.Text.Json.JsonValueKind.String && element.GetString() is { Length: > 0 } text)
            {
                list.Add(text);
            }
            else
            {
                r.Errors.Add(Error.Invalid(path, "datafile.notString", ObjectReader.Describe(element)));
            }
        }

        return list;
    }

    private static Result<T> Read<T>(ReadOnlyMemory<byte> utf8, string file, Func<ObjectReader, List<Error>, T?> read)
        where T : class
    {
        var parsed = ProfileReader.ParseDocument(utf8);
        if (!parsed.IsOk)
        {
            return Result<T>.Fail(parsed.Errors.Select(e => e with { Field = file }).ToList());
        }

        using var document = parsed.Value;
        var errors = new List<Error>();
        var root = ObjectReader.Open(document.RootElement, string.Empty, errors);
        var value = root is null ? null : read(root, errors);
        return errors.Count > 0 || value is null
            ? Result<T>.Fail(errors.Count > 0 ? errors.Select(e => e with { Field = file + ": " + e.Field }).ToList() : [Error.Invalid(file, "datafile.malformed")])
            : Result<T>.Ok(value);
    }
}
