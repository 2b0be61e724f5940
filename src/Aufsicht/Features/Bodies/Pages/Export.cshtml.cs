using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Bodies.Pages;

/// <summary>The whole registry as CSV or XLSX, in the import format: an export imports again unchanged.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class ExportModel(AufsichtDb db, TimeProvider clock) : AppPage
{
    public async Task<IActionResult> OnGetAsync(string format, CancellationToken cancel)
    {
        if (format is not ("csv" or "xlsx"))
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
            BodyFile.WriteCsv(buffer, bodies);
        }
        else
        {
            BodyFile.WriteXlsx(buffer, bodies);
        }

        buffer.Position = 0;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(buffer, format == "csv" ? BodyFile.CsvType : BodyFile.XlsxType, $"organisationen-{today}.{format}");
    }
}
