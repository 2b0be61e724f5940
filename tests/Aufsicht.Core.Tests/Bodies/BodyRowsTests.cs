using Aufsicht.Core.Bodies;
using Xunit;

namespace Aufsicht.Core.Tests.Bodies;

/// <summary>The registry format: German and English headers, German words for values, and every mistake named by row and column.</summary>
[Trait("Category", "Unit")]
public sealed class BodyRowsTests
{
    private static readonly string[] Header = ["externalId", "name", "kind", "region", "state", "publicBody", "publicUndertaking", "contactName", "contactEmail", "language"];

    private static string?[] Row(string externalId = "S-001", string name = "Gymnasium Am See", string kind = "school", string region = "Rostock", string state = "MV",
        string publicBody = "true", string publicUndertaking = "false", string contactName = "Erika Muster", string contactEmail = "sekretariat@gymnasium.example", string language = "de") =>
        [externalId, name, kind, region, state, publicBody, publicUndertaking, contactName, contactEmail, language];

    [Fact]
    public void Read_GoodRows_AreNormalised()
    {
        var result = BodyRows.Read(Header, [Row(), Row(externalId: "G-1", name: "Gemeinde Ahrenshoop", kind: "Gemeinde", state: "mv", publicBody: "", language: "EN", contactEmail: "")]);
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        Assert.Equal(2, result.Value.Count);
        var gemeinde = result.Value[1];
        Assert.Equal(new BodyInput("G-1", "Gemeinde Ahrenshoop", "municipality", "Rostock", "MV", true, false, "Erika Muster", null, "en"), gemeinde);
    }

    [Theory]
    [InlineData("Kennung;Name;Art;Land", "S-1;Schule Eins;Schule;SH", "school")]
    [InlineData("KENNUNG;name;ART;land", "S-1;Schule Eins;Landesbehörde;SH", "state-authority")]
    [InlineData("Kennung;Name;Art;Land", "S-1;Schule Eins;universität;SH", "university")]
    [InlineData("Kennung;Name;Art;Land", "S-1;Schule Eins;Kommune;SH", "municipality")]
    [InlineData("Kennung;Name;Art;Land", "S-1;Schule Eins;Sonstige;SH", "other")]
    [InlineData("Kennung;Name;Art;Land", "S-1;Schule Eins;Unternehmen;SH", "company")]
    [InlineData("\uFEFFKennung;Name;Art;Land", "S-1;Schule Eins;Landkreis;SH", "district")]
    public void Read_GermanHeadersAndKinds_AreAccepted(string header, string row, string kind)
    {
        var result = BodyRows.Read(header.Split(';'), [row.Split(';')]);
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        Assert.Equal(kind, result.Value[0].Kind);
        Assert.Equal("de", result.Value[0].Language);
    }

    [Theory]
    [InlineData("school", true)]
    [InlineData("university", true)]
    [InlineData("company", false)]
    [InlineData("other", false)]
    public void Read_PublicBodyEmpty_FollowsTheKind(string kind, bool expected)
    {
        var result = BodyRows.Read(Header, [Row(kind: kind, publicBody: "")]);
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        Assert.Equal(expected, result.Value[0].PublicBody);
    }

