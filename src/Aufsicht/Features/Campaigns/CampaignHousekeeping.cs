using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns;

/// <summary>
/// What campaigns need done on time without anyone clicking: reminders to bodies that have not submitted, on the days
/// before the deadline the campaign names; and erasing a closed campaign's contact data once its retention has passed.
/// Safe with several instances on one database: a reminder row is unique per body and reminder number.
/// </summary>
internal sealed partial class CampaignHousekeeping(IServiceScopeFactory scopes, IConfiguration configuration, Web.PublicAddress address, TimeProvider clock, ILogger<CampaignHousekeeping> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Aufsicht:Surveys:HousekeepingSeconds", 300)));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await SendRemindersAsync(scope.ServiceProvider, stoppingToken).ConfigureAwait(false);
                var erased = await EraseContactsAsync(scope.ServiceProvider.GetRequiredService<AufsichtDb>(), clock.GetUtcNow().UtcDateTime, stoppingToken).ConfigureAwait(false);
                if (sent + erased > 0)
                {
                    Housekept(logger, sent, erased);
                }
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The next round tries again; a database that is briefly away must not stop the service.
                HousekeepingFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>
    /// For each running campaign, the newest reminder that is due, to every body that has not submitted, has not had it,
    /// and still has a valid link.
    /// </summary>
    public async Task<int> SendRemindersAsync(IServiceProvider services, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<AufsichtDb>();
        var mail = services.GetRequiredService<InvitationMail>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var sent = 0;
        foreach (var campaign in await db.Campaigns.AsNoTracking().Where(c => c.State == CampaignState.Running).ToListAsync(cancel).ConfigureAwait(false))
        {
            var days = CreateCampaign.ParseReminders(campaign.ReminderDays) ?? [];
            var due = 0;
            for (var i = 0; i < days.Count; i++)
            {
                if (today >= campaign.Deadline.AddDays(-days[i]) && today <= campaign.Deadline)
                {
                    due = i + 1;
                }
            }

            if (due == 0)
            {
                continue;
            }

#pragma warning disable RS0030 // inside a predicate: translated to SQL subqueries
            var bodies = await db.CampaignBodies.Where(t => t.CampaignId == campaign.Id)
                .Join(db.Bodies, t => t.BodyId, b => b.Id, (_, b) => b)
                .Where(b => b.ContactEmail != null
                    && !db.Responses.Any(r => r.CampaignId == campaign.Id && r.BodyId == b.Id && r.SubmittedVersion > 0)
                    && !db.Invitations.Any(i => i.CampaignId == campaign.Id && i.BodyId == b.Id && i.Reminder >= due)
                    // A body whose links were all revoked without a new one has had its access withdrawn.
                    && db.Invitations.Any(i => i.CampaignId == campaign.Id && i.BodyId == b.Id && i.RevokedAt == null))
                .AsNoTracking()
                .ToListAsync(cancel).ConfigureAwait(false);
#pragma warning restore RS0030
            await mail.PrepareAsync(campaign, cancel).ConfigureAwait(false);
            foreach (var body in bodies)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
                try
                {
                    // Again inside the transaction: links revoked since the list was read get no reminder (it carries a new link).
                    if (!await db.Invitations.AnyAsync(i => i.CampaignId == campaign.Id && i.BodyId == body.Id && i.RevokedAt == null, cancel).ConfigureAwait(false))
                    {
                        continue;
                    }

                    await mail.InviteAsync(campaign, body, PublicUrl(), due, now, cancel).ConfigureAwait(false);
                    await db.SaveChangesAsync(cancel).ConfigureAwait(false);
                    await transaction.CommitAsync(cancel).ConfigureAwait(false);
                    sent++;
                }
                catch (DbUpdateException)
                {
                    // Another instance sent this reminder a moment ago.
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    db.ChangeTracker.Clear();
                }
            }
        }

        if (sent > 0)
        {
            mail.Signal();
        }

        return sent;
    }

    /// <summary>Erases the addresses and messages of campaigns closed longer ago than their retention period.</summary>
    public static async Task<int> EraseContactsAsync(AufsichtDb db, DateTime now, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var erased = 0;
        foreach (var campaign in await db.Campaigns.Where(c => c.State == CampaignState.Closed && c.ContactsErasedAt == null && c.ClosedAt != null).ToListAsync(cancel).ConfigureAwait(false))
        {
            if (campaign.ClosedAt!.Value.AddDays(campaign.RetentionDays) > now)
            {
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
            await db.Invitations.Where(i => i.CampaignId == campaign.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Email, (string?)null), cancel).ConfigureAwait(false);
            await db.Outbox.Where(o => o.CampaignId == campaign.Id).ExecuteDeleteAsync(cancel).ConfigureAwait(false);
            campaign.ContactsErasedAt = now;
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
            await transaction.CommitAsync(cancel).ConfigureAwait(false);
            erased++;
        }

        return erased;
    }

    /// <summary>The address links point to: Aufsicht:PublicUrl, else the first address this server listens on.</summary>
    private string PublicUrl() => address.For(request: null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign housekeeping: {Reminders} reminders queued, contact data of {Campaigns} closed campaigns erased")]
    private static partial void Housekept(ILogger logger, int reminders, int campaigns);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign housekeeping failed and will try again: {Reason}")]
    private static partial void HousekeepingFailed(ILogger logger, string reason);
}
