using Aufsicht.Core;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

/// <summary>
/// Deleting an account with its roles, claims, logins and keys. What it did stays: the change history and the other
/// records name people by e-mail address in their own columns, not by a key into the accounts. Refused for the last
/// active administrator (also when it is one's own account).
/// </summary>
internal sealed class DeleteAccount(UserManager<IdentityUser> users)
{
    public async Task<Result<string>> RunAsync(IdentityUser target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (await AccountRules.IsLastAdministratorAsync(users, target).ConfigureAwait(false))
        {
            return Error.Conflict("id", "users.lastAdministrator");
        }

        var email = target.Email ?? target.UserName ?? string.Empty;
        var deleted = await users.DeleteAsync(target).ConfigureAwait(false);
        return deleted.Succeeded ? Result<string>.Ok(email) : Result<string>.Fail(AccountRules.Errors(deleted, "id"));
    }
}
