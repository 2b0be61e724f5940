using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>Signing out: a POST (with antiforgery) from the header's button; a GET only shows the catalogue.</summary>
[AllowAnonymous]
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.RequestServices.GetRequiredService<SignInManager<IdentityUser>>().SignOutAsync().ConfigureAwait(false);
        return LocalRedirect("/");
    }
}
