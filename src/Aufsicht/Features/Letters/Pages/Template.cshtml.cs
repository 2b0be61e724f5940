using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Documents.Letters;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Letters.Pages;

/// <summary>
/// The editor of one letter template: the text in force, the kind's variables and the allowed marks, saving (checked
/// first, over the revision shown), resetting to the shipped default, and a preview of the text as it stands in the
/// form — as HTML here, since the Content-Security-Policy lets no page embed a PDF; the PDF of the saved text is a link.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class TemplateModel(AufsichtDb db, LetterSources sources, LetterPreview preview) : AppPage
{
    /// <summary>The textarea's id: errors link to it.</summary>
    public const string TextId = "vorlage";

    internal LetterKind Kind { get; private set; }

    internal Language TextLanguage { get; private set; }

    internal string Text { get; private set; } = "";

    internal int Revision { get; private set; }

    internal bool Edited { get; private set; }

    internal string? UpdatedBy { get; private set; }

    internal DateTime? UpdatedAt { get; private set; }

    internal bool CanEdit { get; private set; }

    internal long? CaseId { get; private set; }

    /// <summary>The open cases whose data a preview can use instead of the sample.</summary>
    internal IReadOnlyList<(long Id, string Label)> Cases { get; private set; } = [];

    /// <summary>The letter the form's text makes of the preview data; null when the text has errors.</summary>
    internal LetterDocument? Preview { get; private set; }

    /// <summary>Whether the preview's text is the one in the form rather than the one saved.</summary>
    internal bool PreviewUnsaved { get; private set; }

    internal string? Notice { get; private set; }

    /// <summary>Whether the kind instructs on legal remedies while the letterhead lacks the seat or the court it names.</summary>
    internal bool RemedyIncomplete { get; private set; }

    /// <summary>The refusals of the last post, to link each to its field.</summary>
    internal IReadOnlyList<Error> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string kind, string lang, long? @case, string? gespeichert, CancellationToken cancel)
    {
        if (!await LoadAsync(kind, lang, @case, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        Notice = gespeichert switch
        {
            "1" => Texts.T(Language, "letters.template.saved"),
            "standard" => Texts.T(Language, "letters.template.wasReset"),
            _ => null,
        };
        return await PreviewAsync(Text, unsaved: false, cancel).ConfigureAwait(true);
    }

    public async Task<IActionResult> OnPostPreviewAsync(string kind, string lang, long? @case, string? text, int revision, CancellationToken cancel)
    {
        if (!await LoadAsync(kind, lang, @case, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        Text = text ?? "";
        Revision = revision;
        return await PreviewAsync(Text, unsaved: true, cancel).ConfigureAwait(true);
    }

    public async Task<IActionResult> OnPostSaveAsync(string kind, string lang, long? @case, string? text, int revision, [FromServices] SaveLetterTemplate save, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true))
        {
            return Forbid();
        }

        if (!await LoadAsync(kind, lang, @case, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        var saved = await save.RunAsync(new LetterTemplateEdit(Kind, TextLanguage, text ?? "", revision), User.Identity?.Name ?? "?", cancel).ConfigureAwait(true);
        if (saved.IsOk)
        {
            return RedirectToPage("/Letters/Pages/Template", new { kind, lang, @case, gespeichert = "1" });
        }

        // The form keeps what was typed; a conflict keeps it too, so nothing is lost, and shows the revision in force.
        Text = text ?? "";
        if (saved.Errors.All(e => e.Kind != ErrorKind.Conflict))
        {
            Revision = revision;
        }

        return Refuse(saved.Errors);
    }

    public async Task<IActionResult> OnPostResetAsync(string kind, string lang, long? @case, int revision, [FromServices] ResetLetterTemplate reset, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true))
        {
            return Forbid();
        }

        if (!await LoadAsync(kind, lang, @case, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        var done = await reset.RunAsync(Kind, TextLanguage, revision, User.Identity?.Name ?? "?", cancel).ConfigureAwait(true);
        return done.IsOk
            ? RedirectToPage("/Letters/Pages/Template", new { kind, lang, @case, gespeichert = "standard" })
            : Refuse(done.Errors);
    }

    /// <summary>A message's place in the form: errors of the text link to the textarea, a conflict to the page's notice.</summary>
    internal static string Anchor(Error error) => error.Field == LetterTemplates.Field ? TextId : "speichern";

    private PageResult Refuse(IReadOnlyList<Error> errors)
    {
        Problems = errors;
        return Fail(errors);
    }

    private async Task<PageResult> PreviewAsync(string text, bool unsaved, CancellationToken cancel)
    {
        var rendered = await preview.RenderAsync(Kind, TextLanguage, text, CaseId, cancel).ConfigureAwait(true);
        PreviewUnsaved = unsaved;
        if (rendered.IsOk)
        {
            Preview = rendered.Value;
            return Page();
        }

        return Refuse(rendered.Errors);
    }

    private async Task<bool> LoadAsync(string kind, string lang, long? caseId, CancellationToken cancel)
    {
        if (!LetterKinds.TryParse(kind, out var k) || !LetterTemplateCodes.TryParse(lang, out var language))
        {
            return false;
        }

        Kind = k;
        TextLanguage = language;
        CaseId = caseId;
        Cases = await preview.CasesAsync(cancel).ConfigureAwait(true);
        var inForce = await sources.TemplateAsync(k, language, cancel).ConfigureAwait(true);
        Text = inForce.Text;
        Revision = inForce.Revision;
        Edited = inForce.Edited;
        if (Edited)
        {
            var wire = k.WireName();
            var code = LetterTemplateCodes.Of(language);
            var who = await db.LetterTemplates.AsNoTracking().Where(t => t.Kind == wire && t.Language == code)
                .Select(t => new { t.UpdatedBy, t.UpdatedAt }).SingleOrDefaultAsync(cancel).ConfigureAwait(true);
            UpdatedBy = who?.UpdatedBy;
            UpdatedAt = who?.UpdatedAt;
        }

        if (k.NeedsRemedy())
        {
            var authority = await sources.AuthorityAsync(language, cancel).ConfigureAwait(true);
            RemedyIncomplete = authority.Seat.Length == 0 || authority.Court.Length == 0;
        }

        CanEdit = await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true);
        return true;
    }
}
