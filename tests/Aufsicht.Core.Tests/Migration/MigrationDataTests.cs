using System.Text;
using System.Text.Json;
using Aufsicht.Core.Migration;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Migration;

/// <summary>The shipped migration data (products, targets, parameters, checks): read strictly, sourced, in step with the code and the catalogue.</summary>
[Trait("Category", "Unit")]
public sealed class MigrationDataTests
{
    private static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(DataFolder, "migration", name));

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        return result.Value;
    }

    public static ProductCatalogue ShippedProducts() => Ok(MigrationDataReader.ReadProducts(Bytes("products.json")));

    public static TargetCatalogue ShippedTargets() => Ok(MigrationDataReader.ReadTargets(Bytes("targets.json")));

    [Theory]
    [InlineData("MS Office", "microsoft-office", Pillar.Office, LicenceUnit.Workplace)]
    [InlineData("office 365", "microsoft-365", Pillar.Office, LicenceUnit.User)]
    [InlineData(" Exchange ", "exchange-server", Pillar.Mail, LicenceUnit.Mailbox)]
    [InlineData("Windows", "windows-client", Pillar.OperatingSystem, LicenceUnit.Workplace)]
    [InlineData("Win 11", "windows-11", Pillar.OperatingSystem, LicenceUnit.Workplace)]
    [InlineData("AD", "active-directory", Pillar.Directory, LicenceUnit.User)]
    [InlineData("SharePoint", "sharepoint-server", Pillar.Collaboration, LicenceUnit.User)]
    [InlineData("Skype for Business", "skype-for-business-server", Pillar.Video, LicenceUnit.User)]
    [InlineData("TK-Anlage", "proprietary-telephony", Pillar.Telephony, LicenceUnit.User)]
    [InlineData("proprietäre telefonanlage", "proprietary-telephony", Pillar.Telephony, LicenceUnit.User)]
    public void ShippedProducts_NameAsTyped_KnownProduct(string name, string id, Pillar pillar, LicenceUnit unit)
    {
        var product = ShippedProducts().Find(name);
        Assert.NotNull(product);
        Assert.Equal((id, pillar, unit), (product.Id, product.Pillar, product.Unit));
    }

    [Theory]
    [InlineData("proprietary-telephony", "Proprietäre Telefonanlage", "Proprietary telephony system")]
    [InlineData("windows-client", "Windows (Arbeitsplatz)", "Windows (client)")]
    [InlineData("microsoft-office", "Microsoft Office (lokal betrieben)", "Microsoft Office (on premises)")]
    [InlineData("windows-11", "Windows 11", "Windows 11")] // a brand name: the same in both
    public void ShippedProducts_NameIn_GermanWhereTheNameIsWords(string id, string german, string english)
    {
        var product = ShippedProducts().Find(id)!;
        Assert.Equal((german, english), (product.NameIn(Aufsicht.Core.Law.Language.De), product.NameIn(Aufsicht.Core.Law.Language.En)));
    }

    [Theory]
    [InlineData("linux-desktop", "GNU/Linux-Arbeitsplatz", "GNU/Linux desktop")]
    [InlineData("open-source-directory", "Open-Source-Verzeichnisdienst", "Open-source directory service")]
    [InlineData("open-source-telephony", "Open-Source-Telefonie", "Open-source telephony")]
    [InlineData("jitsi-self-operated", "Jitsi Meet (selbst betrieben)", "Jitsi Meet (self-operated)")]
    [InlineData("bbb-self-operated", "BigBlueButton (selbst betrieben)", "BigBlueButton (self-operated)")]
    [InlineData("libreoffice", "LibreOffice", "LibreOffice")] // brand names: the same in both
    [InlineData("element-matrix", "Element (Matrix)", "Element (Matrix)")]
    [InlineData("opendesk", "openDesk", "openDesk")]
    public void ShippedTargets_NameOf_GermanWhereTheNameIsWords(string id, string german, string english)
    {
        var targets = ShippedTargets();
        Assert.Equal((german, english), (targets.NameOf(id, Aufsicht.Core.Law.Language.De), targets.NameOf(id, Aufsicht.Core.Law.Language.En)));
    }

    [Theory]
    [InlineData(Pillar.Mail, "OX App Suite und Dovecot", "OX App Suite and Dovecot")]
    [InlineData(Pillar.Directory, "Nubus (Univention)", "Nubus (Univention)")]
    public void ShippedTargets_BundleComponentNameIn_GermanWhereTheNameIsWords(Pillar pillar, string german, string english)
    {
        var component = Assert.Single(ShippedTargets().Bundles).Components.First(c => c.Pillar == pillar);
        Assert.Equal((german, english), (component.NameIn(Aufsicht.Core.Law.Language.De), component.NameIn(Aufsicht.Core.Law.Language.En)));
    }

    /// <summary>A German name is only where the English one is words: every name with an English word of the list has one, and no German name is the English one again.</summary>
    [Fact]
    public void ShippedTargets_EveryNameOfWordsHasAGermanOne()
    {
        var targets = ShippedTargets();
        var names = targets.ByPillar.Values.SelectMany(c => c).Select(c => (c.Name, c.NameDe))
            .Concat(targets.Bundles.Select(b => (b.Name, b.NameDe)))
            .Concat(targets.Bundles.SelectMany(b => b.Components).Select(c => (c.Name, c.NameDe))).ToList();
        string[] english = ["desktop", "open-source", "self-operated", " and ", "service", "telephony"];
        Assert.Empty(names.Where(n => n.NameDe is null && english.Any(w => n.Name.Contains(w, StringComparison.OrdinalIgnoreCase))).Select(n => n.Name));
        Assert.Empty(names.Where(n => n.NameDe == n.Name).Select(n => n.Name));
    }

    [Fact]
    public void ShippedProducts_CatalogueFlag_MatchesTheCatalogue()
    {
        var wrong = ShippedProducts().Products.Where(p => p.InCatalogue != (Data.Catalog.Latest(p.Id) is not null)).Select(p => p.Id).ToList();
        Assert.Empty(wrong);
        Assert.All(ShippedProducts().Products, p => Assert.NotEmpty(p.Sources));
    }

    [Fact]
    public void ShippedTargets_CatalogueFlagMatches_OutsideTheCatalogueSourced_PillarsAsSchleswigHolstein()
    {
        var targets = ShippedTargets();
        var candidates = targets.ByPillar.Values.SelectMany(c => c).ToList();
        Assert.Empty(candidates.Where(c => c.InCatalogue != (Data.Catalog.Latest(c.Id) is not null)).Select(c => c.Id));
        Assert.All(candidates.Where(c => !c.InCatalogue), c => Assert.NotEmpty(c.Sources));
        Assert.Equal(["libreoffice", "linux-desktop", "nextcloud", "open-xchange", "open-source-directory", "open-source-telephony", "opentalk"],
            new[] { Pillar.Office, Pillar.OperatingSystem, Pillar.Collaboration, Pillar.Mail, Pillar.Directory, Pillar.Telephony, Pillar.Video }.Select(p => targets.Candidates(p)[0].Id));
        var openDesk = Assert.Single(targets.Bundles);
        Assert.Equal([Pillar.Office, Pillar.Collaboration, Pillar.Mail, Pillar.Directory, Pillar.Video], openDesk.Pillars.Order());
        Assert.True(openDesk.InCatalogue && Data.Catalog.Latest("opendesk") is not null);
    }

    [Fact]
    public void ShippedParameters_Read_EveryEntrySourcedOrAnAssumptionWithAReason()
    {
        var entries = Ok(MigrationDataReader.ReadParameterEntries(Bytes("parameters.json")));
        Assert.Equal(PlanningParameters.Ids.Order(StringComparer.Ordinal), entries.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.True(e.Basis == "assumption" ? !string.IsNullOrWhiteSpace(e.Reason) : e.Sources.Count > 0, e.Id));
        Assert.All(entries.SelectMany(e => e.Sources), s => Assert.Equal(new DateOnly(2026, 12, 2), s.Seen));
        var parameters = Ok(MigrationDataReader.ReadParameters(Bytes("parameters.json")));
        // The figures with a Schleswig-Holstein basis, as their basis text works them out.
        Assert.Equal((0.03m, 0.01m, 10_000L, 6_000L), (parameters.EffortPerUnit[Pillar.Mail], parameters.PilotShare, parameters.LicencePerUnitYearCents, parameters.OneOffPerUnitCents));
    }

    [Fact]
    public void ShippedChecks_EveryKindOnce_WithSources()
    {
        var checks = Ok(MigrationDataReader.ReadChecks(Bytes("checks.json")));
        Assert.Equal(Enum.GetValues<WarningKind>(), checks.Select(c => c.Kind).Order());
        Assert.All(checks, c => Assert.NotEmpty(c.Sources));
    }

    [Theory]
    [InlineData("migration-parameters.schema.json", "properties.parameters.items.properties.id.enum")]
    [InlineData("migration-checks.schema.json", "properties.checks.items.properties.kind.enum")]
    [InlineData("migration-products.schema.json", "$defs.pillar.enum")]
    public void Schemas_ListTheNamesOfTheCode(string schema, string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataFolder, "schemas", schema)));
        var element = path.Split('.').Aggregate(document.RootElement, (e, name) => e.GetProperty(name));
        IReadOnlyList<string> expected = schema switch
        {
            "migration-parameters.schema.json" => PlanningParameters.Ids,
            "migration-checks.schema.json" => MigrationNames.All<WarningKind>(),
            _ => MigrationNames.All<Pillar>(),
        };
        Assert.Equal(expected, element.EnumerateArray().Select(e => e.GetString()!));
    }

    [Theory]
    [InlineData("""{"version": "1", "products": [{"id": "x", "name": "X", "catalogue": false, "aliases": [], "pillar": "ofice", "licenceUnit": "user", "sources": [{"url": "https://a.example", "seen": "2026-12-02"}]}]}""", "migration/products.json: products[0].pillar", "datafile.notOneOfSuggest")]
    [InlineData("""{"version": "1", "products": [{"id": "x", "name": "X", "catalogue": false, "aliases": ["Y"], "pillar": "office", "licenceUnit": "user", "sources": [{"url": "https://a.example", "seen": "2026-12-02"}]}, {"id": "y", "name": "Y", "catalogue": false, "aliases": [], "pillar": "office", "licenceUnit": "user", "sources": [{"url": "https://a.example", "seen": "2026-12-02"}]}]}""", "migration/products.json: products", "migration.data.nameTwice")]
    [InlineData("""{"version": "1", "products": [], "extra": 1}""", "migration/products.json: extra", "datafile.unknownField")]
    public void ReadProducts_BadFile_ErrorNamesFileAndField(string json, string field, string key)
    {
        var error = MigrationDataReader.ReadProducts(Encoding.UTF8.GetBytes(json)).Errors[0];
        Assert.Equal((field, key), (error.Field, error.Key));
    }

    [Theory]
    [InlineData("""{"id": "pilot.share", "value": "1.5", "unit": "share", "basis": "assumption", "reason": "r"}""", "pilot.share", "migration.parameter.share")]
    [InlineData("""{"id": "cohort.size", "value": "2.5", "unit": "units", "basis": "assumption", "reason": "r"}""", "cohort.size", "migration.parameter.count")]
    [InlineData("""{"id": "cost.day-rate", "value": "1.005", "unit": "euros", "basis": "assumption", "reason": "r"}""", "cost.day-rate", "migration.parameter.cents")]
    public void ReadParameters_ValueOutOfRange_ErrorNamesTheParameter(string entry, string id, string key)
    {
        var shipped = JsonDocument.Parse(Bytes("parameters.json")).RootElement.GetProperty("parameters").EnumerateArray()
            .Where(e => e.GetProperty("id").GetString() != id).Select(e => e.GetRawText());
        var json = $$"""{"version": "1", "parameters": [{{string.Join(", ", shipped.Append(entry))}}]}""";
        var error = Assert.Single(MigrationDataReader.ReadParameters(Encoding.UTF8.GetBytes(json)).Errors);
        Assert.Equal(("migration/parameters.json: " + id, key), (error.Field, error.Key));
    }

    [Fact]
    public void ReadParameters_SourcedBasisWithoutSources_Error()
    {
        var json = """{"version": "1", "parameters": [{"id": "pilot.share", "value": "0.01", "unit": "share", "basis": "250 / 25,000"}]}""";
        Assert.Contains(MigrationDataReader.ReadParameterEntries(Encoding.UTF8.GetBytes(json)).Errors, e => e.Key == "datafile.missing" && e.Field.EndsWith("parameters[0].sources", StringComparison.Ordinal));
    }
}
