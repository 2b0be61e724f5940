using Aufsicht.Data;

namespace Aufsicht.Features.Surveys;

/// <summary>
/// Makes an invitation (a new token; only its hash is kept) and, where the body has an address, puts the e-mail with
/// the link into the outbox — in the caller's transaction, so the row and the message are saved together.
/// </summary>
internal sealed class InvitationMail(AufsichtDb db, QuestionnaireStore questionnaires)
{
    public const string DefaultTemplatesJson = "{}";

    /// <summary>Loads what the messages need before the caller opens its transaction (the questionnaire store reads with its own connection).</summary>
    public void Prepare(CampaignRecord campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        questionnaires.Get(campaign.QuestionnaireId);
    }

    /// <summary>Adds the invitation (and its message); true if a message was queued, false if the body has no address.</summary>
    public bool Invite(CampaignRecord campaign, BodyRecord body, string publicUrl, int reminder, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(body);
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
        db.SaveChanges();
        if (string.IsNullOrWhiteSpace(body.ContactEmail))
        {
            return false;
        }

        var link = publicUrl.TrimEnd('/') + "/antwort/" + token;
        var title = questionnaires.Get(campaign.QuestionnaireId).Definition.Title;
        var subject = body.Language == "en" ? $"Survey: {title.En}" : $"Umfrage: {title.De}";
        var text = $"{body.Name}\n\n{campaign.Title}\n\n{link}\n\n{campaign.Deadline:yyyy-MM-dd}\n";
        db.Outbox.Add(new OutboxRecord
        {
            Kind = reminder == 0 ? "invitation" : "reminder",
            CampaignId = campaign.Id,
            InvitationId = invitation.Id,
            To = body.ContactEmail,
            Subject = subject,
            Body = text,
            MessageId = $"<{Guid.NewGuid():N}@aufsicht.invalid>",
            State = OutboxState.Pending,
            CreatedAt = now,
            NotBefore = now,
        });
        return true;
    }

    /// <summary>Wakes the outbox worker after the caller committed.</summary>
    public static void Signal()
    {
    }
}