    [Theory]
    [InlineData("ja", true)]
    [InlineData("Nein", false)]
    [InlineData("YES", true)]
    [InlineData("no", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("False", false)]
    public void Read_Booleans_InEveryAcceptedSpelling(string text, bool expected)
    {
        var result = BodyRows.Read(Header, [Row(kind: "company", publicBody: text)]);
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        Assert.Equal(expected, result.Value[0].PublicBody);
    }

    public static TheoryData<string?[], string, string> BadCells => new()
    {
        { Row(kind: "schul"), "row 2, column \"kind\"", "\"schul\" is not one of school, municipality, district, state-authority, university, company, other (did you mean \"Schule\"?)" },
        { Row(kind: "Behörde"), "row 2, column \"kind\"", "is not one of school, municipality" },
        { Row(state: "XX"), "row 2, column \"state\"", "\"XX\" is not one of BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH" },
        { Row(state: ""), "row 2, column \"state\"", "a value is required" },
        { Row(externalId: " "), "row 2, column \"externalId\"", "a value is required" },
        { Row(name: ""), "row 2, column \"name\"", "a value is required" },
        { Row(name: new string('n', 301)), "row 2, column \"name\"", "at most 300 characters; got 301" },
        { Row(region: new string('r', 101)), "row 2, column \"region\"", "at most 100 characters" },
        { Row(contactName: new string('c', 201)), "row 2, column \"contactName\"", "at most 200 characters" },
        { Row(externalId: new string('e', 101)), "row 2, column \"externalId\"", "at most 100 characters" },
        { Row(contactEmail: new string('e', 310) + "@example.org"), "row 2, column \"contactEmail\"", "at most 320 characters" },
        { Row(contactEmail: "sekretariat(at)schule.example"), "row 2, column \"contactEmail\"", "is not an e-mail address" },
        { Row(contactEmail: "a@b"), "row 2, column \"contactEmail\"", "is not an e-mail address" },
        { Row(contactEmail: "a b@schule.example"), "row 2, column \"contactEmail\"", "is not an e-mail address" },
        { Row(contactEmail: "a@@schule.example"), "row 2, column \"contactEmail\"", "is not an e-mail address" },
        { Row(publicBody: "vielleicht"), "row 2, column \"publicBody\"", "\"vielleicht\" is not one of true, false, ja, nein, yes, no, 1 or 0" },
        { Row(kind: "company", publicBody: "false", publicUndertaking: "true"), "row 2, column \"publicUndertaking\"", "only a public body can be a public undertaking" },
        { Row(language: "fr"), "row 2, column \"language\"", "\"fr\" is not one of de, en" },
        { Row(name: "Zeile\nzwei"), "row 2, column \"name\"", "line break" },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public void Read_BadCell_NamesRowColumnAndExpectation(string?[] row, string path, string message)
    {
        var result = BodyRows.Read(Header, [row]);
        Assert.False(result.IsOk);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("externalId,name,kind,state,regoin", "row 1, column \"regoin\"", "unknown column; did you mean \"region\"?")]
    [InlineData("Kenung,name,kind,state", "row 1, column \"Kenung\"", "unknown column; did you mean \"Kennung\"?")]
    [InlineData("externalId,name,kind,state,Telefon", "row 1, column \"Telefon\"", "unknown column; the columns are externalId, name, kind")]
    [InlineData("externalId,name,state", "row 1", "the required column \"kind\" (or \"Art\") is missing")]
    [InlineData("externalId,name,kind,state,Art", "row 1, column \"Art\"", "column kind appears twice (also column 3)")]
    public void Read_BadHeader_NamesTheColumn(string header, string path, string message)
    {
        var result = BodyRows.Read(header.Split(','), [["S-1", "Schule", "school", "SH", ""]]);
        Assert.False(result.IsOk);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateExternalId_NamesBothRows()
    {
        var result = BodyRows.Read(Header, [Row(), Row(externalId: "S-002"), [null, null], Row()]);
        var error = Assert.Single(result.Errors);
        Assert.Equal("row 5, column \"externalId\"", error.Path);
        Assert.Contains("\"S-001\" is already the id of row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyRows_AreSkippedButCounted()
    {
        var result = BodyRows.Read(Header, [Row(), ["", " "], Row(externalId: "S-3", kind: "nope")]);
        Assert.Equal("row 4, column \"kind\"", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Read_ShortRow_HasEmptyCells_ExtraCellIsAnError()
    {
        var shortRow = BodyRows.Read(Header, [["S-1", "Schule", "school", "", "SH"]]);
        Assert.True(shortRow.IsOk, string.Join("; ", shortRow.Errors));
        var longRow = BodyRows.Read(Header, [[.. Row(), "extra"]]);
        Assert.Equal("row 2, column 11", Assert.Single(longRow.Errors).Path);
    }

    [Fact]
    public void Read_EveryErrorOfEveryRow_CappedWithACount()
    {
        var rows = Enumerable.Range(0, 150).Select(i => Row(externalId: "S-" + i, kind: "x", state: "XX")).ToList();
        var result = BodyRows.Read(Header, rows, maxErrors: 100);
        Assert.Equal(101, result.Errors.Count);
        Assert.Equal("row 2, column \"kind\"", result.Errors[0].Path);
        Assert.Equal("row 2, column \"state\"", result.Errors[1].Path);
        Assert.Equal("… and 200 more errors", result.Errors[^1].Message);
    }

    [Fact]
    public void Read_TooManyRows_IsRefused()
    {
        var rows = Enumerable.Range(0, BodyRows.MaxRows + 1).Select(i => Row(externalId: "S-" + i));
        var result = BodyRows.Read(Header, rows);
        Assert.Contains("more than 100,000 rows", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCells_ReadBack_GivesTheSameBody()
    {
        var body = new BodyInput("S-1", "Schule, \"Am See\"", "school", null, "BE", true, false, null, "a@b.example", "en");
        var result = BodyRows.Read(Header, [BodyRows.ToCells(body).ToArray()]);
        Assert.True(result.IsOk, string.Join("; ", result.Errors));
        Assert.Equal(body, result.Value[0]);
    }

    [Fact]
    public void ReadOne_BadFields_NameTheColumn()
    {
        var result = BodyRows.ReadOne(new Dictionary<string, string?> { ["externalId"] = "S-1", ["name"] = "", ["kind"] = "school", ["state"] = "Berlin" });
        Assert.Equal(["name", "state"], result.Errors.Select(e => e.Path));
    }
}
