using System.Security.Claims;
using Aufsicht.Core.Cases;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Cases;
using Aufsicht.Tests.Mail;
using Aufsicht.Tests.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Aufsicht.Tests.Cases;

[Trait("Category", "Database")]
public sealed class DeadlineReminderTestsOnSqlite : DeadlineReminderTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class DeadlineReminderTestsOnPostgres : DeadlineReminderTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// Deadline reminders with a fake clock and two instances on one database: three days before and on the day (the
/// authority's local day), each once, in the handler's language, none for closed or unassigned cases or for deadlines
/// that no longer count — delivered through the outbox to the real SMTP test server.
/// </summary>
[Trait("Category", "Database")]
public abstract class DeadlineReminderTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private static readonly DateOnly Deadline = new(2026, 12, 14);
    private readonly SmtpTestServer _smtp = new();
    private readonly List<string> _folders = [];

    protected abstract string Database { get; }

    public void Dispose()
    {
        _smtp.Dispose();
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private string[] SharedDatabase()
    {
        if (Database == "postgres")
        {
            return ["--database", PostgresServer.NewDatabase()];
        }

        var folder = Directory.CreateTempSubdirectory("aufsicht-reminders-").FullName;
        _folders.Add(folder);
        return ["--data-dir", folder];
    }

    private static async Task<int> QueueAsync(AppServer app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await app.Services.GetRequiredService<DeadlineReminders>().QueueAsync(scope.ServiceProvider, CancellationToken.None);
    }

    private static List<OutboxRecord> Outbox(AppServer app) =>
        app.Db(db => db.Outbox.AsNoTracking().Where(o => o.Kind == DeadlineReminders.Kind).OrderBy(o => o.Id).ToList());

    [Fact]
    public async Task Reminders_ThreeDaysBeforeAndOnTheDay_EachOnce_InTheHandlersLanguage()
    {
        // Monday 7 December 2026, 9:00 in Berlin: no deadline is within three days, so the jobs' first rounds at start find nothing.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        var shared = SharedDatabase();
        // The jobs' own timers would fire as the clock moves; an interval of 30 days (the most allowed) keeps them out of the test's way.
        string[] settings = ["--Aufsicht:PublicUrl=https://aufsicht.example", "--Aufsicht:Cases:ReminderSeconds=2592000"];
        await using var a = await AppServer.StartAsync(clock, [.. shared, .. _smtp.AppArgs(settings)]);
        // Only one instance sends: the clock jumps days while a worker may be sending, which would let another instance's
        // worker take over its lapsed claim. Exactly-once delivery across instances is the outbox tests' business.
        var b = await AppServer.StartAsync(clock, [.. shared, .. settings]);
        await a.CreateUserAsync("anna@aufsicht.example", Password, "Supervisor");
        await a.CreateUserAsync("ben@aufsicht.example", Password, "Supervisor");
        var anna = a.Db(db => db.Users.Single(u => u.Email == "anna@aufsicht.example").Id);
        var ben = a.Db(db => db.Users.Single(u => u.Email == "ben@aufsicht.example").Id);
        long hearing, decided;
        using (var scope = a.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.AddClaimAsync((await users.FindByIdAsync(ben))!, new Claim(HandlerSettings.LanguageClaim, "en"));
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            var school = await CaseRows.BodyAsync(db, "Schule am See");
            hearing = await CaseRows.CaseAsync(db, school, "LfDI-2026-0042", CaseState.Hearing, anna, hearing: Deadline);
            decided = await CaseRows.CaseAsync(db, school, "LfDI-2026-0043", CaseState.Decided, ben, hearing: new DateOnly(2026, 11, 2), compliance: Deadline);
            await CaseRows.CaseAsync(db, school, "LfDI-2026-0044", CaseState.Closed, anna, hearing: Deadline);
            await CaseRows.CaseAsync(db, school, "LfDI-2026-0045", CaseState.Hearing, null, hearing: Deadline);
            await CaseRows.CaseAsync(db, school, "LfDI-2026-0046", CaseState.StatementReceived, anna, hearing: Deadline);
        }

        // Four days before: nothing yet.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await QueueAsync(a) + await QueueAsync(b));

        // Three days before: one each for the two counting deadlines, though both instances look at the same moment.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 8, 0, 0, TimeSpan.Zero));
        var counts = await Task.WhenAll(QueueAsync(a), QueueAsync(b));
        Assert.Equal(2, counts.Sum());
        Assert.Equal(0, await QueueAsync(a) + await QueueAsync(b));

        // The days between: nothing more.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 12, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await QueueAsync(b));

        // 23:30 UTC on the 13th is already the 14th in Berlin: the day of the deadline.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 13, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(2, await QueueAsync(b));
        Assert.Equal(0, await QueueAsync(a));

        // The day after: nothing (the case is overdue; that is the case list's business).
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await QueueAsync(a));

        var rows = Outbox(a);
        Assert.Equal(
            [
                ("anna@aufsicht.example", $"<case-{hearing}-hearing-20261214-3@aufsicht.invalid>"),
                ("ben@aufsicht.example", $"<case-{decided}-compliance-20261214-3@aufsicht.invalid>"),
                ("anna@aufsicht.example", $"<case-{hearing}-hearing-20261214-0@aufsicht.invalid>"),
                ("ben@aufsicht.example", $"<case-{decided}-compliance-20261214-0@aufsicht.invalid>"),
            ],
            rows.OrderBy(r => r.MessageId.EndsWith("-0@aufsicht.invalid>", StringComparison.Ordinal)).ThenBy(r => r.To, StringComparer.Ordinal).Select(r => (r.To, r.MessageId)));

        // Through the real SMTP server. The worker waits on the fake clock (poll, retry), so the clock moves on as fast as
        // the wall clock.
        await b.DisposeAsync();
        var expected = rows.Select(r => r.MessageId.Trim('<', '>')).Order(StringComparer.Ordinal).ToList();
        var until = DateTime.UtcNow.AddSeconds(120);
        while (_smtp.Received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count() < 4 && DateTime.UtcNow < until)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            a.Services.GetRequiredService<Aufsicht.Features.Mail.OutboxSignal>().Notify();
            await Task.Delay(100);
        }

        Assert.Equal(expected, _smtp.Received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        var german = _smtp.Received.Single(m => m.MessageId == $"case-{hearing}-hearing-20261214-3@aufsicht.invalid");
        Assert.Equal("Erinnerung: Anhörungsfrist am 14.12.2026 – Schule am See (LfDI-2026-0042)", german.Subject);
        Assert.Contains("die Anhörungsfrist im Verfahren LfDI-2026-0042 (Schule am See) endet in 3 Tagen, am 14.12.2026.", german.TextBody, StringComparison.Ordinal);
        Assert.Contains("Stand des Verfahrens: Anhörung läuft", german.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://aufsicht.example/verfahren/{hearing}", german.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-12-14", german.TextBody, StringComparison.Ordinal);
        var today = _smtp.Received.Single(m => m.MessageId == $"case-{hearing}-hearing-20261214-0@aufsicht.invalid");
        Assert.Contains("endet heute, am 14.12.2026.", today.TextBody, StringComparison.Ordinal);
        var english = _smtp.Received.Single(m => m.MessageId == $"case-{decided}-compliance-20261214-0@aufsicht.invalid");
        Assert.Equal("Reminder: Compliance deadline on 14 Dec 2026 – Schule am See (LfDI-2026-0043)", english.Subject);
        Assert.Contains("the compliance deadline of case LfDI-2026-0043 (Schule am See) ends today, on 14 Dec 2026.", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("State of the case: measure decided", english.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_AfterARestart_NotSentAgain_AndAMissedOneSentLate()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var shared = SharedDatabase();
        string[] settings = ["--Aufsicht:PublicUrl=https://aufsicht.example", "--Aufsicht:Cases:ReminderSeconds=2592000", "--Aufsicht:Cases:ReminderDays=0, 3"];
        long hearing;
        await using (var first = await AppServer.StartAsync(clock, [.. shared, .. settings]))
        {
            await first.CreateUserAsync("anna@aufsicht.example", Password, "Supervisor");
            var anna = first.Db(db => db.Users.Single(u => u.Email == "anna@aufsicht.example").Id);
            using var scope = first.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            hearing = await CaseRows.CaseAsync(db, await CaseRows.BodyAsync(db, "Amt Nordwest"), "LfDI-2026-0050", CaseState.Hearing, anna, hearing: Deadline);

            // The server was down three days before: on the next day, two days before, the three-day reminder goes out late.
            // The job's own first round at start may run late on a busy machine, after the clock moved, and queue it
            // itself: what counts is that exactly one is queued, whoever queued it.
            clock.SetUtcNow(new DateTimeOffset(2026, 12, 12, 8, 0, 0, TimeSpan.Zero));
            await QueueAsync(first);
            Assert.Single(Outbox(first));
        }

        await using var second = await AppServer.StartAsync(clock, [.. shared, .. settings]);
        Assert.Equal(0, await QueueAsync(second));
        var row = Outbox(second).Single();
        Assert.Equal($"<case-{hearing}-hearing-20261214-3@aufsicht.invalid>", row.MessageId);
        Assert.Contains("endet in 2 Tagen, am 14.12.2026.", row.Body, StringComparison.Ordinal);
    }
}

/// <summary>The reminder days as configured: a list of days before the deadline, and which reminder is due how many days before.</summary>
[Trait("Category", "Unit")]
public sealed class ReminderScheduleTests
{
    [Theory]
    [InlineData("3,x")]
    [InlineData("-1")]
    [InlineData("400")]
    public void Schedule_BadDays_StopsTheStartNamingTheSetting(string days)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>(ReminderSchedule.DaysSetting, days)]).Build();

        var error = Assert.Throws<Aufsicht.Web.SettingException>(() => ReminderSchedule.From(configuration));

        Assert.StartsWith("Aufsicht:Cases:ReminderDays: '" + days + "'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3,0", 5, null)]
    [InlineData("3,0", 3, 3)]
    [InlineData("3,0", 2, 3)]
    [InlineData("3,0", 1, 3)]
    [InlineData("3,0", 0, 0)]
    [InlineData("3,0", -1, null)]
    [InlineData("7, 1", 0, 1)]
    [InlineData("", 3, 3)]
    public void Due_DaysLeft_NearestReminderNotBeforeToday(string days, int daysLeft, int? expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>(ReminderSchedule.DaysSetting, days)]).Build();

        Assert.Equal(expected, ReminderSchedule.From(configuration).Due(daysLeft));
    }
}
