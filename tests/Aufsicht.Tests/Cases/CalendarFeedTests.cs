using System.Net;
using System.Text.RegularExpressions;
using Aufsicht.Core.Cases;
using Aufsicht.Data;
using Aufsicht.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Cases;

[Trait("Category", "Database")]
public sealed class CalendarFeedTestsOnSqlite : CalendarFeedTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class CalendarFeedTestsOnPostgres : CalendarFeedTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// A handler's calendar feed: the address made on the account page and shown once, the feed read back with Ical.Net
/// (events, all-day dates, stable UIDs, the alarm, the language), and a bare 404 for a wrong or renewed address.
/// </summary>
[Trait("Category", "Database")]
public abstract partial class CalendarFeedTests
{
    private const string Password = "correct horse battery staple";
    private static readonly DateOnly Hearing = new(2027, 1, 5);
    private static readonly DateOnly Compliance = new(2027, 2, 1);

    protected abstract string Database { get; }

    [GeneratedRegex(@"/verfahren/fristen/[A-Za-z0-9_-]{43}\.ics")]
    private static partial Regex FeedPath();

    private static async Task<(long Hearing, long Decided)> SeedAsync(AppServer app, string handler, string other)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        var school = await CaseRows.BodyAsync(db, "Schule am See");
        var office = await CaseRows.BodyAsync(db, "Amt Nordwest");
        var hearing = await CaseRows.CaseAsync(db, school, "LfDI-2026-0042", CaseState.Hearing, handler, hearing: Hearing);
        var decided = await CaseRows.CaseAsync(db, office, "LfDI-2026-0043", CaseState.Decided, handler, hearing: new DateOnly(2026, 12, 1), compliance: Compliance);
        await CaseRows.CaseAsync(db, school, "LfDI-2026-0044", CaseState.Closed, handler, hearing: Hearing);
        await CaseRows.CaseAsync(db, office, "LfDI-2026-0045", CaseState.Hearing, other, hearing: Hearing);
        return (hearing, decided);
    }

    private static async Task<(Session Session, string Id)> HandlerAsync(AppServer app, string email, string role = "Supervisor")
    {
        await app.CreateUserAsync(email, Password, role);
        var session = app.NewSession();
        await session.LoginAsync(email, Password);
        return (session, app.Db(db => db.Users.Single(u => u.Email == email).Id));
    }

    private static async Task<string> MakeAddressAsync(Session session)
    {
        var (status, page, _) = await session.PostFormAsync("/konto", "/konto?handler=Calendar", []);
        Assert.Equal(HttpStatusCode.OK, status);
        var match = FeedPath().Match(page);
        Assert.True(match.Success, "the page shows the new address");
        Assert.Contains("https://aufsicht.example" + match.Value, page, StringComparison.Ordinal);
        return match.Value;
    }

    private static async Task<(HttpStatusCode Status, string? Type, string Body)> FeedAsync(AppServer app, string path)
    {
        // The app's plain client: no cookies, as a calendar client.
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Feed_HandlersOpenDeadlines_AllDayEventsWithStableUidsAndAlarm_InGerman()
    {
        await using var app = await AppServer.StartOnAsync(Database, "--Aufsicht:PublicUrl=https://aufsicht.example");
        var (session, id) = await HandlerAsync(app, "sachbearbeitung@aufsicht.example");
        var (_, otherId) = await HandlerAsync(app, "kollegin@aufsicht.example");
        var (hearing, decided) = await SeedAsync(app, id, otherId);
        var path = await MakeAddressAsync(session);

        var (status, type, text) = await FeedAsync(app, path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("text/calendar", type, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(text)!;
        var events = calendar.Events.OrderBy(e => e.Uid, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { $"case-{decided}-compliance@aufsicht", $"case-{hearing}-hearing@aufsicht" }.Order(StringComparer.Ordinal), events.Select(e => e.Uid));
        var h = events.Single(e => e.Uid == $"case-{hearing}-hearing@aufsicht");
        var c = events.Single(e => e.Uid == $"case-{decided}-compliance@aufsicht");
        Assert.Equal("Anhörungsfrist: Schule am See (LfDI-2026-0042)", h.Summary);
        Assert.Equal("Umsetzungsfrist: Amt Nordwest (LfDI-2026-0043)", c.Summary);
        Assert.False(h.DtStart!.HasTime);
        Assert.Equal(Hearing, h.DtStart.Date);
        Assert.Equal(Hearing.AddDays(1), h.DtEnd!.Date);
        Assert.Equal(Compliance, c.DtStart!.Date);
        Assert.Contains("Stand: Anhörung läuft", h.Description, StringComparison.Ordinal);
        Assert.Contains("Fristende: 05.01.2027", h.Description, StringComparison.Ordinal);
        Assert.Contains($"https://aufsicht.example/verfahren/{hearing}", h.Description, StringComparison.Ordinal);
        Assert.Contains("Stand: Maßnahme entschieden", c.Description, StringComparison.Ordinal);
        Assert.Equal(new Uri($"https://aufsicht.example/verfahren/{decided}"), c.Url);
        Assert.All(events, e => Assert.Equal("-PT15H", e.Alarms.Single().Trigger!.Duration!.Value.ToString()));
        Assert.DoesNotContain("2027-01-05", h.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("sachbearbeitung@", text, StringComparison.Ordinal);

        // Asked again, the same UIDs: a calendar updates its events instead of adding copies.
        var again = Ical.Net.Calendar.Load((await FeedAsync(app, path)).Body)!;
        Assert.Equal(events.Select(e => e.Uid), again.Events.Select(e => e.Uid).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Feed_WrongOrRenewedAddress_NotFoundWithoutHint()
    {
        await using var app = await AppServer.StartOnAsync(Database, "--Aufsicht:PublicUrl=https://aufsicht.example");
        var (session, id) = await HandlerAsync(app, "sachbearbeitung@aufsicht.example");
        await SeedAsync(app, id, "jemand-anderes");
        var (_, page, _) = await session.GetAsync("/konto");
        Assert.Contains("Kalender-Adresse erzeugen", page, StringComparison.Ordinal);
        Assert.Contains("Sie haben noch keine Kalender-Adresse.", page, StringComparison.Ordinal);
        var first = await MakeAddressAsync(session);
        Assert.Equal(HttpStatusCode.OK, (await FeedAsync(app, first)).Status);

        // The page no longer shows the address (only its hash is stored) and offers a new one instead.
        (_, page, _) = await session.GetAsync("/konto");
        Assert.DoesNotMatch(FeedPath(), page);
        Assert.Contains("Neue Kalender-Adresse erzeugen (die alte wird ungültig)", page, StringComparison.Ordinal);
        var renewed = await MakeAddressAsync(session);

        Assert.NotEqual(first, renewed);
        var old = await FeedAsync(app, first);
        Assert.Equal((HttpStatusCode.NotFound, string.Empty), (old.Status, old.Body));
        Assert.Equal(HttpStatusCode.OK, (await FeedAsync(app, renewed)).Status);
        var wrong = await FeedAsync(app, "/verfahren/fristen/" + new string('A', 43) + ".ics");
        Assert.Equal((HttpStatusCode.NotFound, string.Empty), (wrong.Status, wrong.Body));
        Assert.Equal(HttpStatusCode.NotFound, (await FeedAsync(app, "/verfahren/fristen/kurz.ics")).Status);
        Assert.Equal(1, app.Db(db => db.UserTokens.Count(t => t.UserId == id && t.Name == "CalendarFeed")));
        Assert.DoesNotContain(app.Db(db => db.UserTokens.Select(t => t.Value).ToList()), v => renewed.Contains(v!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feed_MadeOnTheEnglishPage_EventsInEnglish()
    {
        await using var app = await AppServer.StartOnAsync(Database, "--Aufsicht:PublicUrl=https://aufsicht.example");
        var (session, id) = await HandlerAsync(app, "handler@aufsicht.example");
        var (hearing, _) = await SeedAsync(app, id, "someone-else");
        await session.GetAsync("/sprache?lang=en&back=/konto");
        var (_, page, _) = await session.GetAsync("/konto");
        Assert.Contains("Create a calendar address", page, StringComparison.Ordinal);
        var path = await MakeAddressAsync(session);

        var calendar = Ical.Net.Calendar.Load((await FeedAsync(app, path)).Body)!;

        var h = calendar.Events.Single(e => e.Uid == $"case-{hearing}-hearing@aufsicht");
        Assert.Equal("Hearing deadline: Schule am See (LfDI-2026-0042)", h.Summary);
        Assert.Contains("State: hearing", h.Description, StringComparison.Ordinal);
        Assert.Contains("Deadline ends: 5 Jan 2027", h.Description, StringComparison.Ordinal);
    }
}
