using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Aufsicht.Core.Law;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

/// <summary>
/// What a handler's calendar feed and reminders need to know of the account, kept in Identity's own tables (no
/// migration): the hash of the feed's secret as a user token, the language for feed and e-mail as a claim.
/// </summary>
internal static class HandlerSettings
{
    /// <summary>The login provider under which Aufsicht keeps its own user tokens.</summary>
    public const string Provider = "Aufsicht";

    /// <summary>The user token holding the SHA-256 (hex) of the calendar feed's secret; the secret itself is shown once.</summary>
    public const string FeedToken = "CalendarFeed";

    /// <summary>The claim holding the language (de, en) of the handler's feed and reminders; German without it.</summary>
    public const string LanguageClaim = "aufsicht:language";

    /// <summary>The secret of a feed address: 32 random bytes, base64url (43 characters, no padding).</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Only what <see cref="NewSecret"/> makes can be a secret: anything else is not looked up at all.</summary>
    public static bool IsWellFormed(string? secret) =>
        secret is { Length: 43 } && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    public static Language LanguageOf(string? stored) => stored == "en" ? Language.En : Language.De;

    /// <summary>The path of the feed of <paramref name="secret"/>, under the public address.</summary>
    public static string FeedPath(string secret) => $"/verfahren/fristen/{secret}.ics";

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Creates a new calendar feed address for one's own account, or renews it: the old address stops working at once.
/// Only the hash is stored; the address is returned to be shown once. The page's language becomes the feed's and the
/// reminders' language.
/// </summary>
internal sealed class RenewCalendarFeed(UserManager<IdentityUser> users)
{
    public async Task<string> RunAsync(IdentityUser user, Language language)
    {
        ArgumentNullException.ThrowIfNull(user);
        var secret = HandlerSettings.NewSecret();
        await Check(users.SetAuthenticationTokenAsync(user, HandlerSettings.Provider, HandlerSettings.FeedToken, HandlerSettings.Hash(secret))).ConfigureAwait(false);
        var wanted = new Claim(HandlerSettings.LanguageClaim, language == Language.En ? "en" : "de");
        var claims = await users.GetClaimsAsync(user).ConfigureAwait(false);
        if (claims.FirstOrDefault(c => c.Type == HandlerSettings.LanguageClaim) is { } old)
        {
            if (old.Value != wanted.Value)
            {
                await Check(users.ReplaceClaimAsync(user, old, wanted)).ConfigureAwait(false);
            }
        }
        else
        {
            await Check(users.AddClaimAsync(user, wanted)).ConfigureAwait(false);
        }

        return secret;
    }

    /// <summary>Whether the account has a feed address (its secret cannot be shown again).</summary>
    public async Task<bool> ExistsAsync(IdentityUser user) =>
        await users.GetAuthenticationTokenAsync(user, HandlerSettings.Provider, HandlerSettings.FeedToken).ConfigureAwait(false) is not null;

    private static async Task Check(Task<IdentityResult> operation)
    {
        var result = await operation.ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
