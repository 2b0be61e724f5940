using System.Globalization;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Mail;
using Aufsicht.Features.Shared;
using Aufsicht.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases;

/// <summary>
/// How many days before a deadline its handler is reminded (<c>Aufsicht:Cases:ReminderDays</c>, default <c>3,0</c>:
/// three days before and on the day), and how often the job looks (<c>Aufsicht:Cases:ReminderSeconds</c>, default 300, at most 30 days).
/// </summary>
internal sealed record ReminderSchedule(IReadOnlyList<int> Days, TimeSpan Interval)
{
    public const string DaysSetting = "Aufsicht:Cases:ReminderDays";
    public const string IntervalSetting = "Aufsicht:Cases:ReminderSeconds";

    /// <summary>The schedule from configuration; a value that is not a list of days from 0 to 365 stops the start, naming the setting.</summary>
    public static ReminderSchedule From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[DaysSetting];
        var days = new SortedSet<int>();
        foreach (var part in (string.IsNullOrWhiteSpace(text) ? "3,0" : text).Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day > 365)
            {
                throw new SettingException($"{DaysSetting}: '{text}' is not a list of days before the deadline, such as 3,0");
            }

            days.Add(day);
        }

        // At most 30 days: a PeriodicTimer takes no period beyond about 49 days, and the host would stop over it.
        return new ReminderSchedule([.. days], TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue(IntervalSetting, 300), 1, 30 * 86400)));
    }

    /// <summary>
    /// The reminder due for a deadline <paramref name="daysLeft"/> days away: the nearest configured day not before
    /// today. A reminder missed while the server was down is sent late, but only the newest one (never two at once).
    /// </summary>
    public int? Due(int daysLeft) => daysLeft < 0 ? null : Days.Where(d => d >= daysLeft).Select(d => (int?)d).FirstOrDefault();
}

/// <summary>
/// Reminds handlers of their deadlines by e-mail through the outbox, on the configured days before a deadline and on
/// its day, in the authority's local day. Each reminder goes once per case, deadline (kind and date) and day, also with
/// several instances and across restarts: a marker row in Identity's user-token table, whose primary key (user,
/// provider, name) is the unique index, is inserted in the same transaction as the message — the second instance's
/// insert fails and its message is rolled back. The message id is deterministic as well, so a receiver sees a repeat.
/// </summary>
internal sealed partial class DeadlineReminders(
    IServiceScopeFactory scopes, ReminderSchedule schedule, PublicAddress address, LocalDates dates, TimeProvider clock, ILogger<DeadlineReminders> logger)
    : BackgroundService
{
    /// <summary>The login provider of the markers of reminders sent.</summary>
    public const string MarkerProvider = "Aufsicht.CaseReminder";

    public const string Kind = "case-reminder";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(schedule.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var queued = await QueueAsync(scope.ServiceProvider, stoppingToken).ConfigureAwait(false);
                if (queued > 0)
                {
                    Queued(logger, queued);
                }
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The next round tries again; a database that is briefly away must not stop the service.
                Failed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Queues the reminders due today that have not gone out yet; how many.</summary>
    public async Task<int> QueueAsync(IServiceProvider services, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<AufsichtDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = dates.DayOf(now);
        if (schedule.Days.Count == 0)
        {
            return 0;
        }

        var deadlines = await CaseDeadlines.EndingAsync(db, today, today.AddDays(schedule.Days[^1]), cancel).ConfigureAwait(false);
        if (deadlines.Count == 0)
        {
            return 0;
        }

        var handlerIds = deadlines.Select(d => d.HandlerId!).Distinct().ToList();
        var handlers = await db.Users.AsNoTracking().Where(u => handlerIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.LockoutEnd }).ToListAsync(cancel).ConfigureAwait(false);
        var languages = await db.UserClaims.AsNoTracking().Where(c => handlerIds.Contains(c.UserId) && c.ClaimType == HandlerSettings.LanguageClaim)
            .Select(c => new { c.UserId, c.ClaimValue }).ToListAsync(cancel).ConfigureAwait(false);
        var queued = 0;
        foreach (var deadline in deadlines)
        {
            var daysLeft = deadline.Date.DayNumber - today.DayNumber;
            var handler = handlers.FirstOrDefault(h => h.Id == deadline.HandlerId);
            // No address, or a deactivated account: nobody to remind (the case list shows the deadline all the same).
            if (schedule.Due(daysLeft) is not { } due || handler?.Email is not { Length: > 0 } email || handler.LockoutEnd == DateTimeOffset.MaxValue)
            {
                continue;
            }

            var marker = MarkerName(deadline, due);
            if (await db.UserTokens.AnyAsync(t => t.LoginProvider == MarkerProvider && t.Name == marker, cancel).ConfigureAwait(false))
            {
                continue;
            }

            var language = HandlerSettings.LanguageOf(languages.FirstOrDefault(l => l.UserId == handler.Id)?.ClaimValue);
            var (subject, body) = Message(deadline, daysLeft, language, address.For(request: null));
            await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
            try
            {
                var message = Outbox.Add(db, Kind, null, null, email, subject, body, now);
                message.MessageId = $"<{marker.Replace(':', '-')}@aufsicht.invalid>";
                db.UserTokens.Add(new IdentityUserToken<string> { UserId = handler.Id, LoginProvider = MarkerProvider, Name = marker, Value = message.MessageId });
                await db.SaveChangesAsync(cancel).ConfigureAwait(false);
                await transaction.CommitAsync(cancel).ConfigureAwait(false);
                queued++;
            }
            catch (DbUpdateException)
            {
                // Another instance queued this reminder a moment ago: its marker is there, this message goes.
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                db.ChangeTracker.Clear();
            }
        }

        if (queued > 0)
        {
            services.GetRequiredService<OutboxSignal>().Notify();
        }

        return queued;
    }

    /// <summary>One reminder: case, deadline kind, the deadline's date and the day before it (a moved deadline is reminded anew).</summary>
    public static string MarkerName(OpenDeadline deadline, int daysBefore)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return string.Create(CultureInfo.InvariantCulture, $"case-{deadline.CaseId}-{deadline.KindName}-{deadline.Date:yyyyMMdd}-{daysBefore}");
    }

    /// <summary>The reminder's subject and text in the handler's language: file number, body, the deadline in the language's notation, the link.</summary>
    public static (string Subject, string Body) Message(OpenDeadline deadline, int daysLeft, Language language, string publicUrl)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var kind = Texts.T(language, "case.deadline.kind." + deadline.KindName);
        var date = LocalDates.Day(deadline.Date, language);
        var when = daysLeft switch
        {
            0 => Texts.T(language, "case.reminder.today"),
            1 => Texts.T(language, "case.reminder.tomorrow"),
            _ => Texts.T(language, "case.reminder.inDays", daysLeft),
        };
        var subject = Texts.T(language, "case.reminder.subject", kind, date, deadline.BodyName, deadline.FileNumber);
        // „die Anhörungsfrist“, but "the hearing deadline": German nouns keep their capital in running text.
        var body = Texts.T(language, "case.reminder.body", language == Language.En ? kind.ToLowerInvariant() : kind, deadline.FileNumber, deadline.BodyName, when, date,
            Texts.T(language, "case.state." + Core.Cases.CaseWorkflow.Stored(deadline.State)), CalendarFeed.CaseLink(publicUrl, deadline.CaseId));
        return (subject, body);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline reminders: {Count} queued")]
    private static partial void Queued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deadline reminders failed and will try again: {Reason}")]
    private static partial void Failed(ILogger logger, string reason);
}
