using Aufsicht.Core;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns;

/// <summary>How a reminder by hand went: how many were queued, and how many chosen bodies could not get one.</summary>
internal sealed record Reminded(int Queued, int Skipped);

/// <summary>
/// Sends a reminder now to chosen bodies of a running campaign ("remind now"), in one transaction. A body gets one
/// when it has not submitted, still has a valid link (a body whose links were revoked had its access withdrawn) and has
/// an address; every other chosen body is counted as skipped, so the supervisor learns how many went out. Like the
/// scheduled reminders, each carries a new link of its own; the earlier links stay valid.
/// </summary>
internal sealed class RemindBodies(AufsichtDb db, InvitationMail mail, TimeProvider clock)
{
    /// <summary>At most this many bodies at once (a page of the list holds 50).</summary>
    public const int MaxBodies = 1000;

    public async Task<Result<Reminded>> RunAsync(long campaignId, IReadOnlyCollection<long> bodyIds, string publicUrl, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(bodyIds);
        if (bodyIds.Count == 0)
        {
            return Error.Invalid("bodies", "remind.none");
        }

        if (bodyIds.Count > MaxBodies)
        {
            return Error.Invalid("bodies", "remind.tooMany", MaxBodies.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancel).ConfigureAwait(false);
        if (campaign is null)
        {
            return Error.NotFound("campaign", "campaign.unknown");
        }

        if (campaign.State != CampaignState.Running)
        {
            return Error.Conflict("campaign", "campaign.notRunning");
        }

        var wanted = bodyIds.Distinct().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        await mail.PrepareAsync(campaign, cancel).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
#pragma warning disable RS0030 // inside a predicate: translated to SQL subqueries
        var bodies = await db.CampaignBodies.Where(t => t.CampaignId == campaignId && wanted.Contains(t.BodyId))
            .Join(db.Bodies, t => t.BodyId, b => b.Id, (_, b) => b)
            .Where(b => b.ContactEmail != null && b.ContactEmail != ""
                && !db.Responses.Any(r => r.CampaignId == campaignId && r.BodyId == b.Id && r.SubmittedVersion > 0)
                && db.Invitations.Any(i => i.CampaignId == campaignId && i.BodyId == b.Id && i.RevokedAt == null))
            .AsNoTracking()
            .ToListAsync(cancel).ConfigureAwait(false);
#pragma warning restore RS0030
        foreach (var body in bodies)
        {
            await mail.InviteAsync(campaign, body, publicUrl, InvitationRecord.ManualReminder, now, cancel).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        if (bodies.Count > 0)
        {
            mail.Signal();
        }

        return Result<Reminded>.Ok(new Reminded(bodies.Count, wanted.Count - bodies.Count));
    }
}
