using Aufsicht.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Surveys;

/// <summary>
/// What campaigns need done on time without anyone clicking: reminders to bodies that have not submitted, on the days
/// before the deadline the campaign names; and erasing a closed campaign's contact data once its retention has passed.
/// Safe with several instances on one database: a reminder row is unique per body and reminder number.
/// </summary>
internal sealed partial class CampaignHousekeeping(IServiceScopeFactory scopes, IConfiguration configuration, IServer server, TimeProvider clock, ILogger<CampaignHousekeeping> logger)
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
                using var scope = scopes.CreateScope();
                var sent = SendReminders(scope.ServiceProvider);
                var erased = EraseContacts(scope.ServiceProvider.GetRequiredService<AufsichtDb>(), clock.GetUtcNow().UtcDateTime);
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
    public int SendReminders(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var db = services.GetRequiredService<AufsichtDb>();
        var mail = services.GetRequiredService<InvitationMail>();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var sent = 0;
        foreach (var campaign in db.Campaigns.AsNoTracking().Where(c => c.State == CampaignState.Running).ToList())
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

            var bodies = db.CampaignBodies.Where(t => t.CampaignId == campaign.Id)
                .Join(db.Bodies, t => t.BodyId, b => b.Id, (_, b) => b)
                .Where(b => b.ContactEmail != null
                    && !db.Responses.Any(r => r.CampaignId == campaign.Id && r.BodyId == b.Id && r.SubmittedVersion > 0)
                    && !db.Invitations.Any(i => i.CampaignId == campaign.Id && i.BodyId == b.Id && i.Reminder >= due)
                    // A body whose links were all revoked without a new one has had its access withdrawn.
                    && db.Invitations.Any(i => i.CampaignId == campaign.Id && i.BodyId == b.Id && i.RevokedAt == null))
                .AsNoTracking()
                .ToList();
            mail.Prepare(campaign);
            foreach (var body in bodies)
            {
                using var transaction = db.Database.BeginTransaction();
                try
                {
                    // Again inside the transaction: links revoked since the list was read get no reminder (it carries a new link).
                    if (!db.Invitations.Any(i => i.CampaignId == campaign.Id && i.BodyId == body.Id && i.RevokedAt == null))
                    {
                        continue;
                    }

                    mail.Invite(campaign, body, PublicUrl(), due, now);
                    db.SaveChanges();
                    transaction.Commit();
                    sent++;
                }
                catch (DbUpdateException)
                {
                    // Another instance sent this reminder a moment ago.
                    transaction.Rollback();
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
    public static int EraseContacts(AufsichtDb db, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var erased = 0;
        foreach (var campaign in db.Campaigns.Where(c => c.State == CampaignState.Closed && c.ContactsErasedAt == null && c.ClosedAt != null).ToList())
        {
            if (campaign.ClosedAt!.Value.AddDays(campaign.RetentionDays) > now)
            {
                continue;
            }

            using var transaction = db.Database.BeginTransaction();
            db.Invitations.Where(i => i.CampaignId == campaign.Id).ExecuteUpdate(s => s.SetProperty(i => i.Email, (string?)null));
            db.Outbox.Where(o => o.CampaignId == campaign.Id).ExecuteDelete();
            campaign.ContactsErasedAt = now;
            db.SaveChanges();
            transaction.Commit();
            erased++;
        }

        return erased;
    }

    /// <summary>The address links point to: Aufsicht:PublicUrl, else the first address this server listens on.</summary>
    private string PublicUrl() =>
        InvitationMail.PublicUrl(configuration, server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080");

    [LoggerMessage(Level = LogLevel.Information, Message = "Campaign housekeeping: {Reminders} reminders queued, contact data of {Campaigns} closed campaigns erased")]
    private static partial void Housekept(ILogger logger, int reminders, int campaigns);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign housekeeping failed and will try again: {Reason}")]
    private static partial void HousekeepingFailed(ILogger logger, string reason);
}
