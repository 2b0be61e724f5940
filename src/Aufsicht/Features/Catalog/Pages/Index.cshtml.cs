using Aufsicht.Features.Shared;

namespace Aufsicht.Features.Catalog.Pages;

/// <summary>The catalogue: every service with its lights on the chosen date in the chosen view, filtered and searched.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CataloguePages.CachePolicy)]
internal sealed class IndexModel(CatalogStore store, TimeProvider clock) : AppPage
{

    public string? Q { get; private set; }

    public string? Category { get; private set; }

    public string? Verdict { get; private set; }

    public string? Country { get; private set; }

    public string? Open { get; private set; }

    public string? Review { get; private set; }

    internal IReadOnlyList<ServiceRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<string> Countries { get; private set; } = [];


    internal ViewPicker Picker { get; private set; } = null!;

    /// <summary>The date of the view as readers write it (16.12.2026).</summary>
    public string AsOfText { get; private set; } = string.Empty;

    public string AuthorityLabel { get; private set; } = string.Empty;

    public void OnGet(string? q, string? category, string? verdict, string? country, string? open, string? review, string? asOf, string? authority)
    {
        (Q, Category, Verdict, Country, Open, Review) = (q, category, verdict, country, open, review);
        var view = ViewPicker.Resolve(store, clock, asOf, authority, Language, out var viewErrors);
        var filter = CatalogQueries.ResolveFilter(q, category, verdict, country, open, review);
        var errors = viewErrors.ToList();
        errors.AddRange(filter.Errors.Select(e => Texts.T(Language, "catalog.query.filter", e.Field, Failures.Message(e, Language))));
        Errors = errors;
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Picker = new ViewPicker(store, view, Language, asOf, authority);
        AsOfText = Shared.LocalDates.Day(view.AsOf, Language);
        AuthorityLabel = $"{view.Authority.Abbreviation} ({view.Authority.Label.In(Language)})";
        var all = CatalogQueries.List(store, view, CatalogFilter.None);
        Total = all.Count;
        Countries = all.Select(r => r.Seat).Where(s => s != "unknown").Distinct().Order(StringComparer.Ordinal).ToList();
        Rows = filter.IsOk ? CatalogQueries.List(store, view, filter.Value) : all;
    }
}
