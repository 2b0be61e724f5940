using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Mail.Pages;

/// <summary>Supervisors see how the outgoing mail stands, and which messages did not arrive (refused or given up), newest first.</summary>
[Authorize(Policy = Accounts.Roles.CanRunSurveys)]
public sealed class OutboxModel : AppPage
{
    public const int PageSize = 50;

    internal static readonly IReadOnlyList<string> States = [OutboxState.Pending, OutboxState.Sent, OutboxState.Rejected, OutboxState.Failed];

    internal IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    internal IReadOnlyList<Problem> Problems { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public bool SendingEnabled { get; private set; }

    public async Task OnGetAsync(int seite = 1, CancellationToken cancel = default)
    {
        var db = Service<AufsichtDb>();
        SendingEnabled = Service<MailSettings>().Enabled;
        Counts = await db.Outbox.GroupBy(o => o.State).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancel).ConfigureAwait(false);
        var problems = Counts.GetValueOrDefault(OutboxState.Rejected) + Counts.GetValueOrDefault(OutboxState.Failed);
        PageCount = Math.Max(1, (problems + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(seite, 1, PageCount);
        // For a finished row NotBefore holds the time of its last attempt (see OutboxWorker).
        Problems = await db.Outbox.AsNoTracking()
            .Where(o => o.State == OutboxState.Rejected || o.State == OutboxState.Failed)
            .OrderByDescending(o => o.NotBefore).ThenByDescending(o => o.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(o => new Problem(o.To, o.Kind, o.CampaignId, o.State, o.LastError, o.Attempts, o.NotBefore))
            .ToListAsync(cancel).ConfigureAwait(false);
    }

    internal sealed record Problem(string To, string Kind, long? CampaignId, string State, string? Error, int Attempts, DateTime When);
}
