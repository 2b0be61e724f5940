using System.Globalization;
using Aufsicht.Core;
using Aufsicht.Data;
using Aufsicht.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns;

/// <summary>
/// What a supervisor fills in to create a campaign. The targets are the bodies matching every filter given (none: all);
/// with <see cref="Bodies"/> (external ids, one per line or separated by commas or semicolons) only those listed.
/// </summary>
internal sealed record CampaignInput(
    string? Title,
    long QuestionnaireId,
    string? Deadline,
    string? ReminderDays,
    string? Authority,
    string? EvaluationAsOf,
    string? RetentionDays,
    string? Kind,
    string? State,
    string? Region,
    string? Bodies = null,
    string? ContactName = null,
    string? ContactEmail = null,
    string? ContactPhone = null);

/// <summary>Creates a campaign as a draft with its target bodies; nothing is sent until it starts.</summary>
internal sealed class CreateCampaign(AufsichtDb db, CatalogStore catalog, TimeProvider clock)
{
    public async Task<Result<long>> RunAsync(CampaignInput input, string? user, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<Error>();
        void Invalid(string field, string key, params string[] args) => errors.Add(Error.Invalid(field, key, args));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 300)
        {
            Invalid("title", "campaign.invalid.title");
        }

        if (!await db.Questionnaires.AnyAsync(q => q.Id == input.QuestionnaireId, cancel).ConfigureAwait(false))
        {
            Invalid("questionnaire", "campaign.invalid.questionnaire");
        }

        var deadline = ParseDate(input.Deadline);
        if (deadline is null || deadline < today)
        {
            Invalid("deadline", "campaign.invalid.deadline", input.Deadline ?? string.Empty);
        }

        var reminders = ParseReminders(input.ReminderDays);
        if (reminders is null)
        {
            Invalid("reminders", "campaign.invalid.reminders", input.ReminderDays ?? string.Empty);
        }

        var authority = string.IsNullOrWhiteSpace(input.Authority) ? catalog.Catalog.DefaultAuthority.Id : input.Authority.Trim();
        if (catalog.Catalog.FindAuthority(authority) is null)
        {
            Invalid("authority", "invalid.authority", authority);
        }

        DateOnly? asOf = null;
        if (!string.IsNullOrWhiteSpace(input.EvaluationAsOf))
        {
            asOf = ParseDate(input.EvaluationAsOf);
            if (asOf is null)
            {
                Invalid("asOf", "invalid.date", input.EvaluationAsOf);
            }
        }

        var retention = 365;
        if (!string.IsNullOrWhiteSpace(input.RetentionDays)
            && (!int.TryParse(input.RetentionDays, NumberStyles.None, CultureInfo.InvariantCulture, out retention) || retention is < 30 or > 3650))
        {
            Invalid("retention", "campaign.invalid.retention", input.RetentionDays);
        }

        var contactName = Optional(input.ContactName);
        if (contactName is { Length: > 200 })
        {
            Invalid("contactName", "campaign.invalid.contactName");
        }

        var contactEmail = Optional(input.ContactEmail);
        if (contactEmail is not null && (contactEmail.Length > 320 || !System.Net.Mail.MailAddress.TryCreate(contactEmail, out var parsed) || parsed.Address != contactEmail))
        {
            Invalid("contactEmail", "campaign.invalid.contactEmail", contactEmail);
        }

