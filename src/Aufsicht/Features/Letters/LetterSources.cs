using System.Collections.Concurrent;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Letters;

/// <summary>The shipped default templates of a data folder, read once each.</summary>
internal sealed class LetterDefaults(string dataFolder)
{
    private readonly ConcurrentDictionary<(LetterKind, Language), string> _texts = new();

    public string Template(LetterKind kind, Language language) =>
        _texts.GetOrAdd((kind, language), k => DefaultLetterTemplates.Read(dataFolder, k.Item1, k.Item2));
}

/// <summary>A template as it applies now: the authority's edited text, or the shipped default while there is none.</summary>
internal sealed record LetterTemplateInForce(LetterKind Kind, Language Language, string Text, bool Edited, int Revision);

/// <summary>
/// Where a letter's parts come from: the template in force for a kind and language (the authority's own text from
/// <c>letter_templates</c>, else the shipped default) and the authority's letterhead (the <c>letterhead</c> row, else
/// the installation's authority name with no address yet).
/// </summary>
internal sealed class LetterSources(AufsichtDb db, LetterDefaults defaults, IConfiguration configuration, Catalog.CatalogStore catalog)
{
    public async Task<LetterTemplateInForce> TemplateAsync(LetterKind kind, Language language, CancellationToken cancel)
    {
        var wire = kind.WireName();
        var code = language == Language.De ? "de" : "en";
        var edited = await db.LetterTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Kind == wire && t.Language == code, cancel).ConfigureAwait(false);
        return edited is null
            ? new LetterTemplateInForce(kind, language, defaults.Template(kind, language), Edited: false, Revision: 0)
            : new LetterTemplateInForce(kind, language, edited.Text, Edited: true, edited.Revision);
    }

    /// <summary>The shipped default, for "reset to default" and for comparing.</summary>
    public string DefaultTemplate(LetterKind kind, Language language) => defaults.Template(kind, language);

    /// <summary>The letterhead as stored; null while the authority has not filled it in.</summary>
    public Task<LetterheadRecord?> LetterheadAsync(CancellationToken cancel) =>
        db.Letterhead.AsNoTracking().SingleOrDefaultAsync(l => l.Id == 1, cancel);

    /// <summary>
    /// The authority as a letter names it: the letterhead, else the installation's authority name
    /// (<c>Aufsicht:AuthorityName</c> or the default authority view) with empty address, seat and court.
    /// </summary>
    public async Task<LetterAuthority> AuthorityAsync(Language language, CancellationToken cancel)
    {
        var head = await LetterheadAsync(cancel).ConfigureAwait(false);
        return head is null
            ? new LetterAuthority(Campaigns.CampaignContact.AuthorityName(configuration, catalog.Catalog, null, language), [], [], "", "")
            : new LetterAuthority(head.AuthorityName, Lines(head.Address), Lines(head.Contact), head.Seat ?? "", head.Court ?? "", head.LogoPng);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
