using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>Signing in with e-mail and password. One message for any failure (no hint which part was wrong); lockout after repeated failures.</summary>
[AllowAnonymous]
internal sealed class LoginModel(SignInManager<IdentityUser> signIn, OidcOptions? oidc = null) : AppPage
{


    public string? Email { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public string? External => oidc?.DisplayName;

    public void OnGet(string? returnUrl)
    {
        ReturnUrl = LocalOrRoot(returnUrl);
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        ReturnUrl = LocalOrRoot(returnUrl);
        Email = email is { Length: <= 256 } ? email : null;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 256 || password.Length > 256)
        {
            return Fail("login.missing");
        }

        var result = await signIn.PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/Pages/LoginCode", new { returnUrl = ReturnUrl });
        }

        return Fail(result.IsLockedOut ? "login.locked" : "login.failed");
    }


    private static string LocalOrRoot(string? url) => Web.LocalUrl.OrRoot(url);
}
