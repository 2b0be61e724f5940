using System.Net;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>
/// First run: while no administrator exists, a browser on the server itself (a loopback address) may create one.
/// From anywhere else, or once an administrator exists, the page does not exist (404). `aufsicht admin create-user`
/// does the same from the shell.
/// </summary>
[AllowAnonymous]
internal sealed class SetupModel(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn) : AppPage
{


    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        return await Available().ConfigureAwait(false) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? repeat)
    {
        if (!await Available().ConfigureAwait(false))
        {
            return NotFound();
        }

        Email = email is { Length: <= 256 } ? email : null;
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256 || password is null || password.Length > 256)
        {
            return Fail("login.missing");
        }

        if (password != repeat)
        {
            return Fail("setup.mismatch");
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return Fail(StatusCodes.Status400BadRequest, created.Errors.Select(e => e.Description).ToList());
        }

        await users.AddToRoleAsync(user, Roles.Administrator).ConfigureAwait(false);
        await signIn.SignInAsync(user, isPersistent: false).ConfigureAwait(false);
        return RedirectToPage("/Accounts/Pages/Account");
    }

    private async Task<bool> Available()
    {
        var remote = HttpContext.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote))
        {
            return false;
        }

        return (await users.GetUsersInRoleAsync(Roles.Administrator).ConfigureAwait(false)).Count == 0;
    }

}
