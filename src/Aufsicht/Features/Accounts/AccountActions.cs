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
        return !administrators.Any(a => a.Id != target.Id && a.LockoutEnd != DateTimeOffset.MaxValue);
    }

    public static bool IsDeactivated(IdentityUser user) => user.LockoutEnd == DateTimeOffset.MaxValue;
}

/// <summary>One's own new password: the current one, the new one twice. The account's other sessions end (new security stamp).</summary>
internal sealed class ChangeOwnPassword(UserManager<IdentityUser> users)
{
    public async Task<Result<IdentityUser>> RunAsync(IdentityUser user, string? current, string? next, string? repeat)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next) || current.Length > 256 || next.Length > 256)
        {
            return Error.Invalid("newPassword", "password.missing");
        }

        if (next != repeat)
        {
            return Error.Invalid("repeat", "setup.mismatch");
        }

        if (next == current)
        {
            return Error.Invalid("newPassword", "password.same");
        }

        if (!await users.CheckPasswordAsync(user, current).ConfigureAwait(false))
        {
            // A wrong current password counts towards the lockout, as at sign-in.
            await users.AccessFailedAsync(user).ConfigureAwait(false);
            return Error.Invalid("currentPassword", "password.wrongCurrent");
        }

        var changed = await users.ChangePasswordAsync(user, current, next).ConfigureAwait(false);
        if (!changed.Succeeded)
        {
            return Result<IdentityUser>.Fail(AccountRules.Errors(changed, "newPassword"));
        }

        var duty = (await users.GetClaimsAsync(user).ConfigureAwait(false)).Where(c => c.Type == OneTimePassword.MustChangeClaim).ToList();
        if (duty.Count > 0)
        {
            await users.RemoveClaimsAsync(user, duty).ConfigureAwait(false);
        }

        return Result<IdentityUser>.Ok(user);
    }
}

/// <summary>
/// An administrator's (or the CLI's) new password for an account: generated unless given, shown once; the account must
/// choose its own at the next sign-in, its sessions end, a temporary lockout is lifted (a deactivation is not).
/// </summary>
internal sealed class ResetPassword(UserManager<IdentityUser> users)
{
    public async Task<Result<string>> RunAsync(IdentityUser target, string? chosen = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var password = chosen ?? OneTimePassword.New();
        var refused = new List<Error>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, target, password).ConfigureAwait(false);
            refused.AddRange(result.Succeeded ? [] : AccountRules.Errors(result, "password"));
        }

        if (refused.Count > 0)
        {
            return Result<string>.Fail(refused);
        }

        if (!(await users.GetClaimsAsync(target).ConfigureAwait(false)).Any(c => c.Type == OneTimePassword.MustChangeClaim))
        {
            await users.AddClaimAsync(target, new System.Security.Claims.Claim(OneTimePassword.MustChangeClaim, "1")).ConfigureAwait(false);
        }

        // One write: the new hash, a new stamp (the old sessions end), no failed attempts, no temporary lockout.
        target.PasswordHash = users.PasswordHasher.HashPassword(target, password);
        target.AccessFailedCount = 0;
        if (!AccountRules.IsDeactivated(target))
        {
            target.LockoutEnd = null;
        }

        var saved = await users.UpdateSecurityStampAsync(target).ConfigureAwait(false);
        return saved.Succeeded ? Result<string>.Ok(password) : Result<string>.Fail(AccountRules.Errors(saved, "password"));
    }
}

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
