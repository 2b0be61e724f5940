using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Json;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Catalog;

/// <summary>
/// The catalogue the web app serves, with the engine over it (memoised service verdicts, shared by all requests).
/// Reference data (criteria, law, authorities, decisions, alternatives) come from the shipped files; the services from
/// the database when there is one. At most once a second it asks the database whether the catalogue changed (an edit
/// here or on another instance) and then reloads.
/// </summary>
internal sealed class CatalogStore
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private readonly LegalData _reference;
    private readonly IServiceScopeFactory? _scopes;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private volatile State _state;
    private long _checkedAt;

    /// <summary>A fixed catalogue (no database): the shipped files as they are.</summary>
    public CatalogStore(LegalData data)
    {
        _reference = data;
        _clock = TimeProvider.System;
        _state = new State(-1, data);
    }

    /// <summary>Services from the database, reloaded when its catalogue version moves.</summary>
    public CatalogStore(LegalData reference, IServiceScopeFactory scopes, TimeProvider clock)
    {
        _reference = reference;
        _scopes = scopes;
        _clock = clock;
        _state = Load();
    }

    private State Current
    {
        get
        {
            if (_scopes is null)
            {
                return _state;
            }

            var now = _clock.GetTimestamp();
            if (_clock.GetElapsedTime(Interlocked.Read(ref _checkedAt), now) >= CheckEvery)
            {
                Interlocked.Exchange(ref _checkedAt, now);
                using var scope = _scopes.CreateScope();
                if (CatalogVersion.Read(scope.ServiceProvider.GetRequiredService<AufsichtDb>()) != _state.Version)
                {
                    Reload();
                }
            }

            return _state;
        }
    }

    public LegalData Data => Current.Data;

    public CatalogAssessor Assessor => Current.Assessor;

    public FindingText Texts => Current.Texts;

    public ServiceCatalog Catalog => Current.Data.Catalog;

    /// <summary>The catalogue's version as this instance has loaded it (for cache keys).</summary>
    public long Version => Current.Version;

    /// <summary>Reads the services again now (after an edit by this instance).</summary>
    public void Reload()
    {
        lock (_lock)
        {
            _state = Load();
        }
    }

    private State Load()
    {
        if (_scopes is null)
        {
            return _state;
        }

        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
        var version = CatalogVersion.Read(db);
        var profiles = db.Snapshots.AsNoTracking().Select(s => s.ProfileJson).ToList()
            .Select(json => ProfileReader.ReadService(System.Text.Encoding.UTF8.GetBytes(json)))
            .Where(r => r.IsOk)
            .Select(r => r.Value)
            .ToList();
        var catalog = new ServiceCatalog(profiles, _reference.Catalog.Decisions, _reference.Catalog.Alternatives, _reference.Catalog.Authorities, _reference.Catalog.DefaultAuthority.Id);
        return new State(version, _reference with { Catalog = catalog });
    }

    private sealed class State(long version, LegalData data)
    {
        public long Version => version;

        public LegalData Data => data;

        public CatalogAssessor Assessor { get; } = new(new Assessor(data.Criteria, data.Law), data.Catalog);

        public FindingText Texts { get; } = new(data.Criteria);
    }
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
    public static Aufsicht.Core.Result<View> ResolveView(CatalogStore store, string? asOf, string? authority, DateOnly today) =>
        ResolveView(store.Catalog, asOf, authority, today);

    /// <summary>The as-of date (default today) and the authority's view on it (default the catalogue's default); the CLI uses it too.</summary>
    public static Aufsicht.Core.Result<View> ResolveView(ServiceCatalog catalog, string? asOf, string? authority, DateOnly today)
    {
        var errors = new List<Aufsicht.Core.Error>();
        var date = today;
        if (!string.IsNullOrWhiteSpace(asOf)
            && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date))
        {
            errors.Add(new("asOf", $"expected a date as YYYY-MM-DD; got '{Shorten(asOf)}'"));
        }

        var chosen = string.IsNullOrWhiteSpace(authority) ? catalog.DefaultAuthority : catalog.FindAuthority(authority);
        if (chosen is null)
        {
            errors.Add(new("authority", $"unknown authority '{Shorten(authority!)}'; known: {string.Join(", ", catalog.Authorities.Select(a => a.Id))}"));
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
