using Aufsicht.Core.Assessment;
using Aufsicht.Core.Law;
using Aufsicht.Features.Shared;

namespace Aufsicht.Features.Catalog.Pages;

/// <summary>Several services side by side, criterion by criterion, on one date in one view.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CataloguePages.CachePolicy)]
internal sealed class CompareModel(CatalogStore store, TimeProvider clock) : AppPage
{


    public IReadOnlyList<string> Ids { get; private set; } = [];

    internal IReadOnlyList<ServiceRow> All { get; private set; } = [];

    internal IReadOnlyList<(string Id, string Name, ServiceAssessment Assessment)> Columns { get; private set; } = [];

    internal IReadOnlyList<Criterion> Criteria { get; private set; } = [];

    internal CriteriaCatalog Catalog => store.Data.Criteria;

    internal ViewPicker Picker { get; private set; } = null!;

    public void OnGet(string[]? ids, string? asOf, string? authority)
    {
        var view = ViewPicker.Resolve(store, clock, asOf, authority, Language, out var errors);
        Picker = new ViewPicker(store, view, Language, asOf, authority);
        var chosen = (ids ?? []).Where(store.Catalog.Contains).Distinct(StringComparer.Ordinal).Take(12).ToList();
        var unknown = (ids ?? []).Where(id => !store.Catalog.Contains(id)).ToList();
        Errors = [.. errors, .. unknown.Select(id => Texts.T(Language, "service.notFound", id.Length > 40 ? id[..40] : id))];
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Ids = chosen;
        All = CatalogQueries.List(store, view, CatalogFilter.None);
        Criteria = store.Data.Criteria.All.Where(c => c.Stage is Stage.Contract or Stage.Transfer or Stage.Technical).ToList();
        Columns = chosen.Select(id =>
        {
            var result = CatalogQueries.Assess(store, id, view)!.Value;
            return (id, (result.Snapshot ?? store.Catalog.Latest(id)!).Names.In(Language), result.Assessment.Service);
        }).ToList();
    }

    /// <summary>The cell of a criterion that has several findings (T02 per transfer): their worst counting level; a note if only notes.</summary>
    internal static Level Worst(IReadOnlyList<Level> levels) =>
        levels.All(l => l == Level.Note) ? Level.Note : Levels.Aggregate(levels).AsLevel();
}
