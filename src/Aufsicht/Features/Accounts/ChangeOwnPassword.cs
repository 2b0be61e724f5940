using Aufsicht.Core;
using Microsoft.AspNetCore.Identity;

namespace Aufsicht.Features.Accounts;

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
