using Aufsicht.Core;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns;

/// <summary>
/// Reopens a closed campaign with a deadline from today on: the links that were valid when it closed accept answers
/// again, and the scheduled reminders count from the new deadline. Not once its contact data were erased (the
/// addresses are gone, so no reminder could reach anyone, and the retention promise has been kept).
/// </summary>
internal sealed class ReopenCampaign(AufsichtDb db, TimeProvider clock)
{
    public async Task<Result<bool>> RunAsync(long campaignId, string? deadline, CancellationToken cancel)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancel).ConfigureAwait(false);
        if (campaign is null)
        {
            return Error.NotFound("campaign", "campaign.unknown");
        }

        if (campaign.State != CampaignState.Closed)
        {
            return Error.Conflict("campaign", "campaign.notClosed");
        }

        if (campaign.ContactsErasedAt is not null)
        {
            return Error.Conflict("campaign", "campaign.contactsErased");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var newDeadline = CreateCampaign.ParseDate(deadline);
        if (newDeadline is null || newDeadline < today)
        {
            return Error.Invalid("deadline", "campaign.invalid.deadline", deadline ?? string.Empty);
        }

        var changed = await db.Campaigns.Where(c => c.Id == campaignId && c.State == CampaignState.Closed && c.ContactsErasedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CampaignState.Running).SetProperty(c => c.ClosedAt, (DateTime?)null)
                .SetProperty(c => c.Deadline, newDeadline.Value).SetProperty(c => c.Revision, c => c.Revision + 1), cancel)
            .ConfigureAwait(false);
        return changed == 1 ? Result<bool>.Ok(true) : Error.Conflict("campaign", "campaign.notClosed");
    }
}
