using System.Security.Claims;
using Aufsicht.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Accounts;

/// <summary>
/// Every request with a session cookie: one small query compares the cookie's security stamp with the account's. Signing
/// out, a new password, a role change, deactivation and deletion change the stamp, so a copied cookie stops working at
/// once rather than when Identity's periodic check next runs; that check (which also refreshes the roles) still follows.
/// </summary>
internal static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.Principal?.FindFirstValue(options.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(options.SecurityStampClaimType);
        var current = id is null ? null : await services.GetRequiredService<AufsichtDb>().Users.AsNoTracking()
            .Where(u => u.Id == id).Select(u => new { u.SecurityStamp }).FirstOrDefaultAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (current is null || stamp is null || current.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme).ConfigureAwait(false);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context).ConfigureAwait(false);
    }
}
