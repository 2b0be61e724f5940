using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Letters.Pages;

/// <summary>One template of the list: its kind and language, and who changed it when (null while the shipped default is in force).</summary>
internal sealed record LetterTemplateRow(LetterKind Kind, Language Language, string? UpdatedBy, DateTime? UpdatedAt);

/// <summary>The letter templates (Briefvorlagen): every kind in German and English, edited or the shipped default.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class TemplatesModel(AufsichtDb db) : AppPage
{
    internal IReadOnlyList<LetterTemplateRow> Rows { get; private set; } = [];

    internal bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        var edited = await db.LetterTemplates.AsNoTracking().Select(t => new { t.Kind, t.Language, t.UpdatedBy, t.UpdatedAt }).ToListAsync(cancel).ConfigureAwait(true);
        Rows = [.. from kind in LetterKinds.All
                   from language in new[] { Language.De, Language.En }
                   let row = edited.FirstOrDefault(e => e.Kind == kind.WireName() && e.Language == LetterTemplateCodes.Of(language))
                   select new LetterTemplateRow(kind, language, row?.UpdatedBy, row?.UpdatedAt)];
        CanEdit = await AllowedAsync(Roles.CanHandleCases).ConfigureAwait(true);
    }
}
