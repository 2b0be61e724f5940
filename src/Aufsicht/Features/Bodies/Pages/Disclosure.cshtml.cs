using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Bodies.Pages;

/// <summary>Everything stored about one body as a JSON download, for a request in the manner of Art. 15 GDPR.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class DisclosureModel(TimeProvider clock, AufsichtDb db) : AppPage
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var document = await BodyDisclosure.BuildAsync(db, id, now, cancel).ConfigureAwait(false);
        if (document is null)
        {
            return NotFound();
        }

        return File(document, "application/json; charset=utf-8", FormattableString.Invariant($"auskunft-organisation-{id}-{now:yyyy-MM-dd}.json"));
    }
}
