using System.Globalization;
using System.Net;
using Aufsicht.Core.Law;
using Aufsicht.Features.Mail;
using Aufsicht.Tests.Campaigns;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Aufsicht.Tests.Mail;

/// <summary>
/// A template stored before the check refused it (an include, a loop too long for a mail) must not break the campaign
/// page for anyone: the page shows what is wrong with it, and starting the campaign is refused with that message
/// (issue 12, point 3: {% include %} passed the check and then every role got a 500).
/// </summary>
[Trait("Category", "Database")]
public sealed class StoredTemplateTests
{
    [Theory]
    [InlineData("Hallo {% include 'kopf' %} {{ link }}", "include")]
    [InlineData("{% render 'x' %}", "render")]
    [InlineData("{% for i in (1..100000) %}{% for j in (1..100) %}x{% endfor %}{% endfor %}", "1000")]
    public async Task CampaignPage_WithABadStoredTemplate_Answers200WithTheMessage_AndStartIsRefused(string liquid, string named)
    {
        await using var server = await SurveyServer.StartAsync("sqlite");
        using var supervisor = server.NewSession();
        await supervisor.LoginAsync("sachbearbeitung@aufsicht.example", SurveyServer.Password);
        var questionnaire = server.Db(db => db.Questionnaires.Single(q => q.Key == "videokonferenz").Id);
        var (status, _, location) = await supervisor.PostFormAsync("/umfragen", "/umfragen",
            [new("title", "Vorlagen"), new("questionnaire", questionnaire.ToString(CultureInfo.InvariantCulture)),
             new("deadline", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("reminders", "7")]);
        Assert.Equal(HttpStatusCode.Redirect, status);
        var id = long.Parse(location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);

        // As it would have been stored before the check knew better.
        var stored = CampaignTemplates.Default with
        {
            Invitation = CampaignTemplates.Default.Invitation with { Text = new LocalizedText(liquid, CampaignTemplates.Default.Invitation.Text.En) },
        };
        var json = stored.ToJson();
        server.Db(db => db.Campaigns.Where(c => c.Id == id).ExecuteUpdate(s => s.SetProperty(c => c.TemplatesJson, json)));

        var (page, body, _) = await supervisor.GetAsync($"/umfragen/{id}");
        Assert.Equal(HttpStatusCode.OK, page);
        Assert.Contains("Einladung, Text (deutsch)", body, StringComparison.Ordinal);
        Assert.Contains(named, body, StringComparison.Ordinal);

        using var reader = server.NewSession();
        await reader.LoginAsync("leitung@aufsicht.example", SurveyServer.Password);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/umfragen/{id}")).Status);

        var (started, startPage, _) = await supervisor.PostFormAsync($"/umfragen/{id}", $"/umfragen/{id}?handler=Start", []);
        Assert.Equal(HttpStatusCode.BadRequest, started);
        Assert.Contains(named, startPage, StringComparison.Ordinal);
        Assert.Equal(0, server.Db(db => db.Outbox.Count(o => o.CampaignId == id)));
        Assert.Equal(0, server.Db(db => db.Invitations.Count(i => i.CampaignId == id)));
    }
}
