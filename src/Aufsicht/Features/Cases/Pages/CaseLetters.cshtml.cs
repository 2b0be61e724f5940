using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Letters;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases.Pages;

/// <summary>A filed letter as the list shows it: everything but the bytes.</summary>
internal sealed record CaseDocumentRow(long Id, string Kind, string Title, string Language, DateTime CreatedAt, string CreatedBy, DateTime? SentAt, string? Channel, string Sha256, bool HasOdt);

/// <summary>
/// The letters of a case: the documents filed (downloads as ODT and PDF with their hash), a form to make a letter of a
/// kind that fits the case now (with a preview that files nothing), and sending a draft by e-mail or recording it as
/// posted. Staff may look and download; case handlers make and send.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class CaseLettersModel(AufsichtDb db, CaseLetters letters) : AppPage
{
    private static readonly string[] TextFields = ["facts", "statement", "discretion", "evidence", "closingReason"];

    internal CaseLetterFile CaseFile { get; private set; } = null!;

    internal IReadOnlyList<CaseDocumentRow> Documents { get; private set; } = [];

    internal IReadOnlyList<LetterKind> Kinds { get; private set; } = [];

    internal bool CanHandle { get; private set; }

    /// <summary>The form's values: as posted after a refusal, else the case file's proposal in the chosen language.</summary>
    internal string Kind { get; private set; } = "";

    internal Language LetterLanguage { get; private set; }

    internal LetterDraft Draft { get; private set; } = new("", "", "", "", "");

    /// <summary>The fields the refusal names (<c>kind</c>, <c>language</c>, <c>facts</c> …): each gets aria-invalid and points at the messages.</summary>
    internal IReadOnlySet<string> InvalidFields { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether the refusal is about the letterhead, so the page links to it.</summary>
    internal bool LetterheadMissing { get; private set; }

    internal bool Filed { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? kind, string? sprache, bool abgelegt, CancellationToken cancel)
    {
        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        Filed = abgelegt;
        if (kind is not null && LetterKinds.TryParse(kind, out var chosen) && Kinds.Contains(chosen))
        {
            Kind = kind;
        }

        if (sprache is "de" or "en")
        {
            LetterLanguage = sprache == "en" ? Language.En : Language.De;
        }

        Draft = letters.Proposal(CaseFile, LetterLanguage);
        return Page();
    }

    /// <summary>A filed document as a download: <c>Content-Disposition: attachment</c>, named after its kind and file number.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(long id, long document, string? format, CancellationToken cancel)
    {
        if (format is not ("pdf" or "odt"))
        {
            return NotFound();
        }

        var found = await db.CaseDocuments.AsNoTracking().Where(d => d.Id == document && d.CaseId == id)
            .Join(db.Cases, d => d.CaseId, c => c.Id, (d, c) => new { d.Kind, Bytes = format == "pdf" ? d.Pdf : d.Odt, c.FileNumber })
            .SingleOrDefaultAsync(cancel).ConfigureAwait(true);
        if (found?.Bytes is null)
        {
            return NotFound();
        }

        var name = LetterKinds.TryParse(found.Kind, out var kind) ? LetterOutput.FileName(kind, found.FileNumber, format) : $"document-{document}.{format}";
        return File(found.Bytes, format == "pdf" ? LetterOutput.PdfMediaType : LetterOutput.OdtMediaType, name);
    }

    /// <summary>The letter as it would be filed, as a PDF shown in the browser: nothing is filed, nothing audited.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(long id, string? kind, string? language, string? facts, string? statement, string? discretion, string? evidence, string? closingReason, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true))
        {
            return Forbid();
        }

        var form = Read(kind, language, facts, statement, discretion, evidence, closingReason);
        var rendered = form.IsOk
            ? await letters.RenderAsync(id, form.Value.Kind, form.Value.Language, form.Value.Draft, cancel).ConfigureAwait(true)
            : Result<(Aufsicht.Documents.Letters.LetterDocument, string)>.Fail(form.Errors);
        if (!rendered.IsOk)
        {
            return await RefuseAsync(id, kind, language, facts, statement, discretion, evidence, closingReason, rendered.Errors, cancel).ConfigureAwait(true);
        }

        Response.Headers.ContentDisposition = "inline";
        return File(LetterOutput.ToPdf(rendered.Value.Item1), LetterOutput.PdfMediaType);
    }

    /// <summary>Files the letter (ODT, PDF, hash, audit entry) and shows the list with it.</summary>
    public async Task<IActionResult> OnPostFileAsync(long id, string? kind, string? language, string? facts, string? statement, string? discretion, string? evidence, string? closingReason, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true))
        {
            return Forbid();
        }

        var form = Read(kind, language, facts, statement, discretion, evidence, closingReason);
        var filed = form.IsOk
            ? await letters.FileAsync(id, form.Value.Kind, form.Value.Language, form.Value.Draft, User.Identity?.Name ?? "?", cancel).ConfigureAwait(true)
            : Result<CaseDocumentRecord>.Fail(form.Errors);
        return filed.IsOk
            ? Redirect($"/verfahren/{id}/schreiben?abgelegt=true#schreiben-{filed.Value.Id}")
            : await RefuseAsync(id, kind, language, facts, statement, discretion, evidence, closingReason, filed.Errors, cancel).ConfigureAwait(true);
    }

    /// <summary>Sends a draft by e-mail (the outbox, the PDF attached) or records it as posted.</summary>
    public async Task<IActionResult> OnPostSendAsync(long id, long document, string? channel, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true))
        {
            return Forbid();
        }

        // A document of another case is none of this page's.
        var inCase = await db.CaseDocuments.AsNoTracking().AnyAsync(d => d.Id == document && d.CaseId == id, cancel).ConfigureAwait(true);
        var sent = inCase
            ? await letters.SendAsync(document, channel ?? "", User.Identity?.Name ?? "?", cancel).ConfigureAwait(true)
            : Result<CaseDocumentRecord>.Fail(Error.NotFound("document", "case.letter.unknown"));
        if (sent.IsOk)
        {
            return Redirect($"/verfahren/{id}/schreiben#schreiben-{document}");
        }

        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        Draft = letters.Proposal(CaseFile, LetterLanguage);
        return Fail(sent.Errors);
    }

    private async Task<IActionResult> RefuseAsync(long id, string? kind, string? language, string? facts, string? statement, string? discretion, string? evidence, string? closingReason,
        IReadOnlyList<Error> errors, CancellationToken cancel)
    {
        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        // The form as it was sent: nothing the handler wrote is lost.
        Kind = kind ?? "";
        LetterLanguage = language == "en" ? Language.En : language == "de" ? Language.De : LetterLanguage;
        Draft = new LetterDraft(facts ?? "", statement ?? "", discretion ?? "", evidence ?? "", closingReason ?? "");
        InvalidFields = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        LetterheadMissing = errors.Any(e => e.Key == "case.letter.letterheadIncomplete");
        return Fail(errors);
    }

    private Result<(LetterKind Kind, Language Language, LetterDraft Draft)> Read(
        string? kind, string? language, string? facts, string? statement, string? discretion, string? evidence, string? closingReason)
    {
        var errors = new List<Error>();
        if (!LetterKinds.TryParse(kind, out var parsed))
        {
            errors.Add(Error.Invalid("kind", "case.letter.kind.invalid"));
        }

        if (language is not ("de" or "en"))
        {
            errors.Add(Error.Invalid("language", "case.letter.language.invalid"));
        }

        string?[] values = [facts, statement, discretion, evidence, closingReason];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { Length: > LetterDraft.MaxLength })
            {
                errors.Add(Error.TooLarge(TextFields[i], "case.letter.text.tooLong", Texts.T(Language, TextLabel(TextFields[i])), LetterDraft.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return errors.Count > 0
            ? Result<(LetterKind, Language, LetterDraft)>.Fail(errors)
            : Result<(LetterKind, Language, LetterDraft)>.Ok((parsed, language == "en" ? Language.En : Language.De,
                new LetterDraft(facts ?? "", statement ?? "", discretion ?? "", evidence ?? "", closingReason ?? "")));
    }

    /// <summary>The key of a text field's label, also its name in messages.</summary>
    internal static string TextLabel(string field) => "case.letters." + field;

    private async Task<bool> LoadAsync(long id, CancellationToken cancel)
    {
        var file = await letters.LoadAsync(id, cancel).ConfigureAwait(true);
        if (file is null)
        {
            return false;
        }

        CaseFile = file;
        Documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == id).OrderBy(d => d.Id)
            .Select(d => new CaseDocumentRow(d.Id, d.Kind, d.Title, d.Language, d.CreatedAt, d.CreatedBy, d.SentAt, d.Channel, d.Sha256, d.Odt != null))
            .ToListAsync(cancel).ConfigureAwait(true);
        Kinds = letters.Fitting(file.Case);
        CanHandle = await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true);
        LetterLanguage = file.Body.Language == "en" ? Language.En : Language.De;
        Kind = Kinds.Count > 0 ? Kinds[0].WireName() : "";
        return true;
    }
}
