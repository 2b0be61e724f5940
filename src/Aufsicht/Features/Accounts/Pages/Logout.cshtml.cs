using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>Signing out: a POST (with antiforgery) from the header's button; a GET only shows the catalogue.</summary>
[AllowAnonymous]
internal sealed class LogoutModel(SignInManager<IdentityUser> signIn) : AppPage
{
    public IActionResult OnGet() => RedirectToPage("/Catalog/Pages/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync().ConfigureAwait(false);
        return RedirectToPage("/Catalog/Pages/Index");
    }
}
