using System.Security.Claims;
using Aufsicht.Core.Law;
using Aufsicht.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>
/// Signing in through the authority's identity provider. POST starts it; the provider returns here (GET). The
/// identity is linked to the local account with the same e-mail address on first use; roles stay local, given by an
/// administrator. An identity without a local account is refused with a message.
/// </summary>
[AllowAnonymous]
public sealed class ExternalModel : PageModel
{
    public Language Language { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    private SignInManager<IdentityUser> SignInManager => HttpContext.RequestServices.GetRequiredService<SignInManager<IdentityUser>>();

    public IActionResult OnPost(string? returnUrl)
    {
        if (HttpContext.RequestServices.GetService<OidcOptions>() is null)
        {
            return NotFound();
        }

        var back = "/anmelden/extern?returnUrl=" + Uri.EscapeDataString(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        return Challenge(SignInManager.ConfigureExternalAuthenticationProperties(OidcOptions.Scheme, back), OidcOptions.Scheme);
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        Language = UiLanguageMiddleware.Of(HttpContext);
        var target = returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        var info = await SignInManager.GetExternalLoginInfoAsync().ConfigureAwait(false);
        if (info is null)
        {
            // Nothing to finish (opened directly, or the provider refused): say so, as a bad request.
            return Fail("login.externalFailed", StatusCodes.Status400BadRequest);
        }

        var result = await SignInManager.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return LocalRedirect(target);
        }

        if (result.IsLockedOut)
        {
            return Fail("login.locked");
        }

        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
        var verified = info.Principal.FindFirstValue("email_verified") is null or "true" or "True";
        var users = HttpContext.RequestServices.GetRequiredService<UserManager<IdentityUser>>();
        var user = email is null || !verified ? null : await users.FindByEmailAsync(email).ConfigureAwait(false);
        if (user is null)
        {
            return Fail("login.noLocalAccount");
        }

        if (await users.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            return Fail("login.locked");
        }

        var linked = await users.AddLoginAsync(user, info).ConfigureAwait(false);
        if (!linked.Succeeded)
        {
            return Fail("login.externalFailed");
        }

        await SignInManager.SignInAsync(user, isPersistent: false, authenticationMethod: info.LoginProvider).ConfigureAwait(false);
        return LocalRedirect(target);
    }

    private PageResult Fail(string key, int status = StatusCodes.Status403Forbidden)
    {
        Errors = [UiText.T(Language, key)];
        Response.StatusCode = status;
        return Page();
    }
}
