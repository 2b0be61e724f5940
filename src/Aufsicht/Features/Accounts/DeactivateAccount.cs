using Aufsicht.Core;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

/// <summary>Deactivating an account: locked without end, its sessions end at once. Not one's own, not the last administrator.</summary>
internal sealed class DeactivateAccount(UserManager<IdentityUser> users)
{
    public async Task<Result<IdentityUser>> RunAsync(string actorId, IdentityUser target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Id == actorId)
        {
            return Error.Invalid("id", "users.notSelf");
        }

        if (await AccountRules.IsLastAdministratorAsync(users, target).ConfigureAwait(false))
        {
            return Error.Conflict("id", "users.lastAdministrator");
        }

        target.LockoutEnabled = true;
        target.LockoutEnd = DateTimeOffset.MaxValue;
        var saved = await users.UpdateSecurityStampAsync(target).ConfigureAwait(false);
        return saved.Succeeded ? Result<IdentityUser>.Ok(target) : Result<IdentityUser>.Fail(AccountRules.Errors(saved, "id"));
    }
}
