using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Letters.Pages;

/// <summary>
/// The saved template in force as the PDF a letter would be, on the preview data (<see cref="LetterPreview"/>), shown
/// inline. A GET of the saved text, so the browser's own viewer opens it; the unsaved text is previewed as HTML on the editor.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class TemplatePdfModel(LetterSources sources, LetterPreview preview) : AppPage
{
    public async Task<IActionResult> OnGetAsync(string kind, string lang, long? @case, CancellationToken cancel)
    {
        if (!LetterKinds.TryParse(kind, out var k) || !LetterTemplateCodes.TryParse(lang, out var language))
        {
            return NotFound();
        }

        var template = await sources.TemplateAsync(k, language, cancel).ConfigureAwait(true);
        var letter = await preview.RenderAsync(k, language, template.Text, @case, cancel).ConfigureAwait(true);
        if (!letter.IsOk)
        {
            // A saved template passed the check; only the preview data can make it fail (too long a letter).
            return new ContentResult { Content = string.Join("\n", Failures.Messages(letter.Errors, Language)), ContentType = "text/plain; charset=utf-8", StatusCode = Failures.Status(letter.Errors) };
        }

        Response.Headers.ContentDisposition = $"inline; filename=\"{LetterOutput.FileName(k, "vorschau-" + lang, "pdf")}\"";
        return File(LetterOutput.ToPdf(letter.Value), LetterOutput.PdfMediaType);
    }
}
