using Aufsicht.Core.Migration;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>Planned against actual: per pillar the packages done, running and late (measured against the current month), and the late ones by months late.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class StatusModel(PlanProgressReader reader) : AppPage
{
    internal PlanPackagesView View { get; private set; } = null!;

    internal ProgressSummary Summary { get; private set; } = null!;

    internal YearMonth ThisMonth { get; private set; }

    internal IReadOnlyDictionary<string, PackageLine> ByKey { get; private set; } = new Dictionary<string, PackageLine>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel)
    {
        if (await reader.PackagesAsync(id, cancel).ConfigureAwait(true) is not { } view)
        {
            return NotFound();
        }

        View = view;
        ThisMonth = reader.ThisMonth();
        static YearMonth? M(DateOnly? d) => d is { } x ? YearMonth.Of(x) : null;
        Summary = PlanProgressSummary.Summarise(
            view.Packages.Select(p => new ProgressLine(p.Row.Key, p.Row.Pillar, M(p.Row.PlannedStart), M(p.Row.PlannedEnd), M(p.Row.ActualStart), M(p.Row.ActualEnd))).ToList(),
            ThisMonth);
        ByKey = view.Packages.ToDictionary(p => p.Row.Key, StringComparer.Ordinal);
        return Page();
    }
}