        var contactPhone = Optional(input.ContactPhone);
        if (contactPhone is not null && (contactPhone.Length > 50 || !contactPhone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '/' or '(' or ')')))
        {
            Invalid("contactPhone", "campaign.invalid.contactPhone", contactPhone);
        }

        var targets = db.Bodies.AsQueryable();
        if (!string.IsNullOrWhiteSpace(input.Kind))
        {
            targets = targets.Where(b => b.Kind == input.Kind);
        }

        if (!string.IsNullOrWhiteSpace(input.State))
        {
            targets = targets.Where(b => b.State == input.State);
        }

        if (!string.IsNullOrWhiteSpace(input.Region))
        {
            targets = targets.Where(b => b.Region == input.Region);
        }

        var listed = ExternalIds(input.Bodies);
        if (listed.Count > MaxListed)
        {
            Invalid("bodies", "campaign.invalid.tooManyListed", Number(listed.Count), Number(MaxListed));
        }
        else if (listed.Count > 0)
        {
            // Matched here rather than in SQL: a list of tens of thousands of ids would be as many SQL parameters
            // (SQLite allows 32,766), while reading every body's external id is one light query.
            var known = await db.Bodies.Select(b => b.ExternalId).ToHashSetAsync(StringComparer.Ordinal, cancel).ConfigureAwait(false);
            var unknown = listed.Where(id => !known.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                Invalid("bodies", "campaign.invalid.unknownBodies", Number(unknown.Count), string.Join(", ", unknown.Take(10)) + (unknown.Count > 10 ? ", …" : string.Empty));
            }
        }

        var wanted = listed.ToHashSet(StringComparer.Ordinal);
        var ids = errors.Count == 0
            ? (await targets.Select(b => new { b.Id, b.ExternalId }).ToListAsync(cancel).ConfigureAwait(false))
                .Where(b => wanted.Count == 0 || wanted.Contains(b.ExternalId)).Select(b => b.Id).ToList()
            : [];
        if (errors.Count == 0 && ids.Count == 0)
        {
            Invalid("targets", "campaign.invalid.noTargets");
        }

        if (errors.Count > 0)
        {
            return Result<long>.Fail(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        var campaign = new CampaignRecord
        {
            Title = title!,
            QuestionnaireId = input.QuestionnaireId,
            State = CampaignState.Draft,
            Deadline = deadline!.Value,
            ReminderDays = string.Join(',', reminders!),
            TemplatesJson = Mail.CampaignTemplates.Default.ToJson(),
            Authority = authority,
            EvaluationAsOf = asOf,
            RetentionDays = retention,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user,
            ContactName = contactName,
            ContactEmail = contactEmail,
            ContactPhone = contactPhone,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        db.CampaignBodies.AddRange(ids.Select(id => new CampaignBodyRecord { CampaignId = campaign.Id, BodyId = id }));
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return Result<long>.Ok(campaign.Id);
    }


    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>At most this many bodies can be listed by id (a larger campaign is chosen by its properties).</summary>
    public const int MaxListed = 50_000;

    /// <summary>The external ids in a pasted list: one per line, or separated by commas or semicolons; blanks and repeats dropped.</summary>
    public static List<string> ExternalIds(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>"7, 1" → [7, 1]: days before the deadline, each 1–90, at most five, largest first.</summary>
    public static IReadOnlyList<int>? ParseReminders(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var days = new List<int>();
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > 90)
            {
                return null;
            }

            days.Add(day);
        }

        return days.Count > 5 ? null : days.Distinct().OrderDescending().ToArray();
    }
}

/// <summary>
/// Starts a draft campaign: the questionnaire version is frozen (it was fixed at creation and versions never change),
/// each target body gets an invitation with a fresh token, and each invitation with an address goes to the outbox —
/// all in one transaction, so a start either happens whole or not at all.
/// </summary>
internal sealed class StartCampaign(AufsichtDb db, InvitationMail mail, TimeProvider clock)
{
    public async Task<Result<int>> RunAsync(long campaignId, string publicUrl, CancellationToken cancel)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancel).ConfigureAwait(false);
        if (campaign is null)
        {
            return Error.NotFound("campaign", "campaign.unknown");
        }

        if (campaign.State != CampaignState.Draft)
        {
            return Error.Conflict("campaign", "campaign.notDraft");
        }

        // Templates stored before the check refused what they do (an include, a loop too long for a mail): not started.
        if (InvitationMail.TemplateProblems(campaign) is { Count: > 0 } problems)
        {
            return Result<int>.Fail(problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await mail.PrepareAsync(campaign, cancel).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        var bodies = await db.CampaignBodies.Where(t => t.CampaignId == campaignId)
            .Join(db.Bodies, t => t.BodyId, b => b.Id, (_, b) => b)
            .AsNoTracking()
            .ToListAsync(cancel).ConfigureAwait(false);
        var sent = 0;
        foreach (var body in bodies)
        {
            if (await mail.InviteAsync(campaign, body, publicUrl, reminder: 0, now, cancel).ConfigureAwait(false))
            {
                sent++;
            }
        }

        campaign.State = CampaignState.Running;
        campaign.StartedAt = now;
        campaign.Revision++;
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        mail.Signal();
        return Result<int>.Ok(sent);
    }
}

/// <summary>Closes a running campaign: the links stop accepting answers; what was submitted stays.</summary>
internal sealed class CloseCampaign(AufsichtDb db, TimeProvider clock)
{
    public async Task<Result<bool>> RunAsync(long campaignId, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Campaigns.Where(c => c.Id == campaignId && c.State == CampaignState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, CampaignState.Closed).SetProperty(c => c.ClosedAt, now).SetProperty(c => c.Revision, c => c.Revision + 1), cancel)
            .ConfigureAwait(false);
        return changed == 1 ? Result<bool>.Ok(true) : Error.Conflict("campaign", "campaign.notRunning");
    }
}

