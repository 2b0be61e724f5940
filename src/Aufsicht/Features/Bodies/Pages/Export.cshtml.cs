using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Bodies.Pages;

/// <summary>
/// The whole registry as CSV or XLSX, in the import format: an export imports again unchanged. German by default
/// (for Excel and LibreOffice), <c>?variant=machine</c> for other tools (<see cref="TableExport"/>).
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class ExportModel(AufsichtDb db, TimeProvider clock) : AppPage
{
    public async Task<IActionResult> OnGetAsync(string format, [FromQuery(Name = TableExport.VariantParameter)] string? variant, CancellationToken cancel)
    {
        if (format is not ("csv" or "xlsx") || TableExport.Variant(variant) is not { } chosen)
        {
            return NotFound();
        }

        var bodies = new List<Core.Bodies.BodyInput>();
        await foreach (var body in BodyMapping.All(db).WithCancellation(cancel).ConfigureAwait(false))
        {
            bodies.Add(body);
        }

        var buffer = new MemoryStream();
        if (format == "csv")
        {
            BodyFile.WriteCsv(buffer, bodies, chosen);
        }
        else
        {
            BodyFile.WriteXlsx(buffer, bodies, chosen);
        }

        buffer.Position = 0;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var suffix = chosen == ExportVariant.Machine ? "-maschinenlesbar" : string.Empty;
        return File(buffer, format == "csv" ? TableExport.CsvType : TableExport.XlsxType, $"organisationen-{today}{suffix}.{format}");
    }
}
