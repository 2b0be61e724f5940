using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Inventory.Pages;

/// <summary>The inventory's overview: the tree of bodies with rows, totals per pillar, applications by compatibility, Munich's warning.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class IndexModel(InventoryStore store) : AppPage
{
    internal InventoryTree Tree { get; private set; } = null!;

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        var tree = await store.TreeAsync(cancel).ConfigureAwait(true);
        if (!tree.IsOk)
        {
            return NotFound();
        }

        Tree = tree.Value;
        CanChange = await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true);
        return Page();
    }
}
