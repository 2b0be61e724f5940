using Aufsicht.Core;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

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
