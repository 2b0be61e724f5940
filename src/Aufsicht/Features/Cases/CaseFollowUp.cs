using Aufsicht.Core.Cases;
using Aufsicht.Core.Evaluation;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Features.Campaigns;
using Aufsicht.Features.Mail;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases;

/// <summary>A follow-up link just issued: shown once to the handler (only its hash is kept), and whether it went out by e-mail.</summary>
internal sealed record FollowUpLink(string Url, DateOnly OpenUntil, bool Mailed);

/// <summary>The newest evaluation of the body's answers given after it was asked again.</summary>
internal sealed record FollowUpAnswer(int Version, Compliance Status, DateTime EvaluatedAt, string MainFindings);

/// <summary>
/// The follow-up check of a case opened from a campaign: asks the body again through a new link to its survey (a new
/// version of its answers, accepted until the link's last day even after the campaign closed), and finds the
/// re-evaluation of what it answered. The proposal itself is <see cref="FollowUp.Propose"/>.
/// </summary>
internal static class CaseFollowUp
{
    /// <summary>
    /// Adds the follow-up link (and its e-mail, when the body has an address) to <paramref name="db"/> in the caller's
    /// transaction; the caller saves. Null when the case did not come from a campaign or the campaign is gone.
    /// </summary>
    public static async Task<(InvitationRecord Invitation, FollowUpLink Link, Func<OutboxRecord?> Mail)?> AskAsync(
        AufsichtDb db, CaseRecord record, int days, string publicUrl, IConfiguration configuration, Catalog.CatalogStore catalog, DateOnly today, DateTime now, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        if (record.CampaignId is not { } campaignId)
        {
            return null;
        }

        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancel).ConfigureAwait(false);
        if (campaign is null)
        {
            return null;
        }

        var body = await db.Bodies.AsNoTracking().SingleAsync(b => b.Id == record.BodyId, cancel).ConfigureAwait(false);
        var (token, hash) = Tokens.New();
        var until = FollowUp.OpenUntil(today, days);
        var invitation = new InvitationRecord
        {
            CampaignId = campaignId,
            BodyId = body.Id,
            TokenHash = hash,
            IssuedAt = now,
            Email = body.ContactEmail,
            Language = body.Language,
            Reminder = InvitationRecord.ManualReminder,
            OpenUntil = until,
            CaseId = record.Id,
        };
        db.Invitations.Add(invitation);
        var url = publicUrl.TrimEnd('/') + "/antwort/" + token;
        var mailed = !string.IsNullOrWhiteSpace(body.ContactEmail);
        var language = body.Language == "en" ? Language.En : Language.De;
        OutboxRecord? QueueMail()
        {
            if (!mailed)
            {
                return null;
            }

            var authority = CampaignContact.AuthorityName(configuration, catalog.Catalog, campaign, language);
            var subject = Texts.T(language, "case.followUp.mail.subject", campaign.Title, record.FileNumber);
            var text = Texts.T(language, "case.followUp.mail.body", body.Name, campaign.Title, record.FileNumber, url, Shared.LocalDates.Day(until, language), authority);
            return Outbox.Add(db, "follow-up", campaignId, invitation.Id, body.ContactEmail!, subject, text, now);
        }

        return (invitation, new FollowUpLink(url, until, mailed), QueueMail);
    }

    /// <summary>The newest evaluation of this body in the case's campaign made after it was asked again; null before it answered.</summary>
    public static async Task<FollowUpAnswer?> AnswerAsync(AufsichtDb db, CaseRecord record, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        if (record.CampaignId is not { } campaignId || record.FollowUpAskedAt is not { } asked)
        {
            return null;
        }

        // New answers, not a re-evaluation of the old ones (a catalogue change re-evaluates every body): a version submitted after the body was asked.
        var response = await db.Responses.AsNoTracking()
            .Where(r => r.CampaignId == campaignId && r.BodyId == record.BodyId && r.SubmittedAt >= asked)
            .Select(r => new { r.SubmittedVersion }).SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        return response is null ? null : await db.Evaluations.AsNoTracking()
            .Where(e => e.CampaignId == campaignId && e.BodyId == record.BodyId && e.Version == response.SubmittedVersion)
            .Select(e => new FollowUpAnswer(e.Version, e.Status, e.EvaluatedAt, e.MainFindings))
            .FirstOrDefaultAsync(cancel).ConfigureAwait(false);
    }
}
