using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Bodies;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>
/// Progress from a file (CSV or XLSX, e.g. the edited packages export): read by <see cref="ProgressFile"/>, stored by
/// <see cref="PlanProgress"/> all or nothing, every error named by the file's row and column.
/// </summary>
[Authorize(Policy = Roles.CanPlanMigration)]
[RequestSizeLimit(BodyFile.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = BodyFile.MaxBytes + (1024 * 1024))]
internal sealed class ProgressModel(AufsichtDb db, PlanProgress progress) : AppPage
{
    public long PlanId { get; private set; }

    public string PlanName { get; private set; } = string.Empty;

    /// <summary>After an import: how many packages changed, of how many rows read.</summary>
    public int? Changed { get; private set; }

    public int Read { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel) =>
        await LoadAsync(id, cancel).ConfigureAwait(true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, IFormFile? file, CancellationToken cancel)
    {
        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        var upload = await ReadUploadAsync(file, BodyFile.MaxBytes, "planFiles.progress.noFile", "planFiles.progress.tooLarge", cancel).ConfigureAwait(true);
        if (!upload.IsOk)
        {
            return Fail(upload.Errors);
        }

        var rows = ProgressFile.Read(upload.Value, file!.FileName);
        if (!rows.IsOk)
        {
            return Fail(StatusCodes.Status400BadRequest, [.. rows.Errors.Select(e => PlanFilesText.Line(e, Language))]);
        }

        var stored = await progress.SetActualsAsync(id, rows.Value.Entries, cancel).ConfigureAwait(true);
        if (!stored.IsOk)
        {
            var located = ProgressFile.Locate(stored.Errors, rows.Value);
            // An unknown key is the file's mistake, not a missing page: the form answers 400 for every error in the file.
            return Fail(StatusCodes.Status400BadRequest, [.. located.Select(e => PlanFilesText.Line(e, Language))]);
        }

        (Changed, Read) = (stored.Value, rows.Value.Entries.Count);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancel)
    {
        var plan = await db.MigrationPlans.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancel).ConfigureAwait(true);
        if (plan is null)
        {
            return false;
        }

        (PlanId, PlanName) = (plan.Id, plan.Name);
        return true;
    }
}
