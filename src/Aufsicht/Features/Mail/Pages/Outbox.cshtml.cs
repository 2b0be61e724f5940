using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Mail.Pages;

/// <summary>Supervisors see how the outgoing mail stands, and which messages did not arrive (refused or given up), newest first.</summary>
[Authorize(Policy = Accounts.Roles.CanRunSurveys)]
internal sealed class OutboxModel(AufsichtDb db, MailSettings mail) : AppPage
{
    public const int PageSize = 50;

    internal static readonly IReadOnlyList<OutboxState> States = [OutboxState.Pending, OutboxState.Sent, OutboxState.Rejected, OutboxState.Failed];

    internal IReadOnlyDictionary<OutboxState, int> Counts { get; private set; } = new Dictionary<OutboxState, int>();

    internal IReadOnlyList<Problem> Problems { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public bool SendingEnabled { get; private set; }

    /// <summary>How many given-up messages may be sent again (<see cref="RetryMail"/>).</summary>
    public int RetryableCount { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Sends message <paramref name="id"/> again, or every given-up one without an id.</summary>
    public async Task<IActionResult> OnPostRetryAsync(long? id, [FromServices] RetryMail retry, CancellationToken cancel = default)
    {
        var queued = await retry.RunAsync(id, cancel).ConfigureAwait(true);
        await OnGetAsync(1, cancel).ConfigureAwait(true);
        if (queued == 0)
        {
            return Fail(StatusCodes.Status409Conflict, [Texts.T(Language, "mail.retryNone")]);
        }

        Message = Texts.T(Language, "mail.retried", queued);
        return Page();
    }

    public async Task OnGetAsync(int seite = 1, CancellationToken cancel = default)
    {
        SendingEnabled = mail.Enabled;
        Counts = await db.Outbox.GroupBy(o => o.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancel).ConfigureAwait(false);
        var problems = Counts.GetValueOrDefault(OutboxState.Rejected) + Counts.GetValueOrDefault(OutboxState.Failed);
        PageCount = Math.Max(1, (problems + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(seite, 1, PageCount);
        // For a finished row NotBefore holds the time of its last attempt (see OutboxWorker).
        Problems = await db.Outbox.AsNoTracking()
            .Where(o => o.State == OutboxState.Rejected || o.State == OutboxState.Failed)
            .OrderByDescending(o => o.NotBefore).ThenByDescending(o => o.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
#pragma warning disable RS0030 // inside a projection: translated to a SQL subquery
            .Select(o => new Problem(o.Id, o.To, o.Kind, o.CampaignId, o.State, o.LastError, o.Attempts, o.NotBefore,
                db.Invitations.Where(i => i.Id == o.InvitationId).Select(i => (long?)i.BodyId).FirstOrDefault(), false))
#pragma warning restore RS0030
            .ToListAsync(cancel).ConfigureAwait(false);
        var shown = Problems.Select(p => p.Id).ToList();
        var retryable = await RetryMail.Retryable(db).Where(o => shown.Contains(o.Id)).Select(o => o.Id).ToListAsync(cancel).ConfigureAwait(false);
        Problems = Problems.Select(p => p with { Retryable = retryable.Contains(p.Id) }).ToList();
        RetryableCount = await RetryMail.Retryable(db).CountAsync(cancel).ConfigureAwait(false);
    }

    internal sealed record Problem(long Id, string To, string Kind, long? CampaignId, OutboxState State, string? Error, int Attempts, DateTime When, long? BodyId, bool Retryable);
}
