using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Surveys.Pages;

internal sealed record OtherRow(long Id, string Text, string? LinkedService, string? LinkedBy, int Bodies);

/// <summary>Services named in free text, waiting for a supervisor to link each to a catalogue entry.</summary>
[Authorize(Policy = Roles.CanRunSurveys)]
public sealed class OthersModel : AppPage
{
    internal CampaignRecord Campaign { get; private set; } = null!;

    internal IReadOnlyList<OtherRow> Rows { get; private set; } = [];

    public string? Message { get; private set; }

    public IActionResult OnGet(long id) => Load(id) ? Page() : NotFound();

    public IActionResult OnPost(long id, long other, string? service)
    {
        var result = Service<LinkOtherService>().Run(id, other, service, User.Identity?.Name, Language);
        if (!Load(id))
        {
            return NotFound();
        }

        if (!result.IsOk)
        {
            return Fail(StatusCodes.Status400BadRequest, result.Errors.Select(e => e.Message).ToArray());
        }

        Message = Web.UiText.T(Language, "others.linked", result.Value.Bodies);
        return Page();
    }

    private bool Load(long id)
    {
        var db = Service<AufsichtDb>();
        var campaign = db.Campaigns.AsNoTracking().SingleOrDefault(c => c.Id == id);
        if (campaign is null)
        {
            return false;
        }

        Campaign = campaign;
        var rows = db.OtherServices.AsNoTracking().Where(o => o.CampaignId == id).OrderBy(o => o.LinkedService != null).ThenBy(o => o.Text).ToList();
        // How many bodies named it: their answers carry the text, the evaluation rows its normalised form while unlinked.
        var counts = db.EvaluationServices.Where(s => s.CampaignId == id && s.Service.StartsWith(OtherServices.Prefix))
            .GroupBy(s => s.Service).Select(g => new { g.Key, Count = g.Count() }).ToDictionary(g => g.Key, g => g.Count, StringComparer.Ordinal);
        Rows = rows.Select(o => new OtherRow(o.Id, o.Text, o.LinkedService, o.LinkedBy, counts.GetValueOrDefault(OtherServices.Prefix + o.Text))).ToList();
        return true;
    }

    internal IEnumerable<(string Id, string Name)> Services
    {
        get
        {
            var catalog = Service<Catalog.CatalogStore>().Catalog;
            return catalog.ServiceIds.Select(i => catalog.Latest(i)!).OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).Select(s => (s.Id, s.Name));
        }
    }

    internal string NameOf(string id) => ServiceNames.Of(Service<Catalog.CatalogStore>().Catalog, id);
}
