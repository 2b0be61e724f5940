using System.Text;
using Aufsicht.Core.Catalog;
using Aufsicht.Tests.Shared;
using Xunit;

namespace Aufsicht.Core.Tests.Catalog;

/// <summary>The profile formats accept the examples of domain/assessment.md §6 as they stand, and name the field of every mistake.</summary>
[Trait("Category", "Unit")]
public sealed class ProfileReaderTests
{
    private static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void ReadService_DomainExample_IsAccepted()
    {
        var result = ProfileReader.ReadService(Utf8(DomainExamples.Service));
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        Assert.Equal("fixable", result.Value.Fact("contract.instructions"));
        Assert.Equal(["DE", "NL", "US"], result.Value.Countries);
    }

    [Fact]
    public void ReadDeployment_DomainExample_IsAccepted()
    {
        var result = ProfileReader.ReadDeployment(Utf8(DomainExamples.Deployment));
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        Assert.Equal("high", result.Value.ProtectionNeed);
    }

    [Theory]
    [InlineData("\"protectionNeed\": \"high\"", "\"protectionNeed\": \"hihg\"", "protectionNeed", "datafile.notOneOfSuggest", "normal, high, very-high, unknown", "\"hihg\"", "high")]
    [InlineData("\"protectionNeed\": \"high\"", "\"protectionNeeds\": \"high\"", "protectionNeeds", "datafile.unknownFieldSuggest", "protectionNeed")]
    [InlineData("\"dpia\": \"none\",", "", "dpia", "datafile.missing")]
    [InlineData("\"specialCategories\": false", "\"specialCategories\": 0", "specialCategories", "datafile.notBoolOrUnknown", "0")]
    [InlineData("\"lobby\": true", "\"lobby\": \"yes\"", "safeguards.lobby", "datafile.notBoolOrUnknown", "\"yes\"")]
    [InlineData("\"lobby\": true", "\"lobby\": [true]", "safeguards.lobby", "datafile.notBoolOrUnknown", "[…]")]
    [InlineData("\"state\": \"MV\"", "\"state\": \"mv\"", "body.state", "datafile.pattern.country", "mv")]
    [InlineData("\"publicBody\": true", "\"publicBody\": \"unknown\"", "body.publicBody", "datafile.notBool", "\"unknown\"")]
    [InlineData("\"legalBasis\": [\"art6-1-e\"]", "\"legalBasis\": [\"art6-1-x\"]", "legalBasis[0]", "datafile.notOneOfSuggest", "{LegalBases}", "\"art6-1-x\"", "art6-1-a")]
    public void ReadDeployment_BadInput_NamesFieldAndExpectation(string from, string to, string path, string key, params string[] args)
    {
        var result = ProfileReader.ReadDeployment(Utf8(DomainExamples.Deployment.Replace(from, to, StringComparison.Ordinal)));
        Assert.False(result.IsOk);
        var error = Assert.Single(result.Errors, e => e.Field == path);
        Assert.Equal((ErrorKind.Invalid, key), (error.Kind, error.Key));
        Assert.Equal(args.Select(Domains), error.Args);
    }

    [Theory]
    [InlineData("\"factsAsOf\": \"2020-07-03\"", "\"factsAsOf\": \"2020-02-30\"", "factsAsOf", "datafile.notDate", "\"2020-02-30\"")]
    [InlineData("\"tool\": \"scc-2010\"", "\"tool\": \"scc2010\"", "transfers[0].tool", "datafile.notOneOfSuggest", "{TransferTools}, unknown", "\"scc2010\"", "scc-2010")]
    [InlineData("\"countries\": [\"DE\", \"NL\", \"US\"]", "\"countries\": [\"DE\", \"Germany\"]", "processing.countries[1]", "datafile.notCountryOrWorldwide", "\"Germany\"")]
    [InlineData("\"category\": \"video-conferencing\"", "\"category\": \"video\"", "category", "datafile.notOneOf", "{Categories}", "\"video\"")]
    [InlineData("\"browserClient\": true", "\"browserClient\": \"maybe\"", "technical.browserClient", "datafile.notBoolOrWord", "\"unknown\", \"not-applicable\"", "\"maybe\"")]
    public void ReadService_BadInput_NamesFieldAndExpectation(string from, string to, string path, string key, params string[] args)
    {
        var result = ProfileReader.ReadService(Utf8(DomainExamples.Service.Replace(from, to, StringComparison.Ordinal)));
        Assert.False(result.IsOk);
        var error = Assert.Single(result.Errors, e => e.Field == path);
        Assert.Equal(key, error.Key);
        Assert.Equal(args.Select(Domains), error.Args);
    }

