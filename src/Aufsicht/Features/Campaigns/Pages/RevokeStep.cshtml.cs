using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns.Pages;

/// <summary>Asks before a body's links are revoked, and says what it means: how many links stop working, how many messages stay unsent.</summary>
[Authorize(Policy = Roles.CanRunSurveys)]
internal sealed class RevokeStepModel(AufsichtDb db) : AppPage
{
    internal CampaignRecord Campaign { get; private set; } = null!;

    internal BodyRecord Body { get; private set; } = null!;

    internal int ValidLinks { get; private set; }

    internal int PendingMail { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long bodyId, CancellationToken cancel)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancel).ConfigureAwait(true);
        var body = await BodyInCampaign.FindAsync(db, id, bodyId, cancel).ConfigureAwait(true);
        if (campaign is null || body is null)
        {
            return NotFound();
        }

        (Campaign, Body) = (campaign, body);
        ValidLinks = await db.Invitations.CountAsync(i => i.CampaignId == id && i.BodyId == bodyId && i.RevokedAt == null, cancel).ConfigureAwait(true);
#pragma warning disable RS0030 // inside a predicate: translated to a SQL subquery
        PendingMail = await db.Outbox.CountAsync(o => o.CampaignId == id && o.State == OutboxState.Pending
            && db.Invitations.Any(i => i.Id == o.InvitationId && i.BodyId == bodyId && i.RevokedAt == null), cancel).ConfigureAwait(true);
#pragma warning restore RS0030
        if (campaign.State != CampaignState.Running)
        {
            return Fail(StatusCodes.Status409Conflict, [Texts.T(Language, "campaign.notRunning")]);
        }

        return Page();
    }
}
