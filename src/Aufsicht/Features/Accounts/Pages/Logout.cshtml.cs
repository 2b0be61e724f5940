using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>Signing out: a POST (with antiforgery) from the header's button; a GET only shows the catalogue.</summary>
[AllowAnonymous]
public sealed class LogoutModel : AppPage
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await Service<SignInManager<IdentityUser>>().SignOutAsync().ConfigureAwait(false);
        return LocalRedirect("/");
    }
}
