using Aufsicht.Core;
using Aufsicht.Data;
using Aufsicht.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Evaluation;

/// <summary>
/// Links a service named in free text to a catalogue entry. The answers that named it are then evaluated again, so the
/// bodies concerned get their verdict.
/// </summary>
internal sealed class LinkOtherService(AufsichtDb db, CatalogStore catalog, CampaignEvaluator evaluator, TimeProvider clock)
{
    public async Task<Result<Reevaluated>> RunAsync(long campaignId, long otherId, string? serviceId, string? user, CancellationToken cancel)
    {
        var other = await db.OtherServices.SingleOrDefaultAsync(o => o.Id == otherId && o.CampaignId == campaignId, cancel).ConfigureAwait(false);
        if (other is null)
        {
            // Invalid rather than not found: the form offers only the survey's entries, so another one is a bad post.
            return Error.Invalid("other", "others.unknown");
        }

        if (string.IsNullOrWhiteSpace(serviceId) || catalog.Catalog.Latest(serviceId) is null)
        {
            return Error.Invalid("service", "others.unknownService", serviceId ?? string.Empty);
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        other.LinkedService = serviceId;
        other.LinkedBy = user;
        other.LinkedAt = now;
        // The link and the new evaluations are saved together. The whole campaign is re-evaluated: one way of writing
        // evaluations, and fast enough (bench/README.md).
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == campaignId, cancel).ConfigureAwait(false);
        var (count, asOf, view) = await evaluator.ReevaluateAllAsync(db, campaign, now, cancel).ConfigureAwait(false);
        return Result<Reevaluated>.Ok(new Reevaluated(count, asOf, view, watch.Elapsed));
    }
}
