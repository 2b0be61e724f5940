using System.Text;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>
/// One's own account: roles, a new password, and the TOTP second factor (set up with any authenticator app from a QR
/// code drawn here or the key beside it; recovery codes shown once; turned off only with the password or a current code).
/// </summary>
[Authorize(Policy = Accounts.Roles.Staff)]
internal sealed class AccountModel(
    UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, ChangeOwnPassword changePassword, IUserStore<IdentityUser> store,
    RenewCalendarFeed calendarFeed, Web.PublicAddress address) : AppPage
{
    public string Email { get; private set; } = string.Empty;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    public bool MustChangePassword { get; private set; }

    public string FormattedKey { get; private set; } = string.Empty;

    public string AuthenticatorUri { get; private set; } = string.Empty;

    /// <summary>The authenticator address as a QR code, a PNG in a data: address (drawn here; no other host sees the key).</summary>
    public string QrCode { get; private set; } = string.Empty;

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>Whether the account has a calendar feed address (its secret is shown only when made).</summary>
    public bool HasCalendarFeed { get; private set; }

    /// <summary>The feed address just made, shown once; null otherwise.</summary>
    public string? CalendarFeedAddress { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await Show().ConfigureAwait(false);

    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword, string? repeat)
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        var result = await changePassword.RunAsync(user, currentPassword, newPassword, repeat).ConfigureAwait(false);
        if (!result.IsOk)
        {
            Errors = Failures.Messages(result.Errors, Language);
            Response.StatusCode = Failures.Status(result.Errors);
            return await Show().ConfigureAwait(false);
        }

        // This session goes on with the new stamp; every other one has ended.
        await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        Message = Texts.T(Language, "password.changed");
        return await Show(user).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code)
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        var token = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        var valid = token.Length == 6 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, token).ConfigureAwait(false);
        if (!valid)
        {
            Errors = [Texts.T(Language, "account.wrongCode")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show().ConfigureAwait(false);
        }

        await users.SetTwoFactorEnabledAsync(user, true).ConfigureAwait(false);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10).ConfigureAwait(false))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        return await Show(user).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostDisableAsync(string? confirmation)
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        var given = (confirmation ?? string.Empty).Trim();
        var digits = given.Replace(" ", string.Empty, StringComparison.Ordinal);
        var confirmed = given.Length is > 0 and <= 256
            && ((digits.Length == 6 && digits.All(char.IsAsciiDigit) && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits).ConfigureAwait(false))
                || await users.CheckPasswordAsync(user, confirmation!).ConfigureAwait(false));
        if (!confirmed)
        {
            await users.AccessFailedAsync(user).ConfigureAwait(false);
            Errors = [Texts.T(Language, "account.disableRefused")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show().ConfigureAwait(false);
        }

        await users.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false);
        await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        await TotpTokenProvider.ForgetAsync(users, user).ConfigureAwait(false);
        await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        Message = Texts.T(Language, "account.disabled");
        return await Show(user).ConfigureAwait(false);
    }

    /// <summary>Makes the calendar feed address, or a new one in place of the old (which stops working at once).</summary>
    public async Task<IActionResult> OnPostCalendarAsync()
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        var secret = await calendarFeed.RunAsync(user, Language).ConfigureAwait(false);
        CalendarFeedAddress = address.For(Request).TrimEnd('/') + HandlerSettings.FeedPath(secret);
        return await Show(user).ConfigureAwait(false);
    }

    private async Task<IActionResult> Show(IdentityUser? known = null)
    {
        var user = known ?? await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        Email = user.Email ?? user.UserName ?? string.Empty;
        Roles = (await users.GetRolesAsync(user).ConfigureAwait(false)).Select(r => Accounts.Roles.Label(r, Language)).ToList();
        MustChangePassword = (await users.GetClaimsAsync(user).ConfigureAwait(false)).Any(c => c.Type == OneTimePassword.MustChangeClaim);
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user).ConfigureAwait(false);
        HasCalendarFeed = await calendarFeed.ExistsAsync(user).ConfigureAwait(false);
        if (!TwoFactorEnabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
            if (string.IsNullOrEmpty(key))
            {
                // A first key without a new security stamp (ResetAuthenticatorKeyAsync would end every session of the account, this one too).
                key = users.GenerateNewAuthenticatorKey();
                await ((IUserAuthenticatorKeyStore<IdentityUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted).ConfigureAwait(false);
                await users.UpdateAsync(user).ConfigureAwait(false);
            }

            FormattedKey = Format(key!);
            AuthenticatorUri = $"otpauth://totp/Aufsicht:{Uri.EscapeDataString(Email)}?secret={key}&issuer=Aufsicht&digits=6";
            QrCode = QrImage.DataUri(AuthenticatorUri);
        }

        return Page();
    }

    private static string Format(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }
}
