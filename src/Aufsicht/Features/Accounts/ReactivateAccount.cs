using Aufsicht.Core;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

/// <summary>Reactivating a deactivated (or temporarily locked) account.</summary>
internal sealed class ReactivateAccount(UserManager<IdentityUser> users)
{
    public async Task<Result<IdentityUser>> RunAsync(IdentityUser target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.LockoutEnd = null;
        target.AccessFailedCount = 0;
        var saved = await users.UpdateAsync(target).ConfigureAwait(false);
        return saved.Succeeded ? Result<IdentityUser>.Ok(target) : Result<IdentityUser>.Fail(AccountRules.Errors(saved, "id"));
    }
}
