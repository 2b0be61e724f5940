using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>
/// The second step of signing in for accounts with TOTP: a six-digit code (each accepted once), or one of the recovery
/// codes. Wrong codes count towards the account's lockout and the address's limit, as wrong passwords do.
/// </summary>
[AllowAnonymous]
internal sealed class LoginCodeModel(SignInManager<IdentityUser> signIn, SignInThrottle throttle) : AppPage
{

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl)
    {
        ReturnUrl = Web.LocalUrl.OrRoot(returnUrl);
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl)
    {
        OnGet(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync().ConfigureAwait(false) is null)
        {
            return RedirectToPage("/Accounts/Pages/Login");
        }

        var address = HttpContext.Connection.RemoteIpAddress;
        if (throttle.AddressBlocked(address))
        {
            return Fail("login.throttled", StatusCodes.Status429TooManyRequests);
        }

        var token = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (token.Length is 0 or > 20)
        {
            throttle.Failed(address, unknownName: null);
            return Fail("login.codeWrong");
        }

        var result = token.Length == 6 && token.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(token, isPersistent: false, rememberClient: false).ConfigureAwait(false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code!.Trim()).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        throttle.Failed(address, unknownName: null);
        return Fail(result.IsLockedOut ? "login.locked" : "login.codeWrong");
    }
}
