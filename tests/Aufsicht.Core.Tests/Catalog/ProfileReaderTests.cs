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
    [InlineData("\"protectionNeed\": \"high\"", "\"protectionNeed\": \"hihg\"", "protectionNeed", "expected one of normal, high, very-high, unknown; got \"hihg\" (did you mean \"high\"?)")]
    [InlineData("\"protectionNeed\": \"high\"", "\"protectionNeeds\": \"high\"", "protectionNeeds", "unknown field; did you mean 'protectionNeed'?")]
    [InlineData("\"dpia\": \"none\",", "", "dpia", "missing required field")]
    [InlineData("\"specialCategories\": false", "\"specialCategories\": 0", "specialCategories", "expected true or false or \"unknown\"; got the number 0")]
    [InlineData("\"lobby\": true", "\"lobby\": \"yes\"", "safeguards.lobby", "expected true or false or \"unknown\"; got the string \"yes\"")]
    [InlineData("\"state\": \"MV\"", "\"state\": \"mv\"", "body.state", "does not have the expected form")]
    [InlineData("\"legalBasis\": [\"art6-1-e\"]", "\"legalBasis\": [\"art6-1-x\"]", "legalBasis[0]", "expected one of art6-1-a")]
    public void ReadDeployment_BadInput_NamesFieldAndExpectation(string from, string to, string path, string message)
    {
        var result = ProfileReader.ReadDeployment(Utf8(DomainExamples.Deployment.Replace(from, to, StringComparison.Ordinal)));
        Assert.False(result.IsOk);
        var error = Assert.Single(result.Errors, e => e.Path == path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"factsAsOf\": \"2020-07-03\"", "\"factsAsOf\": \"2020-02-30\"", "factsAsOf", "expected a date as YYYY-MM-DD; got \"2020-02-30\"")]
    [InlineData("\"tool\": \"scc-2010\"", "\"tool\": \"scc2010\"", "transfers[0].tool", "(did you mean \"scc-2010\"?)")]
    [InlineData("\"countries\": [\"DE\", \"NL\", \"US\"]", "\"countries\": [\"DE\", \"Germany\"]", "processing.countries[1]", "two-letter ISO 3166-1")]
    [InlineData("\"category\": \"video-conferencing\"", "\"category\": \"video\"", "category", "expected one of video-conferencing")]
    [InlineData("\"browserClient\": true", "\"browserClient\": \"maybe\"", "technical.browserClient", "expected true, false")]
    public void ReadService_BadInput_NamesFieldAndExpectation(string from, string to, string path, string message)
    {
        var result = ProfileReader.ReadService(Utf8(DomainExamples.Service.Replace(from, to, StringComparison.Ordinal)));
        Assert.False(result.IsOk);
        var error = Assert.Single(result.Errors, e => e.Path == path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadService_MalformedJson_SaysWhere()
    {
        var result = ProfileReader.ReadService(Utf8("{\n  \"id\": \"x\",\n  \"name\": \n}"));
        Assert.False(result.IsOk);
        Assert.StartsWith("malformed JSON at line 4", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "expected an object; got a list")]
    [InlineData("\"text\"", "expected an object; got the string \"text\"")]
    public void ReadDeployment_NotAnObject_SaysSo(string json, string message) =>
        Assert.Equal(message, ProfileReader.ReadDeployment(Utf8(json)).Errors[0].Message);

    [Fact]
    public void ReadService_CountriesUnknown_IsAccepted()
    {
        var result = ProfileReader.ReadService(Utf8(DomainExamples.Service.Replace("[\"DE\", \"NL\", \"US\"]", "\"unknown\"", StringComparison.Ordinal)));
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        Assert.Null(result.Value.Countries);
    }

    [Fact]
    public void ReadService_TooLongName_IsRejected()
    {
        var result = ProfileReader.ReadService(Utf8(DomainExamples.Service.Replace("Cisco Webex Meetings via Telekom", new string('x', 300), StringComparison.Ordinal)));
        Assert.Contains(result.Errors, e => e.Path == "name" && e.Message.Contains("at most 200", StringComparison.Ordinal));
    }
}
