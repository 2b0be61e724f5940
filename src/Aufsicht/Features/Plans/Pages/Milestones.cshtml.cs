using System.Text;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>A computed plan's milestones as an iCalendar file (<see cref="PlanCalendar"/>): German, or English with <c>?lang=en</c>.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class MilestonesModel(AufsichtDb db, TimeProvider clock) : AppPage
{
    public async Task<IActionResult> OnGetAsync(long id, string? lang, CancellationToken cancel)
    {
        if (await PlanFileData.LoadAsync(db, id, cancel).ConfigureAwait(true) is not { } data)
        {
            return NotFound();
        }

        var language = lang == "en" ? Language.En : Language.De;
        var text = PlanCalendar.Render(data, language, clock.GetUtcNow().UtcDateTime);
        return File(Encoding.UTF8.GetBytes(text), PlanCalendar.ContentType, $"plan-{id}-meilensteine.ics");
    }
}
