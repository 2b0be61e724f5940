using System.Text;
using Aufsicht.Core.Measures;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Measures;

/// <summary>The input of <c>aufsicht measure</c> and <c>POST /api/v1/measures</c>: every problem names its field.</summary>
[Trait("Category", "Unit")]
public sealed class MeasureCaseReaderTests
{
    private const string Controller = "\"controller\": {\"publicBody\": false, \"inCompetition\": false, \"country\": \"DE\", \"state\": \"MV\"}";

    [Fact]
    public void Read_TheIssuesExample_GivesTheCase()
    {
        var json = "{" + Controller + """, "processing": "ongoing", "remedied": false, "findings": [{"criterion": "T02", "level": "red"}], "specialCategories": false, "minors": false, "dataSubjects": 12000, "culpability": "negligence", "previousMeasures": [{"power": "58(2)(d)", "complied": false}]}""";
        var read = MeasureCaseReader.Read(Encoding.UTF8.GetBytes(json), Data.Criteria);
        Assert.True(read.IsOk, string.Join("; ", read.Errors));
        var c = read.Value;
        Assert.Equal(Processing.Ongoing, c.Processing);
        Assert.Equal(12000, c.DataSubjects);
        Assert.Equal(Culpability.Negligence, c.Culpability);
        Assert.Equal("MV", c.Controller.State);
        Assert.Equal(Aufsicht.Core.Enforcement.Power.D, Assert.Single(c.PreviousMeasures).Power);
        Assert.Equal(Aufsicht.Core.Law.Level.Red, Assert.Single(c.Findings).Level);
    }

    [Theory]
    [InlineData(""", "processing": "ongoing", "findings": [{"criterion": "X99", "level": "red"}]""", "findings[0].criterion", "measure.unknownCriterion")]
    [InlineData(""", "processing": "ongoing", "findings": [{"criterion": "T02", "level": "purple"}]""", "findings[0].level", "datafile.notOneOf")]
    [InlineData(""", "processing": "ongoing", "previousMeasures": [{"power": "58(2)(k)", "complied": false}]""", "previousMeasures[0].power", "measure.unknownPower")]
    [InlineData(""", "processing": "ongoing", "dataSubjects": -5""", "dataSubjects", "measure.negative")]
    [InlineData(""", "processing": "ongoing", "dataSubjects": 1.5""", "dataSubjects", "measure.notCount")]
    [InlineData(", \"processing\": \"soon\"", "processing", "datafile.notOneOf")]
    [InlineData(", \"processing\": \"ongoing\", \"culpability\": \"maybe\"", "culpability", "datafile.notOneOf")]
    [InlineData(", \"processing\": \"ongoing\", \"remedied\": \"yes\"", "remedied", "datafile.notBool")]
    [InlineData("", "processing", "datafile.missing")]
    [InlineData(", \"processing\": \"ongoing\", \"colour\": \"red\"", "colour", "datafile.unknownField")]
    public void Read_BadField_NamesIt(string rest, string field, string key)
    {
        var read = MeasureCaseReader.Read(Encoding.UTF8.GetBytes("{" + Controller + rest + "}"), Data.Criteria);
        Assert.False(read.IsOk);
        Assert.Contains(read.Errors, e => e.Field == field && e.Key == key);
    }

    [Theory]
    [InlineData("""{"controller": {"publicBody": false, "inCompetition": true, "country": "DE"}, "processing": "ongoing"}""", "controller.inCompetition")]
    [InlineData("""{"controller": {"publicBody": true, "country": "NL", "state": "MV"}, "processing": "ongoing"}""", "controller.state")]
    [InlineData("""{"controller": {"publicBody": true, "country": "Germany"}, "processing": "ongoing"}""", "controller.country")]
    [InlineData("""{"controller": {"country": "DE"}, "processing": "ongoing"}""", "controller.publicBody")]
    [InlineData("""{"processing": "ongoing"}""", "controller")]
    [InlineData("""[1]""", "")]
    public void Read_BadController_NamesTheField(string json, string field)
    {
        var read = MeasureCaseReader.Read(Encoding.UTF8.GetBytes(json), Data.Criteria);
        Assert.False(read.IsOk);
        Assert.Contains(read.Errors, e => e.Field == field);
    }
}
