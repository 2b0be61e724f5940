using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Json;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Catalog;

/// <summary>The catalogue the web app serves, with the engine over it (memoised service verdicts, shared by all requests).</summary>
internal sealed class CatalogStore(LegalData data)
{
    public LegalData Data { get; } = data;

    public CatalogAssessor Assessor { get; } = new(new Assessor(data.Criteria, data.Law), data.Catalog);

    public FindingText Texts { get; } = new(data.Criteria);

    public ServiceCatalog Catalog => Data.Catalog;
}

/// <summary>A list row: one service with its verdicts on the date.</summary>
internal sealed record ServiceRow(string Id, string Name, string Category, string Provider, string Seat, bool? OpenSource, string OperatingModel, Verdict Verdict, Verdict Technical);

/// <summary>Filters of the catalogue list (all optional).</summary>
internal sealed record CatalogFilter(string? Search, string? Category, string? Verdict, string? Country, bool? OpenSource);

/// <summary>The date and authority view a page or API call asks for, already checked.</summary>
internal sealed record View(DateOnly AsOf, AuthorityProfile Authority);

/// <summary>
/// The read use cases of the catalogue, shared by the pages and the API: resolve the requested view, list services,
/// assess one. Bad query values come back as errors naming the parameter, for a form message or a ProblemDetails.
/// </summary>
internal static class CatalogQueries
{
    public static Aufsicht.Core.Result<View> ResolveView(CatalogStore store, string? asOf, string? authority, DateOnly today)
    {
        var errors = new List<Aufsicht.Core.Error>();
        var date = today;
        if (!string.IsNullOrWhiteSpace(asOf)
            && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date))
        {
            errors.Add(new("asOf", $"expected a date as YYYY-MM-DD; got '{Shorten(asOf)}'"));
        }

        var chosen = string.IsNullOrWhiteSpace(authority) ? store.Catalog.DefaultAuthority : store.Catalog.FindAuthority(authority);
        if (chosen is null)
        {
            errors.Add(new("authority", $"unknown authority '{Shorten(authority!)}'; known: {string.Join(", ", store.Catalog.Authorities.Select(a => a.Id))}"));
        }

        return errors.Count > 0 ? Aufsicht.Core.Result<View>.Fail(errors) : Aufsicht.Core.Result<View>.Ok(new View(date, chosen!.On(date)));
    }

    public static Aufsicht.Core.Result<CatalogFilter> ResolveFilter(string? search, string? category, string? verdict, string? country, string? open)
    {
        var errors = new List<Aufsicht.Core.Error>();
        if (category is { Length: > 0 } && !FactDomains.Categories.Contains(category))
        {
            errors.Add(new("category", $"expected one of {string.Join(", ", FactDomains.Categories)}; got '{Shorten(category)}'"));
        }

        if (verdict is { Length: > 0 } && !Levels.TryParseVerdict(verdict, out _))
        {
            errors.Add(new("verdict", $"expected one of green, yellow, red, not-assessed; got '{Shorten(verdict)}'"));
        }

        if (country is { Length: > 0 } && !(country.Length == 2 && char.IsAsciiLetterUpper(country[0]) && char.IsAsciiLetterUpper(country[1])))
        {
            errors.Add(new("country", $"expected a two-letter country code such as DE; got '{Shorten(country)}'"));
        }

        bool? openSource = open switch
        {
            null or "" => null,
            "yes" => true,
            "no" => false,
            _ => null,
        };
        if (open is { Length: > 0 } and not ("yes" or "no"))
        {
            errors.Add(new("open", $"expected yes or no; got '{Shorten(open)}'"));
        }

        if (search is { Length: > 200 })
        {
            errors.Add(new("q", "at most 200 characters"));
        }

        return errors.Count > 0
            ? Aufsicht.Core.Result<CatalogFilter>.Fail(errors)
            : Aufsicht.Core.Result<CatalogFilter>.Ok(new CatalogFilter(search?.Trim(), NullIfEmpty(category), NullIfEmpty(verdict), NullIfEmpty(country), openSource));
    }

    public static IReadOnlyList<ServiceRow> List(CatalogStore store, View view, CatalogFilter filter) =>
        store.Catalog.ServiceIds
            .Select(id => Row(store, id, view))
            .Where(r => filter.Category is null || r.Category == filter.Category)
            .Where(r => filter.Verdict is null || r.Verdict.WireName() == filter.Verdict)
            .Where(r => filter.Country is null || r.Seat == filter.Country)
            .Where(r => filter.OpenSource is null || r.OpenSource == filter.OpenSource)
            .Where(r => string.IsNullOrEmpty(filter.Search)
                || r.Name.Contains(filter.Search, StringComparison.OrdinalIgnoreCase)
                || r.Provider.Contains(filter.Search, StringComparison.OrdinalIgnoreCase)
                || r.Id.Contains(filter.Search, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static ServiceRow Row(CatalogStore store, string id, View view)
    {
        var snapshot = store.Catalog.SnapshotOn(id, view.AsOf);
        var latest = store.Catalog.Latest(id)!;
        var shown = snapshot ?? latest;
        var result = snapshot is null
            ? store.Assessor.Unknown(id, view.AsOf, view.Authority)
            : store.Assessor.AssessService(snapshot, view.AsOf, view.Authority, "normal");
        return new ServiceRow(id, shown.Name, shown.Category, shown.Provider.Name, shown.Provider.Seat, shown.OpenSource, shown.OperatingModel, result.Verdict, result.Technical);
    }

    /// <summary>One service on the date in the view, with alternatives and published decisions; null if the id is unknown.</summary>
    public static (CatalogAssessment Assessment, ServiceProfile? Snapshot)? Assess(CatalogStore store, string id, View view)
    {
        if (!store.Catalog.Contains(id))
        {
            return null;
        }

        var snapshot = store.Catalog.SnapshotOn(id, view.AsOf);
        var assessment = snapshot is null
            ? new CatalogAssessment(store.Assessor.Unknown(id, view.AsOf, view.Authority), null, [], store.Assessor.DecisionsOn(id))
            : store.Assessor.Assess(snapshot, null, view.AsOf, view.Authority);
        return (assessment, snapshot);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
