using System.Security.Claims;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>
/// Signing in through the authority's identity provider. POST starts it; the provider returns here (GET). The
/// identity is linked to the local account with the same e-mail address on first use; roles stay local, given by an
/// administrator. An identity without a local account is refused with a message.
/// </summary>
[AllowAnonymous]
internal sealed class ExternalModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn, OidcOptions? oidc = null) : AppPage
{
    public IActionResult OnPost(string? returnUrl)
    {
        if (oidc is null)
        {
            return NotFound();
        }

        var back = Url.Page("/Accounts/Pages/External", new { returnUrl = Web.LocalUrl.OrRoot(returnUrl) });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(OidcOptions.Scheme, back), OidcOptions.Scheme);
    }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var target = Web.LocalUrl.OrRoot(returnUrl);
        var info = await signIn.GetExternalLoginInfoAsync().ConfigureAwait(false);
        if (info is null)
        {
            // Nothing to finish (opened directly, or the provider refused): say so, as a bad request.
            return Fail("login.externalFailed", StatusCodes.Status400BadRequest);
        }

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return LocalRedirect(target);
        }

        if (result.IsLockedOut)
        {
            return Fail("login.locked", StatusCodes.Status403Forbidden);
        }

        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
        var verified = info.Principal.FindFirstValue("email_verified") is null or "true" or "True";
        var user = email is null || !verified ? null : await users.FindByEmailAsync(email).ConfigureAwait(false);
        if (user is null)
        {
            return Fail("login.noLocalAccount", StatusCodes.Status403Forbidden);
        }

        if (await users.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            return Fail("login.locked", StatusCodes.Status403Forbidden);
        }

        var linked = await users.AddLoginAsync(user, info).ConfigureAwait(false);
        if (!linked.Succeeded)
        {
            return Fail("login.externalFailed", StatusCodes.Status403Forbidden);
        }

        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: info.LoginProvider).ConfigureAwait(false);
        return LocalRedirect(target);
    }

}
