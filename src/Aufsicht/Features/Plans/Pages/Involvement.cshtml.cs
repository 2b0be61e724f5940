using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>
/// When the staff representatives of each of a plan's bodies were involved, grouped under the ministries; a form sets or
/// changes it for one body (<see cref="PlanInvolvements"/>). The plan's check warns for a body not involved before its first phase.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class InvolvementModel(PlanProgressReader reader, PlanInvolvements involvements) : AppPage
{
    internal PlanPackagesView View { get; private set; } = null!;

    internal IReadOnlyDictionary<long, PlanInvolvementRecord> ByBody { get; private set; } = new Dictionary<long, PlanInvolvementRecord>();

    public bool CanChange { get; private set; }

    public long? Body { get; private set; }

    public string Date { get; private set; } = "";

    public string Note { get; private set; } = "";

    public IReadOnlySet<string> Invalid { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel) =>
        await LoadAsync(id, cancel).ConfigureAwait(true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, long? body, string? date, string? note, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true))
        {
            return Forbid();
        }

        var set = await involvements.SetAsync(id, body, date, note, User.Identity?.Name ?? "", cancel).ConfigureAwait(true);
        if (set.IsOk)
        {
            return RedirectToPage("/Plans/Pages/Involvement", new { id });
        }

        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        (Body, Date, Note) = (body, date ?? "", note ?? "");
        Invalid = set.Errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        return Fail(set.Errors);
    }

    private async Task<bool> LoadAsync(long planId, CancellationToken cancel)
    {
        if (await reader.PackagesAsync(planId, cancel).ConfigureAwait(true) is not { } view)
        {
            return false;
        }

        View = view;
        ByBody = (await reader.InvolvementsAsync(planId, cancel).ConfigureAwait(true)).ToDictionary(i => i.BodyId);
        CanChange = await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true);
        return true;
    }
}
