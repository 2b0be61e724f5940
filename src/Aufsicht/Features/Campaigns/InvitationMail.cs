using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Features.Mail;
using Aufsicht.Features.Questionnaires;

namespace Aufsicht.Features.Campaigns;

/// <summary>
/// Makes an invitation or reminder (a new token; only its hash is kept) and, where the body has an address, puts the
/// e-mail with the link into the outbox — in the caller's transaction, so the row and the message are saved together.
/// </summary>
internal sealed class InvitationMail(AufsichtDb db, QuestionnaireStore questionnaires, Catalog.CatalogStore catalog, OutboxSignal signal, IConfiguration configuration)
{
    /// <summary>Loads what the messages need before the caller opens its transaction (the questionnaire store reads with its own connection).</summary>
    public async Task PrepareAsync(CampaignRecord campaign, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        await questionnaires.GetAsync(campaign.QuestionnaireId, cancel).ConfigureAwait(false);
    }

    /// <summary>Adds the invitation (reminder 0) or the n-th reminder, and its message; true if a message was queued, false if the body has no address.</summary>
    public async Task<bool> InviteAsync(CampaignRecord campaign, BodyRecord body, string publicUrl, int reminder, DateTime now, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(publicUrl);
        var (token, hash) = Tokens.New();
        var invitation = new InvitationRecord
        {
            CampaignId = campaign.Id,
            BodyId = body.Id,
            TokenHash = hash,
            IssuedAt = now,
            Email = body.ContactEmail,
            Language = body.Language,
            Reminder = reminder,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(body.ContactEmail))
        {
            return false;
        }

        var kind = reminder == 0 ? CampaignTemplates.InvitationKind : CampaignTemplates.ReminderKind;
        var (subject, text) = Render(campaign, body, kind, publicUrl.TrimEnd('/') + "/antwort/" + token);
        Outbox.Add(db, kind, campaign.Id, invitation.Id, body.ContactEmail, subject, text, now);
        return true;
    }

    /// <summary>
    /// The invitation as <paramref name="body"/> would receive it, with a stand-in for the personal link (a token is
    /// made only when the campaign starts): what a supervisor reads before starting.
    /// </summary>
    public (string Subject, string Text) Preview(CampaignRecord campaign, BodyRecord body, string publicUrl)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(publicUrl);
        var placeholder = Texts.T(LanguageOf(body), "templates.linkPlaceholder");
        return Render(campaign, body, CampaignTemplates.InvitationKind, publicUrl.TrimEnd('/') + "/antwort/" + placeholder);
    }

    /// <summary>
    /// The message in the body's language, from the campaign's templates — or the shipped ones if the stored JSON
    /// cannot be read or a stored template cannot be rendered (stored before the check refused what it does, or this
    /// body's values make it too long): a reminder of a running campaign is better sent in the shipped words than not
    /// at all. A draft does not get this far with a bad template: <see cref="StartCampaign"/> refuses to start it.
    /// </summary>
    private (string Subject, string Text) Render(CampaignRecord campaign, BodyRecord body, string kind, string link)
    {
        var language = LanguageOf(body);
        var model = new MailModel(body.Name, campaign.Title, campaign.Deadline, link,
            CampaignContact.AuthorityName(configuration, catalog.Catalog, campaign, language), questionnaires.Get(campaign.QuestionnaireId).Definition.Title.In(language),
            string.Join('\n', CampaignContact.Lines(campaign, language).Select(l => l.Label + ": " + l.Value)));
        var templates = CampaignTemplates.FromJson(campaign.TemplatesJson);
        var rendered = templates.IsOk ? templates.Value.TryRender(kind, model, language) : Result<(string Subject, string Text)>.Fail(templates.Errors);
        return rendered.IsOk ? rendered.Value : CampaignTemplates.Default.Render(kind, model, language);
    }

    /// <summary>Why the campaign's stored templates cannot be used, each with its template's field; empty when they can.</summary>
    public static IReadOnlyList<Error> TemplateProblems(CampaignRecord campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var templates = CampaignTemplates.FromJson(campaign.TemplatesJson);
        return templates.IsOk ? templates.Value.ValidateFields() : templates.Errors;
    }

    private static Language LanguageOf(BodyRecord body) => body.Language == "en" ? Language.En : Language.De;

    /// <summary>Wakes the outbox worker; call after the caller committed.</summary>
    public void Signal() => signal.Notify();
}
