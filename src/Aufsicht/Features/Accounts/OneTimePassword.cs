using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Aufsicht.Features.Accounts;

/// <summary>
/// A password an administrator (or `aufsicht admin reset-password`) hands over: shown once, and the account must choose
/// its own at the next sign-in. The duty is a user claim, so it travels in the session cookie.
/// </summary>
internal static class OneTimePassword
{
    public const string MustChangeClaim = "aufsicht:must-change-password";

    /// <summary>Four groups of four from an alphabet without look-alikes (about 92 bits): easy to read out, hard to guess.</summary>
    public static string New()
    {
        var raw = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 16);
        return string.Join('-', raw.Chunk(4).Select(c => new string(c)));
    }

    public static bool MustChange(ClaimsPrincipal user) => user.HasClaim(c => c.Type == MustChangeClaim);
}

/// <summary>A signed-in account that holds a one-time password sees only "Mein Konto" (to choose its own) until it has.</summary>
internal sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var page = context.ActionDescriptor.ViewEnginePath;
        if (OneTimePassword.MustChange(context.HttpContext.User) && page is not ("/Accounts/Pages/Account" or "/Accounts/Pages/Logout"))
        {
            context.Result = new RedirectToPageResult("/Accounts/Pages/Account");
            return Task.CompletedTask;
        }

        return next();
    }
}
