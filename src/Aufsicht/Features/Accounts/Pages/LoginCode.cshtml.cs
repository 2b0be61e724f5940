using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>The second step of signing in for accounts with TOTP: a six-digit code, or one of the recovery codes.</summary>
[AllowAnonymous]
internal sealed class LoginCodeModel(SignInManager<IdentityUser> signIn) : AppPage
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

        var token = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (token.Length is 0 or > 20)
        {
            return Fail("login.codeWrong");
        }

        var result = token.Length == 6 && token.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(token, isPersistent: false, rememberClient: false).ConfigureAwait(false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code!.Trim()).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        return Fail(result.IsLockedOut ? "login.locked" : "login.codeWrong");
    }

}