/// <summary>Revokes a body's links in a running campaign and sends a new one (e.g. the contact person changed, or a link leaked).</summary>
/// <summary>A body of the bodies a campaign asks, found by its id; null if it is not one of them.</summary>
internal static class BodyInCampaign
{
    public static Task<BodyRecord?> FindAsync(AufsichtDb db, long campaignId, long bodyId, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
#pragma warning disable RS0030 // inside a predicate: translated to a SQL subquery
        return db.Bodies.AsNoTracking()
            .SingleOrDefaultAsync(b => b.Id == bodyId && db.CampaignBodies.Any(t => t.CampaignId == campaignId && t.BodyId == b.Id), cancel);
#pragma warning restore RS0030
    }
}

internal sealed class ReissueInvitation(AufsichtDb db, InvitationMail mail, TimeProvider clock)
{
    public async Task<Result<bool>> RunAsync(long campaignId, long bodyId, string publicUrl, CancellationToken cancel)
    {
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancel).ConfigureAwait(false);
        if (campaign is not { State: CampaignState.Running })
        {
            return Error.Conflict("campaign", "campaign.notRunning");
        }

        var body = await BodyInCampaign.FindAsync(db, campaignId, bodyId, cancel).ConfigureAwait(false);
        if (body is null)
        {
            return Error.NotFound("body", "campaign.unknownBody");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await mail.PrepareAsync(campaign, cancel).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        await RevokeInvitations.RevokeAllAsync(db, campaignId, bodyId, now, cancel).ConfigureAwait(false);
        var sent = await mail.InviteAsync(campaign, body, publicUrl, reminder: 0, now, cancel).ConfigureAwait(false);
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        mail.Signal();
        return Result<bool>.Ok(sent);
    }
}

/// <summary>
/// Withdraws a body's access to a running campaign without giving it a new link: every link it was sent stops opening
/// the questionnaire, messages with those links still waiting in the outbox are not sent, and no reminder goes to it
/// (a reminder carries a new link). Answers given so far stay. Replacing
/// the link (<see cref="ReissueInvitation"/>) gives the body access again.
/// </summary>
internal sealed class RevokeInvitations(AufsichtDb db, TimeProvider clock)
{
    /// <summary>How many links were still valid and are now revoked.</summary>
    public async Task<Result<int>> RunAsync(long campaignId, long bodyId, CancellationToken cancel)
    {
        var state = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => (CampaignState?)c.State).SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        if (state != CampaignState.Running)
        {
            return Error.Conflict("campaign", "campaign.notRunning");
        }

        if (!await db.CampaignBodies.AnyAsync(t => t.CampaignId == campaignId && t.BodyId == bodyId, cancel).ConfigureAwait(false))
        {
            return Error.NotFound("body", "campaign.unknownBody");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancel).ConfigureAwait(false);
        var revoked = await RevokeAllAsync(db, campaignId, bodyId, now, cancel).ConfigureAwait(false);
        await transaction.CommitAsync(cancel).ConfigureAwait(false);
        return Result<int>.Ok(revoked);
    }

    /// <summary>Revokes a body's valid links and takes their waiting messages out of the outbox (caller's transaction); how many links.</summary>
    public static async Task<int> RevokeAllAsync(AufsichtDb db, long campaignId, long bodyId, DateTime now, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var revoked = await db.Invitations.Where(i => i.CampaignId == campaignId && i.BodyId == bodyId && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancel).ConfigureAwait(false);
        await Mail.Outbox.CancelRevokedAsync(db, campaignId, bodyId, now, cancel).ConfigureAwait(false);
        return revoked;
    }
}

/// <summary>
/// Replaces a draft campaign's e-mail templates. All eight are checked first (syntax, allowed variables, none blank)
/// and nothing is written on any error, so a campaign never fails at its first send; once started, the texts the
/// bodies were sent stay as they were.
/// </summary>
internal sealed class EditCampaignTemplates(AufsichtDb db)
{
    public async Task<Result<bool>> RunAsync(long campaignId, Mail.CampaignTemplates templates, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var state = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => (CampaignState?)c.State).SingleOrDefaultAsync(cancel).ConfigureAwait(false);
        if (state is null)
        {
            return Error.NotFound("campaign", "campaign.unknown");
        }

        if (state != CampaignState.Draft)
        {
            return Error.Conflict("campaign", "campaign.notDraft");
        }

        var problems = templates.ValidateFields();
        if (problems.Count > 0)
        {
            return Result<bool>.Fail(problems);
        }

        // Only while still a draft: a start between the read above and this write must not change what was sent.
        var json = templates.ToJson();
        var changed = await db.Campaigns.Where(c => c.Id == campaignId && c.State == CampaignState.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TemplatesJson, json).SetProperty(c => c.Revision, c => c.Revision + 1), cancel)
            .ConfigureAwait(false);
        return changed == 1 ? Result<bool>.Ok(true) : Error.Conflict("campaign", "campaign.notDraft");
    }
}
