using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>
/// Signing in with e-mail and password. The answer does not tell whether an address has an account: one message for
/// any failure, a password hash computed for unknown addresses too, and after five failures the same lockout message
/// for both. An address (client) with 20 failures in 10 minutes waits.
/// </summary>
[AllowAnonymous]
internal sealed class LoginModel(SignInManager<IdentityUser> signIn, SignInThrottle throttle, OidcOptions? oidc = null) : AppPage
{
    // A hash of nothing anyone knows: verifying a password against it costs what verifying a real one costs.
    private static readonly string DecoyHash = new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Guid.NewGuid().ToString());

    public string? Email { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public string? External => oidc?.DisplayName;

    public void OnGet(string? returnUrl)
    {
        ReturnUrl = LocalOrRoot(returnUrl);
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        ReturnUrl = LocalOrRoot(returnUrl);
        Email = email is { Length: <= 256 } ? email : null;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || email.Length > 256 || password.Length > 256)
        {
            return Fail("login.missing");
        }

        var address = HttpContext.Connection.RemoteIpAddress;
        if (throttle.AddressBlocked(address))
        {
            return Fail("login.throttled", StatusCodes.Status429TooManyRequests);
        }

        var users = signIn.UserManager;
        var user = await users.FindByEmailAsync(email.Trim()).ConfigureAwait(false);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new IdentityUser(), DecoyHash, password);
            var blocked = throttle.NameBlocked(email.Trim());
            throttle.Failed(address, email.Trim());
            return Fail(blocked || throttle.NameBlocked(email.Trim()) ? "login.locked" : "login.failed");
        }

        if (AccountRules.IsDeactivated(user))
        {
            // Only someone who knows the password learns that the account is deactivated.
            var known = users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? DecoyHash, password) != PasswordVerificationResult.Failed;
            throttle.Failed(address, unknownName: null);
            return Fail(known && user.PasswordHash is not null ? "login.deactivated" : "login.failed");
        }

        if (await users.IsLockedOutAsync(user).ConfigureAwait(false))
        {
            users.PasswordHasher.VerifyHashedPassword(user, DecoyHash, password);
            throttle.Failed(address, unknownName: null);
            return Fail("login.locked");
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/Pages/LoginCode", new { returnUrl = ReturnUrl });
        }

        throttle.Failed(address, unknownName: null);
        return Fail(result.IsLockedOut ? "login.locked" : "login.failed");
    }

    private static string LocalOrRoot(string? url) => Web.LocalUrl.OrRoot(url);
}
