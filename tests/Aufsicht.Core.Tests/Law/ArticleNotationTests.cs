using Aufsicht.Core.Law;
using Xunit;
using static Aufsicht.Core.Tests.TestData;

namespace Aufsicht.Core.Tests.Law;

/// <summary>GDPR references as German and English readers cite them; anything of another shape passes through.</summary>
[Trait("Category", "Unit")]
public sealed class ArticleNotationTests
{
    [Theory]
    [InlineData("Art. 13", "Art. 13 DSGVO", "Art. 13 GDPR")]
    [InlineData("Art. 44", "Art. 44 DSGVO", "Art. 44 GDPR")]
    [InlineData("Art. 25(1)", "Art. 25 Abs. 1 DSGVO", "Art. 25(1) GDPR")]
    [InlineData("Art. 28(3)", "Art. 28 Abs. 3 DSGVO", "Art. 28(3) GDPR")]
    [InlineData("Art. 28(10)", "Art. 28 Abs. 10 DSGVO", "Art. 28(10) GDPR")]
    [InlineData("Art. 28(3)(a)", "Art. 28 Abs. 3 lit. a DSGVO", "Art. 28(3)(a) GDPR")]
    [InlineData("Art. 5(1)(c)", "Art. 5 Abs. 1 lit. c DSGVO", "Art. 5(1)(c) GDPR")]
    [InlineData("Art. 32(1)(a)", "Art. 32 Abs. 1 lit. a DSGVO", "Art. 32(1)(a) GDPR")]
    [InlineData("Art. 4(7)", "Art. 4 Nr. 7 DSGVO", "Art. 4(7) GDPR")]
    [InlineData("Art. 4", "Art. 4 DSGVO", "Art. 4 GDPR")]
    [InlineData("Art. 99", "Art. 99 DSGVO", "Art. 99 GDPR")]
    public void Format_AGdprReference_IsWrittenAsTheReaderCitesIt(string reference, string german, string english)
    {
        Assert.Equal(german, ArticleNotation.Format(reference, Language.De));
        Assert.Equal(english, ArticleNotation.Format(reference, Language.En));
    }

    [Theory]
    [InlineData("§ 26 BDSG")]
    [InlineData("Art. 28 DSGVO")]
    [InlineData("Art. 28 Abs. 3 DSGVO")]
    [InlineData("Art. 100")]
    [InlineData("Art. 0")]
    [InlineData("Art. 4(7)(a)")]
    [InlineData("Art. 28(3)(a)(i)")]
    [InlineData("Art. 28(3)(A)")]
    [InlineData("Art.28(3)")]
    [InlineData("Art. 28(3) ")]
    [InlineData("")]
    public void Format_AnUnknownShape_PassesThroughUnchanged(string reference)
    {
        Assert.Equal(reference, ArticleNotation.Format(reference, Language.De));
        Assert.Equal(reference, ArticleNotation.Format(reference, Language.En));
    }

    [Fact]
    public void FormatAll_SeveralReferences_AreCommaSeparated() =>
        Assert.Equal("Art. 28 Abs. 3 DSGVO, Art. 28 Abs. 9 DSGVO", ArticleNotation.FormatAll(["Art. 28(3)", "Art. 28(9)"], Language.De));

    [Fact]
    public void Format_EveryShippedCriterionReference_IsRewritten()
    {
        // The catalogue holds only shapes the function knows; a new one would otherwise show English-style on German pages.
        var references = Data.Criteria.All.SelectMany(c => c.Articles).Where(a => a.StartsWith("Art.", StringComparison.Ordinal));
        Assert.All(references, a => Assert.EndsWith(" DSGVO", ArticleNotation.Format(a, Language.De), StringComparison.Ordinal));
    }
}
