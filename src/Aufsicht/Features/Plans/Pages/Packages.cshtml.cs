using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>
/// A plan's work packages as CSV or XLSX (docs/formats/plan-packages.md): German by default, <c>?variant=machine</c>
/// for scripts. The key column lets an edited file come back as progress (<see cref="ProgressModel"/>).
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class PackagesModel(AufsichtDb db, MigrationData migration) : AppPage
{
    public async Task<IActionResult> OnGetAsync(long id, string format, [FromQuery(Name = TableExport.VariantParameter)] string? variant, CancellationToken cancel)
    {
        if (format is not ("csv" or "xlsx") || PlanPackagesFile.Variant(variant) is not { } chosen
            || await PlanFileData.LoadAsync(db, id, cancel).ConfigureAwait(true) is not { } data)
        {
            return NotFound();
        }

        data = data with { Migration = migration };
        var buffer = new MemoryStream();
        if (format == "csv")
        {
            PlanPackagesFile.WriteCsv(buffer, data, chosen);
        }
        else
        {
            PlanPackagesFile.WriteXlsx(buffer, data, chosen);
        }

        buffer.Position = 0;
        return File(buffer, format == "csv" ? TableExport.CsvType : TableExport.XlsxType, PlanPackagesFile.FileName(id, chosen, format));
    }
}
