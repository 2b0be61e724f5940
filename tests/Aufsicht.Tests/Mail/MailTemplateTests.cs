using Aufsicht.Core.Law;
using Aufsicht.Features.Mail;
using Aufsicht.Web;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Aufsicht.Tests.Mail;

/// <summary>The shipped texts render with umlauts, link and dates; a broken template is refused with a message that names it.</summary>
[Trait("Category", "Unit")]
public sealed class MailTemplateTests
{
    private static readonly MailModel Model = new("Grundschule Käthe Kollwitz", "Videokonferenzen an Schulen 2026", new DateOnly(2026, 3, 31),
        "https://aufsicht.example/u/Zm9vYmFy", "Die Landesbeauftragte für Datenschutz Musterland", "Videokonferenzsysteme (Fassung 2)",
        "Ansprechperson: Erika Beispiel\nE-Mail: umfrage@datenschutz-musterland.example");

    [Theory]
    [InlineData(Language.De, "31.03.2026", "Sehr geehrte Damen und Herren", "Art. 58 Abs. 1 lit. a DSGVO")]
    [InlineData(Language.En, "31 Mar 2026", "Dear Sir or Madam", "Art. 58(1)(a) GDPR")]
    public void Default_Invitation_RendersUmlautsLinkAndDeadline(Language language, string deadline, string greeting, string basis)
    {
        var (subject, text) = CampaignTemplates.Default.Render(CampaignTemplates.InvitationKind, Model, language);
        Assert.Contains(deadline, subject, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', subject);
        Assert.StartsWith(greeting, text, StringComparison.Ordinal);
        Assert.Contains(basis, text, StringComparison.Ordinal);
        Assert.Contains("Grundschule Käthe Kollwitz", text, StringComparison.Ordinal);
        Assert.Contains("Die Landesbeauftragte für Datenschutz Musterland", text, StringComparison.Ordinal);
        Assert.Contains("\nhttps://aufsicht.example/u/Zm9vYmFy\n", text, StringComparison.Ordinal);
        Assert.Contains(deadline, text, StringComparison.Ordinal);
        Assert.Contains("Ansprechperson: Erika Beispiel\nE-Mail: umfrage@datenschutz-musterland.example", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&", text, StringComparison.Ordinal); // plain text: nothing HTML-encoded
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_German_IsFormal_SaysNoAccountAndResume()
    {
        var (_, invitation) = CampaignTemplates.Default.Render(CampaignTemplates.InvitationKind, Model, Language.De);
        var (subject, reminder) = CampaignTemplates.Default.Render(CampaignTemplates.ReminderKind, Model, Language.De);
        Assert.Contains("Benutzerkonto brauchen Sie", invitation, StringComparison.Ordinal);
        Assert.Contains("zwischenspeichern", invitation, StringComparison.Ordinal);
        Assert.Contains("Mit freundlichen Grüßen", invitation, StringComparison.Ordinal);
        Assert.StartsWith("Erinnerung", subject, StringComparison.Ordinal);
        Assert.Contains("fortfahren", reminder, StringComparison.Ordinal);
        Assert.DoesNotContain(" du ", invitation + reminder, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(CampaignTemplates.Default.Validate());
    }

    [Fact]
    public void Validate_SyntaxError_GivesItsPosition()
    {
        var message = MailTemplates.Validate("Hallo {{ body.name }},\n{% if link %}Link{% endfor %}");
        Assert.NotNull(message);
        Assert.StartsWith("syntax error: ", message, StringComparison.Ordinal);
        Assert.Matches(@"\(line 2, column \d+\)", message);
        Assert.Matches(@"^Syntaxfehler: .*\(Zeile 1, Spalte \d+\)", MailTemplates.Validate("Hallo {{ link", Language.De));
    }

    [Fact]
    public void Validate_UnknownVariable_NamesItAndTheAllowedOnes()
    {
        Assert.Equal(
            "unknown variable 'body.adresse'; allowed are body.name, campaign.title, campaign.deadline, link, authority, questionnaire.title, contact.",
            MailTemplates.Validate("Sehr geehrte {{ body.adresse }}, {{ link }}"));
        Assert.Equal(
            "unbekannte Variable 'frist'; erlaubt sind body.name, campaign.title, campaign.deadline, link, authority, questionnaire.title, contact.",
            MailTemplates.Validate("{% if frist %}{{ campaign.title | upcase }}{% endif %}", Language.De));
    }

    [Theory]
    [InlineData("{% include 'einladung' %}", "include")]
    [InlineData("Hallo {% render 'x' %}", "render")]
    [InlineData("{% cycle 'a', 'b' %}", "cycle")]
    [InlineData("{% tablerow i in (1..3) %}{{ i }}{% endtablerow %}", "tablerow")]
    [InlineData("{% capture s %}{{ link }}{% endcapture %}{{ s }}", "capture")]
    public void Validate_TagsBeyondTheDocumentedOnes_AreRefusedNamingTheTag(string template, string tag)
    {
        var message = MailTemplates.Validate(template);
        Assert.NotNull(message);
        Assert.StartsWith($"the tag '{tag}' is not allowed in e-mail templates; allowed are ", message, StringComparison.Ordinal);
        Assert.StartsWith($"der Befehl '{tag}' ist in E-Mail-Vorlagen nicht erlaubt", MailTemplates.Validate(template, Language.De), StringComparison.Ordinal);
    }

    [Theory]
    // The reviewer's 48 characters that made a 10 MB preview: a range too long for a mail.
    [InlineData("{% for i in (1..100000) %}{% for j in (1..100) %}x{% endfor %}{% endfor %}", "range")]
    [InlineData("{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}", "steps")]
    [InlineData("{% for i in (1..1000) %}{% for j in (1..200) %}xxxxxxxxxx{% endfor %}{% endfor %}", "steps")]
    [InlineData("{% assign n = 1000000 %}{% for i in (1..n) %}x{% endfor %}", "range")]
    [InlineData("{{ (1..100000000) | join: ',' }}", "range")]
    [InlineData("{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}", "filter")]
    [InlineData("{{ link | replace: 'h', link | replace: 'h', link }}", "filter")]
    public void Validate_TemplatesThatWouldGrowWithoutBound_AreRefused(string template, string why)
    {
        var message = MailTemplates.Validate(template);
        Assert.NotNull(message);
        var expected = why switch
        {
            "range" => "a range may span at most 1000 numbers",
            "steps" => "the template makes more than 100000 characters of text or takes too many steps",
            _ => "unknown filter",
        };
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ATemplateThatFailsTheCheck_IsAnErrorNotAnException()
    {
        var rendered = MailTemplates.TryRender("{% include 'x' %}", Model, Language.En);
        Assert.False(rendered.IsOk);
        Assert.Equal("mail.template.tag", rendered.Errors[0].Key);
    }

    [Fact]
    public void Validate_OwnVariablesFiltersAndLimits()
    {
        Assert.Null(MailTemplates.Validate("{% assign t = campaign.title | upcase %}{{ t }} {% for c in (1..2) %}{{ c }}{{ forloop.index }}{% endfor %}"));
        Assert.Null(MailTemplates.Validate(new string('x', MailTemplates.MaxLength)));
        Assert.StartsWith("the template is 20001 characters long", MailTemplates.Validate(new string('x', MailTemplates.MaxLength + 1)), StringComparison.Ordinal);
    }

    [Fact]
    public void CampaignTemplates_JsonRoundTrip_AndValidateNamesEachBrokenTemplate()
    {
        var json = CampaignTemplates.Default.ToJson();
        Assert.StartsWith("{\"invitation\":{\"subject\":{\"de\":", json, StringComparison.Ordinal);
        Assert.Equal(CampaignTemplates.Default, CampaignTemplates.FromJson(json).Value);

        var broken = CampaignTemplates.Default with
        {
            Reminder = CampaignTemplates.Default.Reminder with { Text = new LocalizedText("{{ link", "{{ body.email }}") },
        };
        var errors = CampaignTemplates.FromJson(broken.ToJson()).Value.Validate();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("reminder text (German): syntax error: ", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("reminder text (English): unknown variable 'body.email'", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("Erinnerung, Text (deutsch): Syntaxfehler: ", broken.Validate(Language.De)[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"invitation\":{\"subject\":{\"de\":\"a\",\"en\":\"b\"},\"text\":{\"de\":\"c\",\"en\":\"d\"}}}")]
    [InlineData("{\"invitation\":{\"subject\":{\"de\":\"a\"},\"text\":{\"de\":\"c\",\"en\":\"d\"}},\"reminder\":{\"subject\":{\"de\":\"a\",\"en\":\"b\"},\"text\":{\"de\":\"c\",\"en\":\"d\"}}}")]
    [InlineData("not json")]
    public void CampaignTemplates_FromJson_MissingPartOrNoJson_IsAnError(string json)
    {
        var result = CampaignTemplates.FromJson(json);
        Assert.False(result.IsOk);
        Assert.StartsWith("The templates are not valid JSON", Aufsicht.Features.Shared.Failures.Message(result.Errors[0], Language.En), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Aufsicht:Mail:Host=127.0.0.1", "Aufsicht:Mail:From: required when Aufsicht:Mail:Host is set")]
    [InlineData("Aufsicht:Mail:Host=127.0.0.1;Aufsicht:Mail:From=nobody", "Aufsicht:Mail:From: 'nobody' is not an e-mail address")]
    [InlineData("Aufsicht:Mail:Port=0", "Aufsicht:Mail:Port: '0' is not a whole number from 1 to 65535")]
    [InlineData("Aufsicht:Mail:PerMinute=viele", "Aufsicht:Mail:PerMinute: 'viele' is not a whole number")]
    [InlineData("Aufsicht:Mail:Security=tls", "Aufsicht:Mail:Security: 'tls' is not one of none, starttls, ssl")]
    [InlineData("Aufsicht:Mail:User=aufsicht", "Aufsicht:Mail:Password: required when Aufsicht:Mail:User is set")]
    public void Settings_BadValue_NamesTheSetting(string settings, string message)
    {
        var e = Assert.Throws<SettingException>(() => MailSettings.From(Configuration(settings)));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_Defaults_LoopbackWithoutTls_OtherHostsStartTlsWhenAvailable_BackOffCapped()
    {
        var off = MailSettings.From(Configuration(""));
        Assert.False(off.Enabled);
        var local = MailSettings.From(Configuration("Aufsicht:Mail:Host=localhost;Aufsicht:Mail:From=a@b.example"));
        Assert.Equal((25, MailKit.Security.SecureSocketOptions.None, 60, 10, 8, 30, 300), (local.Port, local.Security, local.PerMinute, local.PollSeconds, local.MaxAttempts, local.RetryBaseSeconds, local.ClaimSeconds));
        var remote = MailSettings.From(Configuration("Aufsicht:Mail:Host=mail.behoerde.example;Aufsicht:Mail:From=a@b.example"));
        Assert.Equal(MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable, remote.Security);
        Assert.Equal((30, 60, 120, 3600), ((int)remote.BackOff(1).TotalSeconds, (int)remote.BackOff(2).TotalSeconds, (int)remote.BackOff(3).TotalSeconds, (int)remote.BackOff(20).TotalSeconds));
    }

    private static IConfiguration Configuration(string settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], (string?)p[1]))).Build();
}
