using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Questionnaires.Pages;

internal sealed record QuestionnaireRow(long Id, string Key, int Version, DateTime ImportedAt, string? ImportedBy, int Campaigns);

/// <summary>Every questionnaire version with the campaigns using it, and the upload of a definition file (supervisors).</summary>
[Authorize(Policy = Roles.Staff)]
// A little room above the file limit for the multipart framing, so an oversized file gets our message, not a 413.
[RequestSizeLimit(ImportQuestionnaire.MaxBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ImportQuestionnaire.MaxBytes + (64 * 1024))]
internal sealed class QuestionnairesModel(AufsichtDb db, QuestionnaireStore questionnaires) : AppPage
{
    internal IReadOnlyList<QuestionnaireRow> Rows { get; private set; } = [];

    /// <summary>What the last import did, for the success message.</summary>
    internal QuestionnaireImported? Imported { get; private set; }

    /// <summary>The errors of a refused file, each as "path: message".</summary>
    public IReadOnlyList<string> FileErrors { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancel) => LoadAsync(cancel);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, [FromServices] ImportQuestionnaire import, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanRunSurveys).ConfigureAwait(true))
        {
            return Forbid();
        }

        var upload = await ReadUploadAsync(file, ImportQuestionnaire.MaxBytes, "questionnaires.noFile", "questionnaires.tooLarge", cancel).ConfigureAwait(true);
        if (!upload.IsOk)
        {
            return await RefuseAsync(Failures.Messages(upload.Errors, Language), cancel).ConfigureAwait(true);
        }

        var imported = await import.RunAsync(upload.Value, User.Identity?.Name, cancel).ConfigureAwait(true);
        if (!imported.IsOk)
        {
            return await RefuseAsync(imported.Errors.Select(Line).ToArray(), cancel).ConfigureAwait(true);
        }

        Imported = imported.Value;
        await LoadAsync(cancel).ConfigureAwait(true);
        return Page();
    }

    /// <summary>An error of the file as "path: message" in the page's language (only the message for the file as a whole).</summary>
    private string Line(Core.Error error) =>
        error.Field.Length == 0 ? Failures.Message(error, Language) : $"{error.Field}: {Failures.Message(error, Language)}";

    private async Task<PageResult> RefuseAsync(IReadOnlyList<string> errors, CancellationToken cancel)
    {
        FileErrors = errors;
        await LoadAsync(cancel).ConfigureAwait(true);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
#pragma warning disable RS0030 // inside a projection: translated to a SQL subquery
        Rows = await db.Questionnaires.AsNoTracking()
            .OrderBy(q => q.Key).ThenByDescending(q => q.Version)
            .Select(q => new QuestionnaireRow(q.Id, q.Key, q.Version, q.ImportedAt, q.ImportedBy, db.Campaigns.Count(c => c.QuestionnaireId == q.Id)))
            .ToListAsync(cancel).ConfigureAwait(true);
#pragma warning restore RS0030
        // Their titles, read now rather than while rendering.
        foreach (var row in Rows)
        {
            await questionnaires.GetAsync(row.Id, cancel).ConfigureAwait(true);
        }
    }

    internal string Title(long id) => questionnaires.Get(id).Definition.Title.In(Language);

    internal string When(DateTime utc) => Dates.Moment(utc, Language);
}
