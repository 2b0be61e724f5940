using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aufsicht.Features.Bodies.Pages;

/// <summary>A supervisor uploads a registry file; either every row is taken over, or none and every error is listed.</summary>
[Authorize(Policy = Roles.CanRunSurveys)]
// A little room above the file limit for the multipart framing, so an oversized file gets our message, not a 413.
[RequestSizeLimit(BodyFile.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = BodyFile.MaxBytes + (1024 * 1024))]
internal sealed class ImportModel : AppPage
{
    internal BodyImportReport? Report { get; private set; }

    /// <summary>The errors of a refused file, each naming row and column.</summary>
    public IReadOnlyList<string> FileErrors { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync(IFormFile? file, [FromServices] ImportBodies import, CancellationToken cancel)
    {
        var upload = await ReadUploadAsync(file, BodyFile.MaxBytes, "bodies.import.noFile", "bodies.import.tooLarge", cancel).ConfigureAwait(false);
        if (!upload.IsOk)
        {
            return Refuse(Failures.Messages(upload.Errors, Language));
        }

        var result = await import.RunAsync(upload.Value, file!.FileName, cancel).ConfigureAwait(false);
        if (!result.IsOk)
        {
            return Refuse(result.Errors.Select(e => BodyText.Line(e, Language)).ToList(), Failures.Status(result.Errors));
        }

        Report = result.Value;
        return Page();
    }

    private PageResult Refuse(IReadOnlyList<string> errors, int status = StatusCodes.Status400BadRequest)
    {
        FileErrors = errors;
        Response.StatusCode = status;
        return Page();
    }
}
