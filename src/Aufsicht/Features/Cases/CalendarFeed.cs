using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Aufsicht.Core.Cases;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Aufsicht.Web;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases;

/// <summary>
/// What a handler's calendar feed and reminders need to know of the account, kept in Identity's own tables (no
/// migration): the hash of the feed's secret as a user token, the language for feed and e-mail as a claim.
/// </summary>
internal static class HandlerSettings
{
    /// <summary>The login provider under which Aufsicht keeps its own user tokens.</summary>
    public const string Provider = "Aufsicht";

    /// <summary>The user token holding the SHA-256 (hex) of the calendar feed's secret; the secret itself is shown once.</summary>
    public const string FeedToken = "CalendarFeed";

    /// <summary>The claim holding the language (de, en) of the handler's feed and reminders; German without it.</summary>
    public const string LanguageClaim = "aufsicht:language";

    /// <summary>The secret of a feed address: 32 random bytes, base64url (43 characters, no padding).</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Only what <see cref="NewSecret"/> makes can be a secret: anything else is not looked up at all.</summary>
    public static bool IsWellFormed(string? secret) =>
        secret is { Length: 43 } && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    public static Language LanguageOf(string? stored) => stored == "en" ? Language.En : Language.De;

    /// <summary>The path of the feed of <paramref name="secret"/>, under the public address.</summary>
    public static string FeedPath(string secret) => $"/verfahren/fristen/{secret}.ics";

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Creates a new calendar feed address for one's own account, or renews it: the old address stops working at once.
/// Only the hash is stored; the address is returned to be shown once. The page's language becomes the feed's and the
/// reminders' language.
/// </summary>
internal sealed class RenewCalendarFeed(UserManager<IdentityUser> users)
{
    public async Task<string> RunAsync(IdentityUser user, Language language)
    {
        ArgumentNullException.ThrowIfNull(user);
        var secret = HandlerSettings.NewSecret();
        await Check(users.SetAuthenticationTokenAsync(user, HandlerSettings.Provider, HandlerSettings.FeedToken, HandlerSettings.Hash(secret))).ConfigureAwait(false);
        var wanted = new Claim(HandlerSettings.LanguageClaim, language == Language.En ? "en" : "de");
        var claims = await users.GetClaimsAsync(user).ConfigureAwait(false);
        if (claims.FirstOrDefault(c => c.Type == HandlerSettings.LanguageClaim) is { } old)
        {
            if (old.Value != wanted.Value)
            {
                await Check(users.ReplaceClaimAsync(user, old, wanted)).ConfigureAwait(false);
            }
        }
        else
        {
            await Check(users.AddClaimAsync(user, wanted)).ConfigureAwait(false);
        }

        return secret;
    }

    /// <summary>Whether the account has a feed address (its secret cannot be shown again).</summary>
    public async Task<bool> ExistsAsync(IdentityUser user) =>
        await users.GetAuthenticationTokenAsync(user, HandlerSettings.Provider, HandlerSettings.FeedToken).ConfigureAwait(false) is not null;

    private static async Task Check(Task<IdentityResult> operation)
    {
        var result = await operation.ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}

/// <summary>
/// <c>GET /verfahren/fristen/{secret}.ics</c>: a handler's counting deadlines as all-day events for a calendar client,
/// which sends no cookies — the secret address is the key. A wrong, renewed or deactivated account's address is a bare
/// 404 that says nothing of why. The events carry the body's name and the file number, nothing more.
/// </summary>
internal static class CalendarFeed
{
    public const string RateLimit = "calendar-feed";

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/verfahren/fristen/{secret}.ics", Get).AllowAnonymous().ExcludeFromDescription().RequireRateLimiting(RateLimit);
        return app;
    }

    private static async Task<IResult> Get(string secret, HttpContext http, AufsichtDb db, PublicAddress address, TimeProvider clock, CancellationToken cancel)
    {
        // A plain 404, not the error page: a calendar client shows nothing of it anyway, and nothing should hint at why.
        http.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        if (!HandlerSettings.IsWellFormed(secret))
        {
            return Results.NotFound();
        }

        var hash = HandlerSettings.Hash(secret);
        var user = await db.UserTokens.AsNoTracking()
            .Where(t => t.LoginProvider == HandlerSettings.Provider && t.Name == HandlerSettings.FeedToken && t.Value == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (_, u) => new { u.Id, u.LockoutEnd })
            .FirstOrDefaultAsync(cancel).ConfigureAwait(false);
        // A deactivated account is locked out for good (DeactivateAccount); its feed goes with it.
        if (user is null || user.LockoutEnd == DateTimeOffset.MaxValue)
        {
            return Results.NotFound();
        }

        var language = HandlerSettings.LanguageOf(await db.UserClaims.AsNoTracking()
            .Where(c => c.UserId == user.Id && c.ClaimType == HandlerSettings.LanguageClaim)
            .Select(c => c.ClaimValue).FirstOrDefaultAsync(cancel).ConfigureAwait(false));
        var deadlines = await CaseDeadlines.OpenAsync(db, user.Id, cancel).ConfigureAwait(false);
        var text = Render(deadlines, language, address.For(http.Request), clock.GetUtcNow().UtcDateTime);
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.Text(text, "text/calendar; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The iCalendar text: one all-day event per deadline, with a reminder at 9:00 the day before.</summary>
    public static string Render(IReadOnlyList<OpenDeadline> deadlines, Language language, string publicUrl, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Aufsicht//Fristen//DE" };
        calendar.AddProperty("X-WR-CALNAME", Texts.T(language, "case.feed.name"));
        foreach (var d in deadlines)
        {
            var link = CaseLink(publicUrl, d.CaseId);
            var summary = Summary(d, language);
            var calendarEvent = new CalendarEvent
            {
                // Stable per case and deadline kind: a moved deadline updates the event rather than adding one.
                Uid = $"case-{d.CaseId}-{d.KindName}@aufsicht",
                Summary = summary,
                Description = string.Join('\n',
                    Texts.T(language, "case.feed.state", Texts.T(language, "case.state." + CaseWorkflow.Stored(d.State))),
                    Texts.T(language, "case.feed.ends", LocalDates.Day(d.Date, language)),
                    link),
                Url = new Uri(link),
                DtStart = new CalDateTime(d.Date.Year, d.Date.Month, d.Date.Day),
                DtEnd = new CalDateTime(d.Date.AddDays(1).Year, d.Date.AddDays(1).Month, d.Date.AddDays(1).Day),
                DtStamp = new CalDateTime(nowUtc, "UTC"),
            };
            calendarEvent.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = summary,
                // From the start of the all-day event (midnight): 15 hours earlier is 9:00 the day before.
                Trigger = new Trigger(Duration.FromHours(-15)),
            });
            calendar.Events.Add(calendarEvent);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>„Anhörungsfrist: Schule am See (LfDI-2026-0042)“.</summary>
    public static string Summary(OpenDeadline deadline, Language language)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return Texts.T(language, "case.feed.summary", Texts.T(language, "case.deadline.kind." + deadline.KindName), deadline.BodyName, deadline.FileNumber);
    }

    /// <summary>The case page's address (the page itself is built in another slice).</summary>
    public static string CaseLink(string publicUrl, long caseId)
    {
        ArgumentNullException.ThrowIfNull(publicUrl);
        return $"{publicUrl.TrimEnd('/')}/verfahren/{caseId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
