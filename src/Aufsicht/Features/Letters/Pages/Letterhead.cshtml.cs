using Aufsicht.Core;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aufsicht.Features.Letters.Pages;

/// <summary>
/// The authority's letterhead (Briefkopf): name, address, contact, seat and court, and the logo; saved over the revision
/// shown; previewed as the head of the sample hearing letter.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class LetterheadModel(LetterSources sources) : AppPage
{
    /// <summary>The form's fields in order: the id (which is the name the use case gives its errors) and the label's key.</summary>
    internal static readonly IReadOnlyList<(string Field, string Label)> Fields =
    [
        ("authorityName", "letters.head.authorityName"),
        ("address", "letters.head.address"),
        ("contact", "letters.head.contact"),
        ("seat", "letters.head.seat"),
        ("court", "letters.head.court"),
        (PngLogo.Field, "letters.head.logo"),
    ];

    internal LetterheadRecord? Stored { get; private set; }

    internal string AuthorityName { get; private set; } = "";

    internal string Address { get; private set; } = "";

    internal string Contact { get; private set; } = "";

    internal string Seat { get; private set; } = "";

    internal string Court { get; private set; } = "";

    internal int Revision { get; private set; }

    internal bool CanEdit { get; private set; }

    internal bool Saved { get; private set; }

    internal IReadOnlyList<Error> Problems { get; private set; } = [];

    /// <summary>The label of a field, for a message that names it.</summary>
    internal string Label(string field) =>
        Texts.T(Language, Fields.FirstOrDefault(f => f.Field == field) is { Label: { } label } ? label : "letters.head.form");

    internal string? ErrorOf(string field) =>
        Problems.Select((e, i) => (e, i)).Where(x => x.e.Field == field).Select(x => Errors[x.i]).FirstOrDefault();

    public async Task OnGetAsync(string? gespeichert, CancellationToken cancel)
    {
        await LoadAsync(cancel).ConfigureAwait(true);
        Saved = gespeichert == "1";
    }

    public async Task<IActionResult> OnPostAsync(string? authorityName, string? address, string? contact, string? seat, string? court, IFormFile? logo, bool removeLogo, int revision,
        [FromServices] SaveLetterhead save, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true))
        {
            return Forbid();
        }

        await LoadAsync(cancel).ConfigureAwait(true);
        var change = removeLogo ? LogoChange.Remove : logo is { Length: > 0 } ? LogoChange.Replace : LogoChange.Keep;
        byte[]? png = null;
        if (change == LogoChange.Replace)
        {
            if (logo!.Length > PngLogo.MaxBytes)
            {
                return Refuse([Error.TooLarge(PngLogo.Field, "letters.logo.tooLarge", (PngLogo.MaxBytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture))],
                    authorityName, address, contact, seat, court);
            }

            using var buffer = new MemoryStream((int)logo.Length);
            await logo.CopyToAsync(buffer, cancel).ConfigureAwait(true);
            png = buffer.ToArray();
        }

        var saved = await save.RunAsync(new LetterheadEdit(authorityName, address, contact, seat, court, change, png, revision), User.Identity?.Name ?? "?", cancel).ConfigureAwait(true);
        return saved.IsOk
            ? RedirectToPage("/Letters/Pages/Letterhead", new { gespeichert = "1" })
            : Refuse(saved.Errors, authorityName, address, contact, seat, court);
    }

    private PageResult Refuse(IReadOnlyList<Error> errors, string? authorityName, string? address, string? contact, string? seat, string? court)
    {
        // The form shows what was typed; a conflict shows the revision now in force, so a second save replaces it knowingly.
        AuthorityName = authorityName ?? "";
        Address = address ?? "";
        Contact = contact ?? "";
        Seat = seat ?? "";
        Court = court ?? "";
        Problems = errors;
        return Fail(errors);
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        Stored = await sources.LetterheadAsync(cancel).ConfigureAwait(true);
        if (Stored is { } head)
        {
            AuthorityName = head.AuthorityName;
            Address = head.Address;
            Contact = head.Contact;
            Seat = head.Seat ?? "";
            Court = head.Court ?? "";
            Revision = head.Revision;
        }
        else
        {
            AuthorityName = (await sources.AuthorityAsync(Language, cancel).ConfigureAwait(true)).Name;
        }

        CanEdit = await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true);
    }
}
