using System.Text;
using Aufsicht.Core.Cases;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Aufsicht.Web;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases;

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
