using Aufsicht.Core;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

/// <summary>An account's role, replaced by another; refused when it would leave no active administrator. Its sessions end (they carry the old role).</summary>
internal sealed class ChangeRole(UserManager<IdentityUser> users)
{
    public async Task<Result<string>> RunAsync(IdentityUser target, string? role)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (role is null || !Roles.All.Contains(role))
        {
            return Error.Invalid("role", "users.badRole");
        }

        var current = await users.GetRolesAsync(target).ConfigureAwait(false);
        if (current.Count == 1 && current[0] == role)
        {
            return Result<string>.Ok(role);
        }

        if (role != Roles.Administrator && await AccountRules.IsLastAdministratorAsync(users, target).ConfigureAwait(false))
        {
            return Error.Conflict("role", "users.lastAdministrator");
        }

        var removed = await users.RemoveFromRolesAsync(target, current).ConfigureAwait(false);
        var added = removed.Succeeded ? await users.AddToRoleAsync(target, role).ConfigureAwait(false) : removed;
        if (!added.Succeeded)
        {
            return Result<string>.Fail(AccountRules.Errors(added, "role"));
        }

        await users.UpdateSecurityStampAsync(target).ConfigureAwait(false);
        return Result<string>.Ok(role);
    }
}
