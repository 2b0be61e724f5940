using Aufsicht.Features.Accounts;
using Aufsicht.Features.Bodies;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Inventory.Pages;

/// <summary>An inventory file (CSV or XLSX) is taken over whole, or not at all with every error named by row and column.</summary>
[Authorize(Policy = Roles.CanPlanMigration)]
[RequestSizeLimit(BodyFile.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = BodyFile.MaxBytes + (1024 * 1024))]
internal sealed class ImportModel(ImportInventory import) : AppPage
{
    internal InventoryImportReport? Report { get; private set; }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? kind, CancellationToken cancel)
    {
        var upload = await ReadUploadAsync(file, BodyFile.MaxBytes, "inventory.import.noFile", "inventory.import.tooLarge", cancel).ConfigureAwait(true);
        if (!upload.IsOk)
        {
            return Fail(upload.Errors);
        }

        InventoryKind? only = kind switch
        {
            "products" => InventoryKind.Products,
            "applications" => InventoryKind.Applications,
            _ => null,
        };
        var result = await import.RunAsync(upload.Value, file!.FileName, only, cancel).ConfigureAwait(true);
        if (!result.IsOk)
        {
            return Fail(Failures.Status(result.Errors), [.. result.Errors.Select(e => InventoryText.Line(e, Language))]);
        }

        Report = result.Value;
        return Page();
    }
}
