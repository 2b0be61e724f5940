using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Catalog;

/// <summary>
/// The catalogue the web app serves, with the engine over it (memoised service verdicts, shared by all requests).
/// Reference data (criteria, law, authorities, decisions, alternatives) come from the shipped files; the services from
/// the database when there is one. Reading it never touches the database: the services are loaded at start-up
/// (<see cref="ReloadAsync"/>), after an edit here, and by the <see cref="CatalogRefresher"/> when the catalogue's
/// version moved (an edit on another instance).
/// </summary>
internal sealed class CatalogStore
{
    private readonly LegalData _reference;
    private readonly IServiceScopeFactory? _scopes;
    private readonly Lock _lock = new();
    private volatile State _state;

    /// <summary>A fixed catalogue (no database): the shipped files as they are.</summary>
    public CatalogStore(LegalData data)
    {
        _reference = data;
        _state = new State(-1, data);
    }

    /// <summary>
    /// Services from the database, once <see cref="ReloadAsync"/> has run (the start-up does, before the server
    /// listens); until then the shipped files, with a version no database has, so the first refresh loads them.
    /// </summary>
    public CatalogStore(LegalData reference, IServiceScopeFactory scopes)
    {
        _reference = reference;
        _scopes = scopes;
        _state = new State(-1, reference);
    }

    public LegalData Data => _state.Data;

    public CatalogAssessor Assessor => _state.Assessor;

    public FindingText Texts => _state.Texts;

    public ServiceCatalog Catalog => _state.Data.Catalog;

    /// <summary>The catalogue's version as this instance has loaded it (for cache keys).</summary>
    public long Version => _state.Version;

    /// <summary>Reads the services again now (at start-up, after an edit by this instance).</summary>
    public async Task ReloadAsync(CancellationToken cancel)
    {
        if (_scopes is null)
        {
            return;
        }

        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<AufsichtDb>();
            var version = await CatalogVersion.ReadAsync(db, cancel).ConfigureAwait(false);
            var json = await db.Snapshots.AsNoTracking().Select(s => s.ProfileJson).ToListAsync(cancel).ConfigureAwait(false);
            var profiles = json
                .Select(j => ProfileReader.ReadService(System.Text.Encoding.UTF8.GetBytes(j)))
                .Where(r => r.IsOk)
                .Select(r => r.Value)
                .ToList();
            var catalog = new ServiceCatalog(profiles, _reference.Catalog.Decisions, _reference.Catalog.Alternatives, _reference.Catalog.Authorities, _reference.Catalog.DefaultAuthority.Id);
            var loaded = new State(version, _reference with { Catalog = catalog });
            lock (_lock)
            {
                // Loads may overlap (an edit here, the refresher): an older one finishing last must not win.
                if (loaded.Version >= _state.Version)
                {
                    _state = loaded;
                }
            }
        }
    }

    /// <summary>Reloads when the catalogue's version in the database is not the one loaded (<see cref="CatalogRefresher"/>).</summary>
    public async Task RefreshAsync(CancellationToken cancel)
    {
        if (_scopes is null)
        {
            return;
        }

        long version;
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            version = await CatalogVersion.ReadAsync(scope.ServiceProvider.GetRequiredService<AufsichtDb>(), cancel).ConfigureAwait(false);
        }

        if (version != _state.Version)
        {
            await ReloadAsync(cancel).ConfigureAwait(false);
        }
    }

    private sealed class State(long version, LegalData data)
    {
        public long Version => version;

        public LegalData Data => data;

        public CatalogAssessor Assessor { get; } = new(new Assessor(data.Criteria, data.Law), data.Catalog);

        public FindingText Texts { get; } = new(data.Criteria);
    }
}

