using System.Text;
using Aufsicht.Features.Shared;
using Aufsicht.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>One's own account: roles, and the TOTP second factor (set up with any authenticator app; recovery codes shown once).</summary>
[Authorize(Policy = Accounts.Roles.Staff)]
internal sealed class AccountModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn) : AppPage
{

    public string Email { get; private set; } = string.Empty;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public bool TwoFactorEnabled { get; private set; }

    public string FormattedKey { get; private set; } = string.Empty;

    public string AuthenticatorUri { get; private set; } = string.Empty;

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await Show().ConfigureAwait(false);

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
            Errors = [Texts.T(UiLanguageMiddleware.Of(HttpContext), "account.wrongCode")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show().ConfigureAwait(false);
        }

        await users.SetTwoFactorEnabledAsync(user, true).ConfigureAwait(false);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10).ConfigureAwait(false))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        return await Show().ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false).ConfigureAwait(false);
        await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false);
        return await Show().ConfigureAwait(false);
    }

    private async Task<IActionResult> Show()
    {
        var user = await users.GetUserAsync(User).ConfigureAwait(false);
        if (user is null)
        {
            return Challenge();
        }

        Email = user.Email ?? user.UserName ?? string.Empty;
        Roles = (await users.GetRolesAsync(user).ConfigureAwait(false)).ToList();
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user).ConfigureAwait(false);
        if (!TwoFactorEnabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false);
                key = await users.GetAuthenticatorKeyAsync(user).ConfigureAwait(false);
            }

            FormattedKey = Format(key!);
            AuthenticatorUri = $"otpauth://totp/Aufsicht:{Uri.EscapeDataString(Email)}?secret={key}&issuer=Aufsicht&digits=6";
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
