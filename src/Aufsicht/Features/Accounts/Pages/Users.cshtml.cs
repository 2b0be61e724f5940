using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>Administrators manage accounts: list them, create one with a role, lock and unlock.</summary>
[Authorize(Policy = Accounts.Roles.CanAdminister)]
internal sealed class UsersModel(UserManager<IdentityUser> users, TimeProvider clock) : AppPage
{

    public string? Message { get; private set; }

    internal IReadOnlyList<(string Id, string Email, IList<string> Roles, bool TwoFactor, bool Locked)> Users { get; private set; } = [];

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
        Message = Texts.T(Language, "users.created", email, role);
        await Load(cancel).ConfigureAwait(false);
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(string? id, CancellationToken cancel) => await SetLock(id, locked: true, cancel).ConfigureAwait(false);

    public async Task<IActionResult> OnPostUnlockAsync(string? id, CancellationToken cancel) => await SetLock(id, locked: false, cancel).ConfigureAwait(false);

    private async Task<IActionResult> SetLock(string? id, bool locked, CancellationToken cancel)
    {
        var user = id is null ? null : await users.FindByIdAsync(id).ConfigureAwait(false);
        if (user is null)
        {
            return await Refuse([Texts.T(Language, "users.unknown")], cancel).ConfigureAwait(false);
        }

        if (locked && user.Id == users.GetUserId(User))
        {
            return await Refuse([Texts.T(Language, "users.notSelf")], cancel).ConfigureAwait(false);
        }

        await users.SetLockoutEnabledAsync(user, true).ConfigureAwait(false);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null).ConfigureAwait(false);
        if (locked)
        {
            await users.UpdateSecurityStampAsync(user).ConfigureAwait(false); // ends its sessions
        }

        Message = Texts.T(Language, locked ? "users.lockedMessage" : "users.unlockedMessage", user.Email ?? user.UserName ?? "?");
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
        var list = new List<(string, string, IList<string>, bool, bool)>();
        var now = clock.GetUtcNow();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync(cancel).ConfigureAwait(false))
        {
            list.Add((user.Id, user.Email ?? user.UserName ?? "?", await users.GetRolesAsync(user).ConfigureAwait(false), user.TwoFactorEnabled,
                user.LockoutEnd is { } end && end > now));
        }

        Users = list;
    }
}
