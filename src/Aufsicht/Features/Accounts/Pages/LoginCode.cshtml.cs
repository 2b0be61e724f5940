using Aufsicht.Core.Law;
using Aufsicht.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>The second step of signing in for accounts with TOTP: a six-digit code, or one of the recovery codes.</summary>
[AllowAnonymous]
public sealed class LoginCodeModel : PageModel
{
    public Language Language { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl)
    {
        Language = UiLanguageMiddleware.Of(HttpContext);
        ReturnUrl = returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl)
    {
        OnGet(returnUrl);
        var signIn = HttpContext.RequestServices.GetRequiredService<SignInManager<IdentityUser>>();
        if (await signIn.GetTwoFactorAuthenticationUserAsync().ConfigureAwait(false) is null)
        {
            return LocalRedirect("/anmelden");
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

    private PageResult Fail(string key)
    {
        Errors = [UiText.T(Language, key)];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
