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

    private const string Kinds = "school, municipality, district, state-authority, university, company, other";

    public static TheoryData<string?[], string, string, string[]> BadCells => new()
    {
        { Row(kind: "schul"), "2:kind", "bodies.notOneOfSuggest", ["schul", Kinds, "Schule"] },
        { Row(kind: "Behörde"), "2:kind", "bodies.notOneOf", ["Behörde", Kinds] },
        { Row(state: "XX"), "2:state", "bodies.notOneOfSuggest", ["XX", "BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH", "BW"] },
        { Row(state: ""), "2:state", "bodies.required", [] },
        { Row(externalId: " "), "2:externalId", "bodies.required", [] },
        { Row(name: ""), "2:name", "bodies.required", [] },
        { Row(name: new string('n', 301)), "2:name", "bodies.tooLong", ["300", "301"] },
        { Row(region: new string('r', 101)), "2:region", "bodies.tooLong", ["100", "101"] },
        { Row(contactName: new string('c', 201)), "2:contactName", "bodies.tooLong", ["200", "201"] },
        { Row(externalId: new string('e', 101)), "2:externalId", "bodies.tooLong", ["100", "101"] },
        { Row(contactEmail: new string('e', 310) + "@example.org"), "2:contactEmail", "bodies.tooLong", ["320", "322"] },
        { Row(contactEmail: "sekretariat(at)schule.example"), "2:contactEmail", "bodies.notEmail", ["sekretariat(at)schule.example"] },
        { Row(contactEmail: "a@b"), "2:contactEmail", "bodies.notEmail", ["a@b"] },
        { Row(contactEmail: "a b@schule.example"), "2:contactEmail", "bodies.notEmail", ["a b@schule.example"] },
        { Row(contactEmail: "a@@schule.example"), "2:contactEmail", "bodies.notEmail", ["a@@schule.example"] },
        { Row(publicBody: "vielleicht"), "2:publicBody", "bodies.notOneOf", ["vielleicht", "true, false, ja, nein, yes, no, 1, 0"] },
        { Row(kind: "company", publicBody: "false", publicUndertaking: "true"), "2:publicUndertaking", "bodies.undertakingNotPublic", [] },
        { Row(language: "fr"), "2:language", "bodies.notOneOfSuggest", ["fr", "de, en", "de"] },
        { Row(name: "Zeile\nzwei"), "2:name", "bodies.controlCharacter", [] },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public void Read_BadCell_NamesRowColumnAndExpectation(string?[] row, string field, string key, string[] args)
    {
        var result = BodyRows.Read(Header, [row]);
        Assert.False(result.IsOk);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ErrorKind.Invalid, field, key), (error.Kind, error.Field, error.Key));
        Assert.Equal(args, error.Args);
    }

    [Theory]
    [InlineData("externalId,name,kind,state,regoin", "1:regoin", "bodies.unknownColumnSuggest", "region")]
    [InlineData("Kenung,name,kind,state", "1:Kenung", "bodies.unknownColumnSuggest", "Kennung")]
    [InlineData("externalId,name,kind,state,Telefon", "1:Telefon", "bodies.unknownColumn", "externalId, name, kind, region, state, publicBody, publicUndertaking, contactName, contactEmail, language, parent")]
    [InlineData("externalId,name,state", "1", "bodies.columnMissing", "kind", "Art")]
    [InlineData("externalId,name,kind,state,Art", "1:Art", "bodies.columnTwice", "kind", "3")]
    public void Read_BadHeader_NamesTheColumn(string header, string field, string key, params string[] args)
    {
        var result = BodyRows.Read(header.Split(','), [["S-1", "Schule", "school", "SH", ""]]);
        Assert.False(result.IsOk);
        var error = Assert.Single(result.Errors);
        Assert.Equal((field, key), (error.Field, error.Key));
        Assert.Equal(args, error.Args);
    }

    [Fact]
    public void Read_DuplicateExternalId_NamesBothRows()
    {
        var result = BodyRows.Read(Header, [Row(), Row(externalId: "S-002"), [null, null], Row()]);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("5:externalId", "bodies.idTwice"), (error.Field, error.Key));
        Assert.Equal(["S-001", "2"], error.Args);
    }

    [Fact]
    public void Read_EmptyRows_AreSkippedButCounted()
    {
        var result = BodyRows.Read(Header, [Row(), ["", " "], Row(externalId: "S-3", kind: "nope")]);
        Assert.Equal("4:kind", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Read_ShortRow_HasEmptyCells_ExtraCellIsAnError()
    {
        var shortRow = BodyRows.Read(Header, [["S-1", "Schule", "school", "", "SH"]]);
        Assert.True(shortRow.IsOk, string.Join("; ", shortRow.Errors));
        var longRow = BodyRows.Read(Header, [[.. Row(), "extra"]]);
        var extra = Assert.Single(longRow.Errors);
        Assert.Equal(("2:#11", "bodies.beyondHeader"), (extra.Field, extra.Key));
        Assert.Equal(new CellAt(2, ColumnNumber: 11), CellAt.Parse(extra.Field));
    }

    [Fact]
    public void Read_EveryErrorOfEveryRow_CappedWithACount()
    {
        var rows = Enumerable.Range(0, 150).Select(i => Row(externalId: "S-" + i, kind: "x", state: "XX")).ToList();
        var result = BodyRows.Read(Header, rows, maxErrors: 100);
        Assert.Equal(101, result.Errors.Count);
        Assert.Equal("2:kind", result.Errors[0].Field);
        Assert.Equal("2:state", result.Errors[1].Field);
        Assert.Equal(("bodies.moreErrors", "200"), (result.Errors[^1].Key, Assert.Single(result.Errors[^1].Args)));
    }

    [Fact]
    public void Read_TooManyRows_IsRefused()
    {
        var rows = Enumerable.Range(0, BodyRows.MaxRows + 1).Select(i => Row(externalId: "S-" + i));
        var result = BodyRows.Read(Header, rows);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ErrorKind.TooLarge, "100002", "bodies.tooManyRows"), (error.Kind, error.Field, error.Key));
    }

    [Theory]
    [InlineData("4:kind", 4, "kind", null)]
    [InlineData("1:Ansprechpartner", 1, "Ansprechpartner", null)]
    [InlineData("2:#11", 2, null, 11)]
    [InlineData("7", 7, null, null)]
    public void CellAt_ParsesWhatItWrites(string field, int row, string? column, int? number)
    {
        var at = new CellAt(row, column, number);
        Assert.Equal(field, at.ToString());
        Assert.Equal(at, CellAt.Parse(field));
    }

    [Theory]
    [InlineData("file")]
    [InlineData("kind")]
    [InlineData("")]
    [InlineData("x1:kind")]
    public void CellAt_OtherFields_AreNoPlace(string field) => Assert.Null(CellAt.Parse(field));

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
        Assert.Equal([("name", "bodies.required"), ("state", "bodies.tooLong")], result.Errors.Select(e => (e.Field, e.Key)));
    }
}
