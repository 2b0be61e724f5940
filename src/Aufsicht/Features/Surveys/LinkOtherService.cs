using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Features.Catalog;
using Aufsicht.Web;

namespace Aufsicht.Features.Surveys;

/// <summary>
/// Links a service named in free text to a catalogue entry. The answers that named it are then evaluated again, so the
/// bodies concerned get their verdict.
/// </summary>
internal sealed class LinkOtherService(AufsichtDb db, CatalogStore catalog, CampaignEvaluator evaluator, TimeProvider clock)
{
    public Result<Reevaluated> Run(long campaignId, long otherId, string? serviceId, string? user, Language language)
    {
        var other = db.OtherServices.SingleOrDefault(o => o.Id == otherId && o.CampaignId == campaignId);
        if (other is null)
        {
            return Result<Reevaluated>.Fail("other", UiText.T(language, "others.unknown"));
        }

        if (string.IsNullOrWhiteSpace(serviceId) || catalog.Catalog.Latest(serviceId) is null)
        {
            return Result<Reevaluated>.Fail("service", UiText.T(language, "others.unknownService", serviceId ?? string.Empty));
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        other.LinkedService = serviceId;
        other.LinkedBy = user;
        other.LinkedAt = now;
        // The link and the new evaluations are saved together. The whole campaign is re-evaluated: one way of writing
        // evaluations, and fast enough (bench/README.md).
        var campaign = db.Campaigns.Single(c => c.Id == campaignId);
        var (count, asOf, view) = evaluator.ReevaluateAll(db, campaign, now);
        return Result<Reevaluated>.Ok(new Reevaluated(count, asOf, view, watch.Elapsed));
    }
}
