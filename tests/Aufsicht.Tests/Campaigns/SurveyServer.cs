using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Aufsicht.Data;
using Aufsicht.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Campaigns;

/// <summary>
/// What the survey tests start from: the app with a supervisor and a reader, and three bodies — a school and a
/// municipality with addresses, a company without one; and a started campaign whose links are read from the outbox.
/// </summary>
internal static partial class SurveyServer
{
    public const string Password = "correct horse battery staple";

    public static Task<AppServer> StartAsync(string database, params string[] extraArgs) => StartAsync(database, null, extraArgs);

    /// <summary>As <see cref="StartAsync(string, string[])"/>, with a clock of the test's in place of the system clock.</summary>
    public static async Task<AppServer> StartAsync(string database, TimeProvider? clock, params string[] extraArgs)
    {
        var server = await AppServer.StartOnAsync(database, clock, extraArgs);
        await server.CreateUserAsync("sachbearbeitung@aufsicht.example", Password, "Supervisor");
        await server.CreateUserAsync("leitung@aufsicht.example", Password, "Reader");
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        var now = DateTime.UtcNow;
        db.Bodies.AddRange(
            new BodyRecord { ExternalId = "S-1", Name = "Grundschule Am Deich", Kind = "school", Region = "Nordwestmecklenburg", State = "MV", PublicBody = true, ContactEmail = "schule@example.org", Language = "de", CreatedAt = now, UpdatedAt = now },
            new BodyRecord { ExternalId = "G-2", Name = "Gemeinde Süderholz", Kind = "municipality", Region = "Vorpommern-Greifswald", State = "MV", PublicBody = true, ContactEmail = "gemeinde@example.org", Language = "de", CreatedAt = now, UpdatedAt = now },
            new BodyRecord { ExternalId = "F-3", Name = "Firma ohne Adresse", Kind = "company", State = "MV", PublicBody = false, Language = "de", CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
        return server;
    }

    /// <summary>Bodies of one kind in Mecklenburg-Vorpommern, named and numbered from 1 (not yet added to a context).</summary>
    public static List<BodyRecord> NewBodies(int count, string externalPrefix, string name, string kind, string? region = null)
    {
        var now = DateTime.UtcNow;
        return Enumerable.Range(1, count).Select(i => new BodyRecord
        {
            ExternalId = externalPrefix + i.ToString(CultureInfo.InvariantCulture),
            Name = string.Format(CultureInfo.InvariantCulture, name, i),
            Kind = kind,
            Region = region,
            State = "MV",
            PublicBody = true,
            Language = "de",
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
    }

    [GeneratedRegex("/antwort/[A-Za-z0-9_-]{43}")]
    public static partial Regex LinkPattern();

    /// <summary>Creates and starts a campaign over all bodies with the shipped questionnaire; returns its id and each address's link.</summary>
    public static async Task<(long Id, Dictionary<string, string> Links)> StartCampaignAsync(this AppServer server, Session supervisor, string title, string? deadline = null)
    {
        var questionnaire = server.Db(db => db.Questionnaires.Single(q => q.Key == "videokonferenz").Id);
        deadline ??= DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (status, _, location) = await supervisor.PostFormAsync("/umfragen", "/umfragen",
            [new("title", title), new("questionnaire", questionnaire.ToString(CultureInfo.InvariantCulture)), new("deadline", deadline), new("reminders", "7,1")]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        var id = long.Parse(location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        (status, var page, _) = await supervisor.PostFormAsync($"/umfragen/{id}", $"/umfragen/{id}?handler=Start", []);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2 Einladungen", page, StringComparison.Ordinal);
        var links = server.Db(db => db.Outbox.Where(o => o.CampaignId == id).ToList())
            .ToDictionary(o => o.To, o => LinkPattern().Match(o.Body).Value, StringComparer.Ordinal);
        return (id, links);
    }
}
