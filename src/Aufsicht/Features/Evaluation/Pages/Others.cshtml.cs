using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Evaluation.Pages;

internal sealed record OtherRow(long Id, string Text, string? LinkedService, string? LinkedBy, int Bodies);

/// <summary>Services named in free text, waiting for a supervisor to link each to a catalogue entry.</summary>
[Authorize(Policy = Roles.CanRunSurveys)]
internal sealed class OthersModel(AufsichtDb db, Catalog.CatalogStore store) : AppPage
{
    internal CampaignRecord Campaign { get; private set; } = null!;

    internal IReadOnlyList<OtherRow> Rows { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel) => await LoadAsync(id, cancel).ConfigureAwait(true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, long other, string? service, [FromServices] LinkOtherService link, CancellationToken cancel)
    {
        var result = await link.RunAsync(id, other, service, User.Identity?.Name, cancel).ConfigureAwait(true);
        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        if (!result.IsOk)
        {
            return Fail(result.Errors);
        }

        Message = Texts.T(Language, "others.linked", result.Value.Bodies);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancel)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancel).ConfigureAwait(true);
        if (campaign is null)
        {
            return false;
        }

        Campaign = campaign;
        var rows = await db.OtherServices.AsNoTracking().Where(o => o.CampaignId == id).OrderBy(o => o.LinkedService != null).ThenBy(o => o.Text)
            .ToListAsync(cancel).ConfigureAwait(true);
        // How many bodies named it: their answers carry the text, the evaluation rows its normalised form while unlinked.
        var counts = await db.EvaluationServices.Where(s => s.CampaignId == id && s.Service.StartsWith(OtherServices.Prefix))
            .GroupBy(s => s.Service).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancel)
            .ConfigureAwait(true);
        Rows = rows.Select(o => new OtherRow(o.Id, o.Text, o.LinkedService, o.LinkedBy, counts.GetValueOrDefault(OtherServices.Prefix + o.Text))).ToList();
        return true;
    }

    internal IEnumerable<(string Id, string Name)> Services
    {
        get
        {
            var catalog = store.Catalog;
            return catalog.ServiceIds.Select(i => catalog.Latest(i)!).OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).Select(s => (s.Id, s.Name));
        }
    }

    internal string NameOf(string id) => ServiceNames.Of(store.Catalog, id, Language);
}
