using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Mail;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns.Pages;

/// <summary>
/// Asks before a campaign starts, closes or reopens, and says what will happen: how many invitations go out and to
/// whom none can, how many have not answered yet, when the contact data will be erased. The button posts to the
/// dashboard's handler, which does it (and still refuses what the campaign's state no longer allows).
/// </summary>
[Authorize(Policy = Roles.CanRunSurveys)]
internal sealed class CampaignStepModel(AufsichtDb db, MailSettings mail, TimeProvider clock) : AppPage
{
    public const string Start = "starten";
    public const string Close = "schliessen";
    public const string Reopen = "wiedereroeffnen";

    internal CampaignRecord Campaign { get; private set; } = null!;

    internal string Step { get; private set; } = Start;

    internal int Targets { get; private set; }

    internal int WithAddress { get; private set; }

    internal int Answered { get; private set; }

    internal int PendingMail { get; private set; }

    internal bool MailEnabled => mail.Enabled;

    /// <summary>The deadline the reopen form proposes: the old one if still ahead, else four weeks from today.</summary>
    internal DateOnly ProposedDeadline { get; private set; }

    /// <summary>Whether the step fits the campaign's state; if not, the page says why instead of offering the button.</summary>
    internal bool Possible { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string step, CancellationToken cancel)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancel).ConfigureAwait(true);
        if (campaign is null)
        {
            return NotFound();
        }

        (Campaign, Step) = (campaign, step);
        var targets = db.CampaignBodies.Where(t => t.CampaignId == id).Join(db.Bodies, t => t.BodyId, b => b.Id, (_, b) => b);
        Targets = await targets.CountAsync(cancel).ConfigureAwait(true);
        WithAddress = await targets.CountAsync(b => b.ContactEmail != null && b.ContactEmail != "", cancel).ConfigureAwait(true);
        Answered = await db.Evaluations.CountAsync(e => e.CampaignId == id, cancel).ConfigureAwait(true);
        PendingMail = await db.Outbox.CountAsync(o => o.CampaignId == id && o.State == OutboxState.Pending, cancel).ConfigureAwait(true);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        ProposedDeadline = campaign.Deadline >= today ? campaign.Deadline : today.AddDays(28);
        Possible = step switch
        {
            Start => campaign.State == CampaignState.Draft,
            Close => campaign.State == CampaignState.Running,
            _ => campaign.State == CampaignState.Closed && campaign.ContactsErasedAt is null,
        };
        if (!Possible)
        {
            return Fail(StatusCodes.Status409Conflict, [Texts.T(Language, step switch
            {
                Start => "campaign.notDraft",
                Close => "campaign.notRunning",
                _ => campaign.ContactsErasedAt is null ? "campaign.notClosed" : "campaign.contactsErased",
            })]);
        }

        return Page();
    }
}
