using System.Net;
using Aufsicht.Data;
using Aufsicht.Features.Mail;
using Aufsicht.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Mail;

[Trait("Category", "Database")]
public sealed class OutboxTestsOnSqlite : OutboxTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class OutboxTestsOnPostgres : OutboxTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The outbox against a real SMTP server on loopback: every message arrives exactly once (counted by Message-ID) —
/// through server failures, with two instances on one database, across a restart — and a refused address is recorded,
/// not retried. No timed assertions: each test waits (generously) for its end state.
/// </summary>
[Trait("Category", "Database")]
public abstract class OutboxTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
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

    [Fact]
    public async Task Worker_MessagesAdded_EachDeliveredOnce_BodyErased()
    {
        await using var app = await AppServer.StartOnAsync(Database, _smtp.AppArgs());
        var ids = await AddAsync(app, 25);

        await WaitForAsync(() => AllSentAsync(app, ids), "all 25 messages sent");
        AssertEachReceivedOnce(ids);
        var first = _smtp.Received.Single(m => "<" + m.MessageId + ">" == ids[0]);
        Assert.Equal("Einladung zur Umfrage über Videokonferenzsysteme – Prüfung 0", first.Subject);
        Assert.Contains("Mit freundlichen Grüßen", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://aufsicht.example/u/0", first.TextBody, StringComparison.Ordinal);
        Assert.Equal("aufsicht@behoerde.example", first.From.Mailboxes.Single().Address);
        Assert.Equal("auto-generated", first.Headers["Auto-Submitted"]);
        Assert.All(await RowsAsync(app), r => Assert.Equal((OutboxState.Sent, string.Empty, (string?)null), (r.State, r.Body, r.ClaimedBy)));
    }

    [Theory]
    [InlineData(421)]
    [InlineData(451)]
    public async Task Worker_ServerFailsForAWhile_RetriesThenDeliversEachOnce(int code)
    {
        _smtp.TemporaryFailure = code;
        await using var app = await AppServer.StartOnAsync(Database, _smtp.AppArgs("--Aufsicht:Mail:MaxAttempts=50"));
        var ids = await AddAsync(app, 10);

        await WaitForAsync(async () => (await RowsAsync(app)).Any(r => r.Attempts >= 2 && r.LastError!.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)),
            $"a message tried twice and answered {code}");
        Assert.Empty(_smtp.Received);
        Assert.All(await RowsAsync(app), r => Assert.Equal(OutboxState.Pending, r.State));
        _smtp.TemporaryFailure = null;

        await WaitForAsync(() => AllSentAsync(app, ids), "all 10 messages sent after the server recovered");
        AssertEachReceivedOnce(ids);
    }

    [Fact]
    public async Task Worker_MailboxBusy450_IsRetriedNotRejected()
    {
        const string Busy = "ueberlastet@schule.example";
        _smtp.Busy(Busy);
        await using var app = await AppServer.StartOnAsync(Database, _smtp.AppArgs("--Aufsicht:Mail:MaxAttempts=50"));
        var ids = await AddAsync(app, 1, to: _ => Busy);

        await WaitForAsync(async () => (await RowsAsync(app)).Single().LastError?.StartsWith("450", StringComparison.Ordinal) == true, "the busy answer recorded");
        Assert.Equal(OutboxState.Pending, (await RowsAsync(app)).Single().State);
        _smtp.Busy(Busy, busy: false);
        await WaitForAsync(() => AllSentAsync(app, ids), "the message sent once the mailbox is free");
        AssertEachReceivedOnce(ids);
    }

    [Fact]
    public async Task Worker_TwoInstancesOnOneDatabase_EachMessageOnce()
    {
        _smtp.Delay = TimeSpan.FromMilliseconds(10);
        var shared = SharedDatabase();
        await using var a = await AppServer.StartAsync([.. shared, .. _smtp.AppArgs("--Aufsicht:Mail:PerMinute=10000")]);
        await using var b = await AppServer.StartAsync([.. shared, .. _smtp.AppArgs("--Aufsicht:Mail:PerMinute=10000")]);
        var ids = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            // Both instances are woken together, so both go for the same rows.
            ids.AddRange(await AddAsync(a, 10, notify: false, first: round * 10));
            a.Services.GetRequiredService<OutboxSignal>().Notify();
            b.Services.GetRequiredService<OutboxSignal>().Notify();
        }

        await WaitForAsync(() => AllSentAsync(a, ids), "all 40 messages sent");
        AssertEachReceivedOnce(ids);
    }

    [Fact]
    public async Task Worker_TwoInstancesOnOneDatabase_ShareOneRateLimit()
    {
        // One clock for both instances, standing still until the test moves it: "within the minute" is exact, and
        // the test need not wait a minute (or, as it did, three seconds) to see that no more went out.
        var clock = new WaitCountingClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var shared = SharedDatabase();
        await using var a = await AppServer.StartAsync(clock, [.. shared, .. _smtp.AppArgs("--Aufsicht:Mail:PerMinute=3")]);
        await using var b = await AppServer.StartAsync(clock, [.. shared, .. _smtp.AppArgs("--Aufsicht:Mail:PerMinute=3")]);
        await AddAsync(a, 12, notify: false);
        a.Services.GetRequiredService<OutboxSignal>().Notify();
        b.Services.GetRequiredService<OutboxSignal>().Notify();

        // Each instance alone would allow three a minute; together they may send at most one more each while looking
        // at the same moment — not six. Once both workers wait for the minute to pass, nothing more can go out.
        await WaitForAsync(() => _smtp.Received.Count >= 3 && clock.Waiting(RateWait) == 2, "the first three messages sent, both workers waiting");
        Assert.InRange(_smtp.Received.Count, 3, 4);
        Assert.Equal(12 - _smtp.Received.Count, (await RowsAsync(a)).Count(r => r.State == OutboxState.Pending));

        // A minute later the limit allows the next three (again at most one more each), and then stops them again.
        var first = _smtp.Received.Count;
        clock.Advance(RateWait);
        await WaitForAsync(() => _smtp.Received.Count >= first + 3 && clock.Waiting(RateWait) == 2, "three more messages sent, both workers waiting");
        Assert.InRange(_smtp.Received.Count, first + 3, first + 4);
        Assert.Equal(12 - _smtp.Received.Count, (await RowsAsync(a)).Count(r => r.State == OutboxState.Pending));
    }

    /// <summary>What a worker at the rate limit waits for while the clock stands: a minute from the sends it counts.</summary>
    private static readonly TimeSpan RateWait = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Worker_StoppedHalfwayAndRestarted_NoDuplicates()
    {
        _smtp.Delay = TimeSpan.FromMilliseconds(200);
        var shared = SharedDatabase();
        List<string> ids;
        await using (var first = await AppServer.StartAsync([.. shared, .. _smtp.AppArgs()]))
        {
            ids = await AddAsync(first, 20);
            await WaitForAsync(() => _smtp.Received.Count >= 3, "the first messages sent");
        }

        Assert.InRange(_smtp.Received.Count, 3, 19);
        await using var second = await AppServer.StartAsync([.. shared, .. _smtp.AppArgs()]);
        await WaitForAsync(() => AllSentAsync(second, ids), "all 20 messages sent after the restart");
        AssertEachReceivedOnce(ids);
    }

    [Fact]
    public async Task Worker_RejectedAddress_RecordedNeverRetried_ListedForSupervisors()
    {
        const string Refused = "unbekannt@schule.example";
        _smtp.Reject(Refused);
        await using var app = await AppServer.StartOnAsync(Database, _smtp.AppArgs());
        // In one batch, so after the refusal the same connection carries on with the next message.
        var batch = await AddAsync(app, 4, to: i => i switch { 0 => Refused, 1 => "keine-adresse", _ => $"schule{i}@schulen.example" });
        string[] refused = [batch[0]], malformed = [batch[1]];
        List<string> good = [batch[2], batch[3]];

        await WaitForAsync(async () => await AllSentAsync(app, good) && (await RowsAsync(app)).Count(r => r.State == OutboxState.Rejected) == 2, "the good messages sent and two rejected");
        var rejected = (await RowsAsync(app)).Single(r => r.MessageId == refused[0]);
        Assert.StartsWith("550", rejected.LastError, StringComparison.Ordinal);
        Assert.Contains("not an e-mail address", (await RowsAsync(app)).Single(r => r.MessageId == malformed[0]).LastError, StringComparison.Ordinal);
        Assert.All((await RowsAsync(app)).Where(r => good.Contains(r.MessageId)), r => Assert.Equal(1, r.Attempts));

        // Later rounds of the worker leave it alone.
        var later = await AddAsync(app, 1, first: 10);
        await WaitForAsync(() => AllSentAsync(app, later), "a later message sent");
        Assert.Equal(1, _smtp.RecipientAttempts(Refused));
        Assert.Equal(OutboxState.Rejected, (await RowsAsync(app)).Single(r => r.MessageId == refused[0]).State);

        await app.CreateUserAsync("sachbearbeitung@aufsicht.example", "correct horse battery staple", "Supervisor");
        await app.CreateUserAsync("leitung@aufsicht.example", "correct horse battery staple", "Reader");
        using var supervisor = app.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", "correct horse battery staple");
        var (status, page, _) = await supervisor.GetAsync("/post");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Refused, page, StringComparison.Ordinal);
        Assert.Contains("550", page, StringComparison.Ordinal);
        Assert.Contains("keine-adresse", page, StringComparison.Ordinal);
        using var reader = app.NewSession();
        await reader.LoginAsync("leitung@aufsicht.example", "correct horse battery staple");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/post")).Status);
    }

    [Fact]
    public async Task GivenUp_WhileTheServerWasAway_SentAgainFromTheOutboxPage_EachOnce()
    {
        _smtp.TemporaryFailure = 421;
        await using var app = await AppServer.StartOnAsync(Database, _smtp.AppArgs("--Aufsicht:Mail:MaxAttempts=1"));
        var ids = await AddAsync(app, 3);
        await WaitForAsync(async () => (await RowsAsync(app)).All(r => r.State == OutboxState.Failed), "all three given up after their one attempt");
        Assert.Empty(_smtp.Received);

        await app.CreateUserAsync("sachbearbeitung@aufsicht.example", "correct horse battery staple", "Supervisor");
        using var supervisor = app.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", "correct horse battery staple");
        var (_, page, _) = await supervisor.GetAsync("/post");
        Assert.Contains("Alle aufgegebenen Nachrichten erneut senden (3)", page, StringComparison.Ordinal);

        // One by itself, then the rest; the server is back.
        _smtp.TemporaryFailure = null;
        var (status, shown, _) = await supervisor.PostFormAsync("/post", $"/post?handler=Retry&id={(await RowsAsync(app))[0].Id}", []);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1 Nachricht(en) stehen wieder im Postausgang", shown, StringComparison.Ordinal);
        await WaitForAsync(() => AllSentAsync(app, [ids[0]]), "the first message sent again");
        (status, shown, _) = await supervisor.PostFormAsync("/post", "/post?handler=Retry", []);
        Assert.Contains("2 Nachricht(en) stehen wieder im Postausgang", shown, StringComparison.Ordinal);
        await WaitForAsync(() => AllSentAsync(app, ids), "all three sent");
        AssertEachReceivedOnce(ids);

        // Nothing left to send again: said, and nothing changes.
        (status, shown, _) = await supervisor.PostFormAsync("/post", "/post?handler=Retry", []);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Nichts erneut gesendet", shown, StringComparison.Ordinal);
        Assert.All(await RowsAsync(app), r => Assert.Equal(OutboxState.Sent, r.State));
    }

    [Fact]
    public async Task Worker_NoHost_StopsAtStart_MessagesWait()
    {
        await using var app = await AppServer.StartOnAsync(Database);
        var ids = await AddAsync(app, 2);
        var worker = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<OutboxWorker>().Single();
        // The worker ends by itself once it has seen there is no host; how soon depends on the other services starting.
        await worker.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(worker.ExecuteTask.IsCompletedSuccessfully);
        Assert.All(await RowsAsync(app), r => Assert.Equal((OutboxState.Pending, 0), (r.State, r.Attempts)));
        Assert.Equal(2, ids.Count);

        using var session = app.NewSession();
        await app.CreateUserAsync("admin@aufsicht.example", "correct horse battery staple", "Administrator");
        await session.LoginAsync("admin@aufsicht.example", "correct horse battery staple");
        var (_, page, _) = await session.GetAsync("/post");
        Assert.Contains("Der Versand ist abgeschaltet", page, StringComparison.Ordinal);
    }

    /// <summary>Arguments that make several app instances, one after another or side by side, use the same database.</summary>
    private string[] SharedDatabase()
    {
        if (Database == "postgres")
        {
            return ["--database", PostgresServer.NewDatabase()];
        }

        var folder = Directory.CreateTempSubdirectory("aufsicht-mail-").FullName;
        _folders.Add(folder);
        return ["--data-dir", folder];
    }

    private static async Task<List<string>> AddAsync(AppServer app, int count, Func<int, string>? to = null, bool notify = true, int first = 0)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var ids = new List<string>();
        for (var i = first; i < first + count; i++)
        {
            var record = Outbox.Add(db, "invitation", null, null, to?.Invoke(i) ?? $"schule{i}@schulen.example",
                $"Einladung zur Umfrage über Videokonferenzsysteme – Prüfung {i}",
                $"Sehr geehrte Damen und Herren,\n\nbitte antworten Sie unter https://aufsicht.example/u/{i}\n\nMit freundlichen Grüßen\nIhre Datenschutzaufsicht\n", now);
            ids.Add(record.MessageId);
        }

        await db.SaveChangesAsync();
        if (notify)
        {
            app.Services.GetRequiredService<OutboxSignal>().Notify();
        }

        return ids;
    }

    private static async Task<List<OutboxRecord>> RowsAsync(AppServer app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AufsichtDb>().Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
    }

    private static async Task<bool> AllSentAsync(AppServer app, List<string> messageIds) =>
        (await RowsAsync(app)).Count(r => messageIds.Contains(r.MessageId) && r.State == OutboxState.Sent) == messageIds.Count;

    private void AssertEachReceivedOnce(List<string> messageIds)
    {
        var counts = _smtp.Received.GroupBy(m => "<" + m.MessageId + ">").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.All(messageIds, id => Assert.Equal(1, counts.GetValueOrDefault(id)));
        Assert.Equal(messageIds.Count, counts.Count);
    }

    private static Task WaitForAsync(Func<bool> condition, string what) => WaitForAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"not reached within {Patience.TotalSeconds} s: {what}");
            }

            await Task.Delay(100);
        }
    }
}

/// <summary>
/// A fake clock that also tells how many one-shot timers with a given due time are pending: a worker waiting on the
/// clock (for the rate limit, say) holds one, so the test sees when every worker has come to rest instead of guessing a
/// pause.
/// </summary>
internal sealed class WaitCountingClock(DateTimeOffset start) : Microsoft.Extensions.Time.Testing.FakeTimeProvider(start)
{
    private readonly Dictionary<object, TimeSpan> _pending = [];

    public int Waiting(TimeSpan due)
    {
        lock (_pending)
        {
            return _pending.Values.Count(d => d == due);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (period != Timeout.InfiniteTimeSpan)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        // A one-shot timer (a delay) waits from its creation until it fires or is disposed (the delay cancelled).
        var key = new object();
        lock (_pending)
        {
            _pending[key] = dueTime;
        }

        var inner = base.CreateTimer(s => { Forget(key); callback(s); }, state, dueTime, period);
        return new CountedTimer(inner, () => Forget(key));
    }

    private void Forget(object key)
    {
        lock (_pending)
        {
            _pending.Remove(key);
        }
    }

    private sealed class CountedTimer(ITimer inner, Action forget) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            forget();
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            forget();
            return inner.DisposeAsync();
        }
    }
}
