using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>
/// Signing out: a POST (with antiforgery) from the header's button; a GET only shows the catalogue. The account gets a
/// new security stamp, so the session ends on the server too: a copy of the cookie no longer signs anyone in.
/// </summary>
[AllowAnonymous]
internal sealed class LogoutModel(SignInManager<IdentityUser> signIn) : AppPage
{
    public IActionResult OnGet() => RedirectToPage("/Catalog/Pages/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User).ConfigureAwait(false) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        }

        await signIn.SignOutAsync().ConfigureAwait(false);
        return RedirectToPage("/Catalog/Pages/Index");
    }
}
