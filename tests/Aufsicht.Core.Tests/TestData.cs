using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Tests;

/// <summary>The shipped data (copied beside the tests at build time), read once.</summary>
public static class TestData
{
    private static readonly Lazy<LegalData> Loaded = new(() =>
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "data");
        var files = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(p => new DataFile(Path.GetRelativePath(folder, p).Replace('\\', '/'), File.ReadAllBytes(p)))
            .Where(f => !f.Path.StartsWith("schemas/", StringComparison.Ordinal))
            .ToList();
        var result = DataReader.Read(files);
        return result.IsOk ? result.Value : throw new InvalidOperationException(string.Join("\n", result.Errors));
    });

    public static LegalData Data => Loaded.Value;

    public static string DataFolder => Path.Combine(AppContext.BaseDirectory, "data");

    public static Assessor Engine => new(Data.Criteria, Data.Law);

    public static CatalogAssessor CatalogAssessor => new(Engine, Data.Catalog);

    public static AuthorityProfile Default(DateOnly date) => Data.Catalog.DefaultAuthority.On(date);

    public static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Builds service profiles for tests: everything green unless a test says otherwise.</summary>
public sealed class ServiceBuilder
{
    private readonly Dictionary<string, string> _facts = FactDomains.Contract.Concat(FactDomains.Technical)
        .ToDictionary(kv => kv.Key, kv => kv.Value[0], StringComparer.Ordinal);

    private readonly List<Transfer> _transfers = [];
    private IReadOnlyList<string>? _countries = ["DE"];
    private Provider _provider = new("Provider GmbH", "DE", "DE", null);
    private string _operatingModel = "saas";
    private string _category = "video-conferencing";
    private bool? _canRead = true;
    private bool? _receives;

    public ServiceBuilder Fact(string path, string value)
    {
        _facts[path] = value;
        return this;
    }

    public ServiceBuilder Countries(params string[]? countries)
    {
        _countries = countries;
        return this;
    }

    public ServiceBuilder Transfer(string to, string tool, bool? altered = false, bool? tia = false, string measures = "none", bool? certified = false, DateOnly? concluded = null)
    {
        _transfers.Add(new Transfer(to, "Recipient Inc.", tool, altered, tia, measures, certified, concluded));
        return this;
    }

    public ServiceBuilder Provider(string seat, string? parent = null, bool? access = null)
    {
        _provider = new Provider("Provider", seat, parent, access);
        return this;
    }

    public ServiceBuilder Model(string model)
    {
        _operatingModel = model;
        return this;
    }

    public ServiceBuilder Category(string category)
    {
        _category = category;
        return this;
    }

    public ServiceBuilder CanRead(bool? value)
    {
        _canRead = value;
        return this;
    }

    public ServiceBuilder Receives(bool? value)
    {
        _receives = value;
        return this;
    }

    public ServiceProfile Build() => new(
        "test-service", new Aufsicht.Core.Law.LocalizedText("Test Service", "Test Service"), _category, new DateOnly(2019, 1, 1), null, null, null, _provider, _operatingModel, false,
        new Dictionary<string, string>(_facts), _countries, _canRead, _receives, _transfers.ToArray(), [], null);
}
