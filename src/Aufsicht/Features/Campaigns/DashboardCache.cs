using System.Collections.Concurrent;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns;

/// <summary>
/// A campaign's figures, computed once per change instead of once per view: the grouped queries over every target
/// body cost about 170 ms for 30,000 bodies, and a dashboard under load asked for them on every request. Each entry
/// is kept under the campaign's stamp (<see cref="CampaignStampRecord"/>), which the database moves in the same
/// transaction as any change the figures depend on, so a view that reads the stamp first and finds an entry at least
/// that new shows exact counts. Views that arrive while the figures are being computed wait for the same computation.
/// </summary>
internal sealed class DashboardCache(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<(long Campaign, int Regions), Entry> _entries = new();

    /// <summary>The stamp of a campaign's figures as the database has it now (0 before the first change).</summary>
    public static Task<long> StampAsync(AufsichtDb db, long campaignId, CancellationToken cancel) =>
        db.CampaignStamps.AsNoTracking().Where(s => s.CampaignId == campaignId).Select(s => s.Stamp).FirstOrDefaultAsync(cancel);

    /// <summary>
    /// The figures of <paramref name="campaignId"/> as of <paramref name="stamp"/> or later; computed with a database
    /// context of its own, so one viewer's cancelled request does not cancel the others'.
    /// </summary>
    public async Task<DashboardFigures> GetAsync(long campaignId, int regions, long stamp, CancellationToken cancel)
    {
        var key = (campaignId, regions);
        while (true)
        {
            if (_entries.TryGetValue(key, out var found) && found.Stamp >= stamp)
            {
                try
                {
                    return await found.Figures.WaitAsync(cancel).ConfigureAwait(false);
                }
                catch (Exception) when (found.Figures.IsFaulted)
                {
                    // A failed computation is not kept: the next view tries again.
                    _entries.TryRemove(KeyValuePair.Create(key, found));
                    throw;
                }
            }

            var fresh = new Entry(stamp, new Lazy<Task<DashboardFigures>>(() => ComputeAsync(campaignId, regions)));
            var stored = found is null ? _entries.TryAdd(key, fresh) : _entries.TryUpdate(key, fresh, found);
            if (stored)
            {
                _ = fresh.Figures;
            }
        }
    }

    private async Task<DashboardFigures> ComputeAsync(long campaignId, int regions)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        return await CampaignDashboard.ComputeAsync(db, campaignId, regions, CancellationToken.None).ConfigureAwait(false);
    }

    private sealed class Entry(long stamp, Lazy<Task<DashboardFigures>> figures)
    {
        public long Stamp => stamp;

        public Task<DashboardFigures> Figures => figures.Value;
    }
}
