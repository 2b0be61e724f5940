using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Accounts.Pages;

/// <summary>
/// One account, for administrators: its role, a one-time password, deactivation and deletion. The three that cannot be
/// undone by a click ask first: the button posts without <c>confirmed</c>, the page answers with what will happen and a
/// second button that posts with it — no JavaScript.
/// </summary>
[Authorize(Policy = Accounts.Roles.CanAdminister)]
internal sealed class ManageModel(UserManager<IdentityUser> users, TimeProvider clock) : AppPage
{
    public string Id { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public string Role { get; private set; } = Accounts.Roles.Reader;

    public string StateText { get; private set; } = string.Empty;

    public bool Deactivated { get; private set; }

    public bool Deleted { get; private set; }

    public bool Self { get; private set; }

    public string? Message { get; private set; }

    public string? OneTimePassword { get; private set; }

    /// <summary>The action waiting for confirmation (Reset, Deactivate, Delete), or null.</summary>
    public string? Confirm { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) =>
        await users.FindByIdAsync(id).ConfigureAwait(false) is { } user ? await Show(user).ConfigureAwait(false) : NotFound();

    public async Task<IActionResult> OnPostRoleAsync(string id, string? role, [FromServices] ChangeRole change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await users.FindByIdAsync(id).ConfigureAwait(false) is not { } user)
        {
            return NotFound();
        }

        var result = await change.RunAsync(user, role).ConfigureAwait(false);
        return await Done(user, result.Errors, () => Texts.T(Language, "users.roleChanged", user.Email ?? "?", Accounts.Roles.Label(result.Value, Language))).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostResetAsync(string id, bool confirmed, [FromServices] ResetPassword reset)
    {
        ArgumentNullException.ThrowIfNull(reset);
        if (await users.FindByIdAsync(id).ConfigureAwait(false) is not { } user)
        {
            return NotFound();
        }

        if (!confirmed)
        {
            Confirm = "Reset";
            return await Show(user).ConfigureAwait(false);
        }

        var result = await reset.RunAsync(user).ConfigureAwait(false);
        if (result.IsOk)
        {
            OneTimePassword = result.Value;
        }

        return await Done(user, result.Errors, () => Texts.T(Language, "users.resetDone", user.Email ?? "?")).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, bool confirmed, [FromServices] DeactivateAccount deactivate)
    {
        ArgumentNullException.ThrowIfNull(deactivate);
        if (await users.FindByIdAsync(id).ConfigureAwait(false) is not { } user)
        {
            return NotFound();
        }

        if (!confirmed)
        {
            Confirm = "Deactivate";
            return await Show(user).ConfigureAwait(false);
        }

        var result = await deactivate.RunAsync(users.GetUserId(User) ?? string.Empty, user).ConfigureAwait(false);
        return await Done(user, result.Errors, () => Texts.T(Language, "users.deactivatedMessage", user.Email ?? "?")).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostReactivateAsync(string id, [FromServices] ReactivateAccount reactivate)
    {
        ArgumentNullException.ThrowIfNull(reactivate);
        if (await users.FindByIdAsync(id).ConfigureAwait(false) is not { } user)
        {
            return NotFound();
        }

        var result = await reactivate.RunAsync(user).ConfigureAwait(false);
        return await Done(user, result.Errors, () => Texts.T(Language, "users.reactivated", user.Email ?? "?")).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, bool confirmed, [FromServices] DeleteAccount delete)
    {
        ArgumentNullException.ThrowIfNull(delete);
        if (await users.FindByIdAsync(id).ConfigureAwait(false) is not { } user)
        {
            return NotFound();
        }

        if (!confirmed)
        {
            Confirm = "Delete";
            return await Show(user).ConfigureAwait(false);
        }

        var result = await delete.RunAsync(user).ConfigureAwait(false);
        if (!result.IsOk)
        {
            return await Done(user, result.Errors, () => string.Empty).ConfigureAwait(false);
        }

        Deleted = true;
        Email = result.Value;
        Message = Texts.T(Language, "users.deleted", result.Value);
        return Page();
    }

    /// <summary>An account's state for people: active, deactivated, or locked after failures until a local time.</summary>
    internal static string State(IdentityUser user, TimeProvider clock, LocalDates dates, Language language) =>
        AccountRules.IsDeactivated(user) ? Texts.T(language, "users.deactivated")
        : user.LockoutEnd is { } end && end > clock.GetUtcNow() ? Texts.T(language, "users.lockedUntil", dates.Moment(end.UtcDateTime, language))
        : Texts.T(language, "users.active");

    private async Task<IActionResult> Done(IdentityUser user, IReadOnlyList<Error> errors, Func<string> message)
    {
        if (errors.Count > 0)
        {
            Errors = Failures.Messages(errors, Language);
            Response.StatusCode = Failures.Status(errors);
        }
        else
        {
            Message = message();
        }

        return await Show(user).ConfigureAwait(false);
    }

    private async Task<IActionResult> Show(IdentityUser user)
    {
        Id = user.Id;
        Email = user.Email ?? user.UserName ?? "?";
        Role = (await users.GetRolesAsync(user).ConfigureAwait(false)).FirstOrDefault() ?? Accounts.Roles.Reader;
        Deactivated = AccountRules.IsDeactivated(user);
        StateText = State(user, clock, Dates, Language);
        Self = user.Id == users.GetUserId(User);
        return Page();
    }
}
