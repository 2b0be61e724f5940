using Aufsicht.Core;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Inventory.Pages;

/// <summary>
/// One body's inventory: its products and its register of applications, each row with an edit link and a delete
/// button, and a form to add or change a row. Every change names the row's revision; a stale one is refused.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class BodyModel(InventoryStore store, Catalog.CatalogStore catalog, Plans.MigrationData migration) : AppPage
{
    internal BodyInventory Inventory { get; private set; } = null!;

    public bool CanChange { get; private set; }

    /// <summary>The product row being edited (null: the form adds one).</summary>
    internal InventoryProductRecord? EditedProduct { get; private set; }

    internal InventoryApplicationRecord? EditedApplication { get; private set; }

    /// <summary>The values of the product form: of the edited row, as submitted when refused, or empty.</summary>
    public IReadOnlyDictionary<string, string?> ProductValues { get; private set; } = new Dictionary<string, string?>();

    public IReadOnlyDictionary<string, string?> ApplicationValues { get; private set; } = new Dictionary<string, string?>();

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long bodyId, long? product, long? application, string? saved, CancellationToken cancel)
    {
        if (!await LoadAsync(bodyId, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        EditedProduct = Inventory.Products.FirstOrDefault(p => p.Id == product);
        EditedApplication = Inventory.Applications.FirstOrDefault(a => a.Id == application);
        ProductValues = EditedProduct is { } p ? Values(InventoryRows.ProductColumns, InventoryRows.Cells(string.Empty, InventoryMapping.ToInput(p))) : ProductValues;
        ApplicationValues = EditedApplication is { } a ? Values(InventoryRows.ApplicationColumns, InventoryRows.Cells(string.Empty, InventoryMapping.ToInput(a))) : ApplicationValues;
        Saved = saved is "produkt" or "fachverfahren" or "geloescht" ? saved : null;
        return Page();
    }

    public async Task<IActionResult> OnPostProductAsync(long bodyId, long? row, int? revision, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true))
        {
            return Forbid();
        }

        var fields = Form(InventoryRows.ProductColumns);
        var result = await store.SaveProductAsync(bodyId, row, revision, fields, cancel).ConfigureAwait(true);
        if (result.IsOk)
        {
            return RedirectToPage("/Inventory/Pages/Body", null, new { bodyId, saved = "produkt" }, "produkte");
        }

        return await RefuseAsync(bodyId, result.Errors, cancel, products: fields, productRow: row).ConfigureAwait(true);
    }

    public async Task<IActionResult> OnPostApplicationAsync(long bodyId, long? row, int? revision, string[]? dependsOn, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true))
        {
            return Forbid();
        }

        var fields = Form(InventoryRows.ApplicationColumns);
        fields["dependsOn"] = string.Join(",", dependsOn ?? []);
        var result = await store.SaveApplicationAsync(bodyId, row, revision, fields, cancel).ConfigureAwait(true);
        if (result.IsOk)
        {
            return RedirectToPage("/Inventory/Pages/Body", null, new { bodyId, saved = "fachverfahren" }, "fachverfahren");
        }

        return await RefuseAsync(bodyId, result.Errors, cancel, applications: fields, applicationRow: row).ConfigureAwait(true);
    }

    public async Task<IActionResult> OnPostDeleteProductAsync(long bodyId, long row, int revision, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true))
        {
            return Forbid();
        }

        var result = await store.DeleteProductAsync(bodyId, row, revision, cancel).ConfigureAwait(true);
        return result.IsOk ? RedirectToPage("/Inventory/Pages/Body", null, new { bodyId, saved = "geloescht" }, "produkte") : await RefuseAsync(bodyId, result.Errors, cancel).ConfigureAwait(true);
    }

    public async Task<IActionResult> OnPostDeleteApplicationAsync(long bodyId, long row, int revision, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true))
        {
            return Forbid();
        }

        var result = await store.DeleteApplicationAsync(bodyId, row, revision, cancel).ConfigureAwait(true);
        return result.IsOk ? RedirectToPage("/Inventory/Pages/Body", null, new { bodyId, saved = "geloescht" }, "fachverfahren") : await RefuseAsync(bodyId, result.Errors, cancel).ConfigureAwait(true);
    }

    /// <summary>A product's name in the page's language: the catalogue's where the product is a catalogue id, else the migration data's („Proprietäre Telefonanlage“), else as entered.</summary>
    internal string ProductName(string product) =>
        catalog.Data.Catalog.Latest(product) is not null ? Catalog.ServiceNames.Of(catalog.Data.Catalog, product, Language) : migration.ProductName(product, Language);

    internal string Label(string column) => Texts.T(Language, "inventory.col." + column);

    private async Task<IActionResult> RefuseAsync(long bodyId, IReadOnlyList<Error> errors, CancellationToken cancel,
        Dictionary<string, string?>? products = null, long? productRow = null, Dictionary<string, string?>? applications = null, long? applicationRow = null)
    {
        if (!await LoadAsync(bodyId, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        ProductValues = products ?? ProductValues;
        ApplicationValues = applications ?? ApplicationValues;
        EditedProduct = Inventory.Products.FirstOrDefault(p => p.Id == productRow);
        EditedApplication = Inventory.Applications.FirstOrDefault(a => a.Id == applicationRow);
        return Fail(Failures.Status(errors), [.. errors.Select(e => InventoryText.Line(e, Language))]);
    }

    private async Task<bool> LoadAsync(long bodyId, CancellationToken cancel)
    {
        var inventory = await store.BodyAsync(bodyId, cancel).ConfigureAwait(true);
        if (!inventory.IsOk)
        {
            return false;
        }

        Inventory = inventory.Value;
        CanChange = await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true);
        return true;
    }

    private Dictionary<string, string?> Form(IReadOnlyList<InventoryColumn> columns) =>
        columns.Where(c => c.Name != "body").ToDictionary(c => c.Name, c => (string?)Request.Form[c.Name].ToString(), StringComparer.Ordinal);

    private static Dictionary<string, string?> Values(IReadOnlyList<InventoryColumn> columns, string[] cells) =>
        columns.Select((c, i) => (c.Name, cells[i])).ToDictionary(x => x.Name, x => (string?)x.Item2, StringComparer.Ordinal);
}