/// <summary>
/// Once a second asks the database whether the catalogue changed (an edit on another instance sharing it) and then
/// has the <see cref="CatalogStore"/> reload, so that requests read the catalogue without waiting for the database.
/// </summary>
internal sealed partial class CatalogRefresher(CatalogStore store, TimeProvider time, ILogger<CatalogRefresher> logger) : BackgroundService
{
    internal static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await store.RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // E.g. the database is away for a moment: keep serving what is loaded and ask again at the next tick.
                    // Whatever it is, it must not stop the web application.
                    RefreshFailed(logger, e.GetType().Name, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Catalogue refresh failed ({Type}): {Error}; trying again in a second")]
    private static partial void RefreshFailed(ILogger logger, string type, string error);
}

/// <summary>A list row: one service with its verdicts on the date.</summary>
/// <summary>A service in the list; <see cref="Predated"/> are the legal events its facts predate (a review is due when any).</summary>
internal sealed record ServiceRow(
    string Id, Aufsicht.Core.Law.LocalizedText Names, string Category, Aufsicht.Core.Law.LocalizedText Provider, string Seat, bool? OpenSource, string OperatingModel,
    Verdict Verdict, Verdict Technical, IReadOnlyList<Aufsicht.Core.Law.LegalEvent> Predated);

/// <summary>Filters of the catalogue list (all optional).</summary>
internal sealed record CatalogFilter(string? Search, string? Category, string? Verdict, string? Country, bool? OpenSource, bool? Review = null)
{
    public static CatalogFilter None { get; } = new(null, null, null, null, null);
}

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
            errors.Add(Aufsicht.Core.Error.Invalid("asOf", "catalog.query.asOf", Shorten(asOf)));
        }

        var chosen = string.IsNullOrWhiteSpace(authority) ? catalog.DefaultAuthority : catalog.FindAuthority(authority);
        if (chosen is null)
        {
            errors.Add(Aufsicht.Core.Error.Invalid("authority", "catalog.query.authority", Shorten(authority!), string.Join(", ", catalog.Authorities.Select(a => a.Id))));
        }

        return errors.Count > 0 ? Aufsicht.Core.Result<View>.Fail(errors) : Aufsicht.Core.Result<View>.Ok(new View(date, chosen!.On(date)));
    }

    public static Aufsicht.Core.Result<CatalogFilter> ResolveFilter(string? search, string? category, string? verdict, string? country, string? open, string? review = null)
    {
        var errors = new List<Aufsicht.Core.Error>();
        if (category is { Length: > 0 } && !FactDomains.Categories.Contains(category))
        {
            errors.Add(Aufsicht.Core.Error.Invalid("category", "catalog.query.notOneOf", string.Join(", ", FactDomains.Categories), Shorten(category)));
        }

        if (verdict is { Length: > 0 } && !Levels.TryParseVerdict(verdict, out _))
        {
            errors.Add(Aufsicht.Core.Error.Invalid("verdict", "catalog.query.notOneOf", "green, yellow, red, not-assessed", Shorten(verdict)));
        }

        if (country is { Length: > 0 } && !(country.Length == 2 && char.IsAsciiLetterUpper(country[0]) && char.IsAsciiLetterUpper(country[1])))
        {
            errors.Add(Aufsicht.Core.Error.Invalid("country", "catalog.query.country", Shorten(country)));
        }

        var openSource = YesNo("open", open, errors);
        var needsReview = YesNo("review", review, errors);

        if (search is { Length: > 200 })
        {
            errors.Add(Aufsicht.Core.Error.Invalid("q", "catalog.query.tooLong", "200"));
        }

        return errors.Count > 0
            ? Aufsicht.Core.Result<CatalogFilter>.Fail(errors)
            : Aufsicht.Core.Result<CatalogFilter>.Ok(new CatalogFilter(search?.Trim(), NullIfEmpty(category), NullIfEmpty(verdict), NullIfEmpty(country), openSource, needsReview));
    }

    /// <summary>A yes/no filter: null when absent, else true or false, or an error naming the parameter.</summary>
    private static bool? YesNo(string name, string? value, List<Aufsicht.Core.Error> errors)
    {
        switch (value)
        {
            case null or "":
                return null;
            case "yes":
                return true;
            case "no":
                return false;
            default:
                errors.Add(Aufsicht.Core.Error.Invalid(name, "catalog.query.notOneOf", "yes, no", Shorten(value)));
                return null;
        }
    }

    public static IReadOnlyList<ServiceRow> List(CatalogStore store, View view, CatalogFilter filter) =>
        store.Catalog.ServiceIds
            .Select(id => Row(store, id, view))
            .Where(r => filter.Category is null || r.Category == filter.Category)
            .Where(r => filter.Verdict is null || r.Verdict.WireName() == filter.Verdict)
            .Where(r => filter.Country is null || r.Seat == filter.Country)
            .Where(r => filter.OpenSource is null || r.OpenSource == filter.OpenSource)
            .Where(r => filter.Review is null || (r.Predated.Count > 0) == filter.Review)
            .Where(r => string.IsNullOrEmpty(filter.Search)
                || r.Names.De.Contains(filter.Search, StringComparison.OrdinalIgnoreCase)
                || r.Names.En.Contains(filter.Search, StringComparison.OrdinalIgnoreCase)
                || r.Provider.De.Contains(filter.Search, StringComparison.OrdinalIgnoreCase)
                || r.Provider.En.Contains(filter.Search, StringComparison.OrdinalIgnoreCase)
                || r.Id.Contains(filter.Search, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Names.De, StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static ServiceRow Row(CatalogStore store, string id, View view)
    {
        var snapshot = store.Catalog.SnapshotOn(id, view.AsOf);
        var latest = store.Catalog.Latest(id)!;
        var shown = snapshot ?? latest;
        var result = snapshot is null
            ? store.Assessor.Unknown(id, view.AsOf, view.Authority)
            : store.Assessor.AssessService(snapshot, view.AsOf, view.Authority, "normal");
        var predated = snapshot is null ? [] : FactsAge.Predated(snapshot, store.Data.Law, view.AsOf);
        return new ServiceRow(id, shown.Names, shown.Category, shown.Provider.Names, shown.Provider.Seat, shown.OpenSource, shown.OperatingModel, result.Verdict, result.Technical, predated);
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