    /// <summary>An expected argument with the value lists of the fact domains filled in, as the reader names them.</summary>
    private static string Domains(string arg) => arg
        .Replace("{LegalBases}", string.Join(", ", FactDomains.LegalBases), StringComparison.Ordinal)
        .Replace("{TransferTools}", string.Join(", ", FactDomains.TransferTools), StringComparison.Ordinal)
        .Replace("{Categories}", string.Join(", ", FactDomains.Categories), StringComparison.Ordinal);

    [Theory]
    [InlineData("{\n  \"id\": \"x\",\n  \"name\": \n}", "datafile.malformed", "4", "1", "}")]
    [InlineData("{\"id\": \"ü\" x}", "datafile.malformed", "1", "13", "x")]
    [InlineData("{\"id\": tru}", "datafile.malformed", "1", "11", "}")]
    [InlineData("{\"id\": \"x\"\n  ", "datafile.malformedEnd", "2", "3")]
    [InlineData("", "datafile.malformedEnd", "1", "1")]
    public void ReadService_MalformedJson_SaysWhereAndWhat(string json, string key, params string[] args)
    {
        var result = ProfileReader.ReadService(Utf8(json));
        var error = Assert.Single(result.Errors);
        Assert.Equal((string.Empty, key), (error.Field, error.Key));
        Assert.Equal(args, error.Args);
    }

    [Theory]
    [InlineData("[]", "[…]")]
    [InlineData("\"text\"", "\"text\"")]
    [InlineData("12.50", "12.50")]
    [InlineData("null", "null")]
    public void ReadDeployment_NotAnObject_SaysWhatItIs(string json, string got)
    {
        var error = ProfileReader.ReadDeployment(Utf8(json)).Errors[0];
        Assert.Equal("datafile.notObject", error.Key);
        Assert.Equal([got], error.Args);
    }

    [Fact]
    public void ReadService_CountriesUnknown_IsAccepted()
    {
        var result = ProfileReader.ReadService(Utf8(DomainExamples.Service.Replace("[\"DE\", \"NL\", \"US\"]", "\"unknown\"", StringComparison.Ordinal)));
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        Assert.Null(result.Value.Countries);
    }

    [Fact]
    public void ReadService_NameInTwoLanguages_IsReadForEach_AndOneStringServesBoth()
    {
        var twoNames = ProfileReader.ReadService(Utf8(DomainExamples.Service.Replace(
            "\"Cisco Webex Meetings via Telekom\"", "{\"de\": \"Webex über die Telekom\", \"en\": \"Webex via Telekom\"}", StringComparison.Ordinal)));
        Assert.True(twoNames.IsOk, string.Join("; ", twoNames.Errors));
        Assert.Equal(("Webex über die Telekom", "Webex via Telekom"), (twoNames.Value.Names.De, twoNames.Value.Names.En));
        Assert.Equal("Webex über die Telekom", twoNames.Value.Name);

        var one = ProfileReader.ReadService(Utf8(DomainExamples.Service)).Value;
        Assert.Equal(("Cisco Webex Meetings via Telekom", "Cisco Webex Meetings via Telekom"), (one.Names.De, one.Names.En));
    }

    [Fact]
    public void ReadService_NameMissingALanguage_IsRejected_NamingIt()
    {
        var result = ProfileReader.ReadService(Utf8(DomainExamples.Service.Replace(
            "\"Cisco Webex Meetings via Telekom\"", "{\"de\": \"Webex über die Telekom\"}", StringComparison.Ordinal)));
        Assert.Contains(result.Errors, e => e.Field == "name.en" && e.Key == "datafile.missing");
    }

    [Fact]
    public void ReadService_SourceSummary_IsReadInBothLanguages()
    {
        var json = DomainExamples.Service;
        var at = json.IndexOf("\"seen\"", StringComparison.Ordinal);
        json = json.Insert(at, "\"summary\": {\"de\": \"Der Anbieter nennt …\", \"en\": \"The provider names …\"}, ");
        var result = ProfileReader.ReadService(Utf8(json));
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        Assert.Equal("Der Anbieter nennt …", result.Value.Sources[0].Summary!.De);
    }

    [Fact]
    public void ReadService_TooLongName_IsRejected()
    {
        var result = ProfileReader.ReadService(Utf8(DomainExamples.Service.Replace("Cisco Webex Meetings via Telekom", new string('x', 300), StringComparison.Ordinal)));
        Assert.Contains(result.Errors, e => e.Field == "name" && e.Key == "datafile.tooLong" && e.Args.SequenceEqual(["300", "200"]));
    }
}
