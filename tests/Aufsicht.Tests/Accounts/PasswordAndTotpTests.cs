using Aufsicht.Features.Accounts;
using Xunit;

namespace Aufsicht.Tests.Accounts;

/// <summary>The common-password list and the arithmetic of codes accepted once: no database.</summary>
[Trait("Category", "Unit")]
public sealed class PasswordAndTotpTests
{
    [Theory]
    [InlineData("password", true)]
    [InlineData("Password1234", true)]
    [InlineData("qwertyqwerty", true)]
    [InlineData("iloveyou2024!", true)]
    [InlineData("sunshine-sunshine", false)]
    [InlineData("correct horse battery staple", false)]
    [InlineData("Die Aufsicht prüft gründlich", false)]
    [InlineData("", false)]
    public void IsCommon_Table(string password, bool common) => Assert.Equal(common, CommonPasswordValidator.IsCommon(password));

    [Fact]
    public void IsCommon_TheAccountsOwnAddress() =>
        Assert.True(CommonPasswordValidator.IsCommon("mustermann2024", "mustermann@behoerde.example"));

    private static readonly byte[] Key = TotpCode.Base32("JBSWY3DPEHPK3PXP");

    [Fact]
    public void Match_RfcVector_AndDrift()
    {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 → the last six digits.
        var rfcKey = System.Text.Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal("287082", TotpCode.Code(rfcKey, 1));
        const long Now = 1_000_000;
        Assert.Equal(Now, TotpCode.Match(Key, TotpCode.Code(Key, Now), Now, null));
        Assert.Equal(Now - 1, TotpCode.Match(Key, TotpCode.Code(Key, Now - 1), Now, null));
        Assert.Equal(Now + 1, TotpCode.Match(Key, TotpCode.Code(Key, Now + 1), Now, null));
        Assert.Null(TotpCode.Match(Key, TotpCode.Code(Key, Now - 2), Now, null));
        Assert.Null(TotpCode.Match(Key, "12345", Now, null));
        Assert.Null(TotpCode.Match(Key, "abcdef", Now, null));
    }

    [Fact]
    public void Match_ACodeOfTheLastAcceptedStepOrEarlier_IsRefused()
    {
        const long Now = 1_000_000;
        var code = TotpCode.Code(Key, Now);
        Assert.Null(TotpCode.Match(Key, code, Now, lastAccepted: Now));
        Assert.Null(TotpCode.Match(Key, TotpCode.Code(Key, Now - 1), Now, lastAccepted: Now));
        Assert.Equal(Now + 1, TotpCode.Match(Key, TotpCode.Code(Key, Now + 1), Now, lastAccepted: Now));
    }
}
