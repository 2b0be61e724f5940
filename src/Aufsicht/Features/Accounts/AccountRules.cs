using Aufsicht.Core;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

/// <summary>What the account use cases share: Identity's refusals as errors, and the rule that an installation keeps an administrator.</summary>
internal static class AccountRules
{
    /// <summary>Identity's messages (already in the user's language) as errors of one field.</summary>
    public static Error[] Errors(IdentityResult result, string field) =>
        [.. result.Errors.Select(e => Error.Invalid(field, "account.identityError", e.Description))];

    /// <summary>Whether taking <paramref name="target"/> out of the administrators (demoting, deactivating, deleting) would leave none active.</summary>
    public static async Task<bool> IsLastAdministratorAsync(UserManager<IdentityUser> users, IdentityUser target)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(target);
        if (!await users.IsInRoleAsync(target, Roles.Administrator).ConfigureAwait(false))
        {
            return false;
        }

        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator).ConfigureAwait(false);
        return !administrators.Any(a => a.Id != target.Id && !IsDeactivated(a));
    }

    public static bool IsDeactivated(IdentityUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;
}
