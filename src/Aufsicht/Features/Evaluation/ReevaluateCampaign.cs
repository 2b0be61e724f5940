using System.Diagnostics;
using Aufsicht.Core;
using Aufsicht.Data;
using Aufsicht.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Evaluation;

/// <summary>What a re-evaluation did.</summary>
internal sealed record Reevaluated(int Bodies, DateOnly AsOf, string Authority, TimeSpan Took);

/// <summary>
/// Re-evaluates every submitted response of a campaign, optionally at another as-of date or in another authority's
/// view (which then become the campaign's): after a change in the law or a new catalogue fact.
/// </summary>
internal sealed class ReevaluateCampaign(AufsichtDb db, CampaignEvaluator evaluator, CatalogStore catalog, TimeProvider clock)
{
    public async Task<Result<Reevaluated>> RunAsync(long campaignId, string? asOf, string? authority, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancel).ConfigureAwait(false);
        if (campaign is null)
        {
            return Error.NotFound("campaign", "campaign.unknown");
        }

        var errors = new List<Error>();
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                campaign.EvaluationAsOf = date;
            }
            else
            {
                errors.Add(Error.Invalid("asOf", "invalid.date", asOf));
            }
        }

        if (!string.IsNullOrWhiteSpace(authority))
        {
            if (catalog.Catalog.FindAuthority(authority.Trim()) is not null)
            {
                campaign.Authority = authority.Trim();
            }
            else
            {
                errors.Add(Error.Invalid("authority", "invalid.authority", authority));
            }
        }

        if (errors.Count > 0)
        {
            return Result<Reevaluated>.Fail(errors);
        }

        var (count, evaluatedAsOf, view) = await evaluator.ReevaluateAllAsync(db, campaign, clock.GetUtcNow().UtcDateTime, cancel).ConfigureAwait(false);
        return Result<Reevaluated>.Ok(new Reevaluated(count, evaluatedAsOf, view, watch.Elapsed));
    }
}
