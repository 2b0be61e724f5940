using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>Administrators manage accounts: list them, create one with a role (least privilege offered first); one account's page does the rest.</summary>
[Authorize(Policy = Accounts.Roles.CanAdminister)]
internal sealed class UsersModel(UserManager<IdentityUser> users, TimeProvider clock) : AppPage
{
    public string? Message { get; private set; }

    internal IReadOnlyList<(string Id, string Email, IReadOnlyList<string> Roles, bool TwoFactor, string State)> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancel) => await Load(cancel).ConfigureAwait(false);

    public async Task<IActionResult> OnPostCreateAsync(string? email, string? role, string? password, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 256 || password is null || password.Length > 256 || role is null || !Accounts.Roles.All.Contains(role))
        {
            return await Refuse([Texts.T(Language, "users.invalid")], cancel).ConfigureAwait(false);
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return await Refuse(created.Errors.Select(e => e.Description).ToList(), cancel).ConfigureAwait(false);
        }

        await users.AddToRoleAsync(user, role).ConfigureAwait(false);
        Message = Texts.T(Language, "users.created", email, Accounts.Roles.Label(role, Language));
        await Load(cancel).ConfigureAwait(false);
        return Page();
    }

    private async Task<IActionResult> Refuse(IReadOnlyList<string> errors, CancellationToken cancel)
    {
        await Load(cancel).ConfigureAwait(false);
        return Fail(StatusCodes.Status400BadRequest, errors);
    }

    private async Task Load(CancellationToken cancel)
    {
        var list = new List<(string, string, IReadOnlyList<string>, bool, string)>();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync(cancel).ConfigureAwait(false))
        {
            var roles = (await users.GetRolesAsync(user).ConfigureAwait(false)).Select(r => Accounts.Roles.Label(r, Language)).ToList();
            list.Add((user.Id, user.Email ?? user.UserName ?? "?", roles, user.TwoFactorEnabled, ManageModel.State(user, clock, Dates, Language)));
        }

        Users = list;
    }
}
