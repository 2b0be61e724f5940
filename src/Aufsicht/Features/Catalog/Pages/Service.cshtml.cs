using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Catalog.Pages;

/// <summary>One service: its lights on the chosen date in the chosen view, every finding, published decisions, alternatives, history and sources.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CataloguePages.CachePolicy)]
internal sealed class ServiceModel(CatalogStore store, TimeProvider clock, AufsichtDb db) : AppPage
{
    public string Id { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;



    internal CatalogAssessment? Assessment { get; private set; }

    internal ServiceProfile? Snapshot { get; private set; }

    internal IReadOnlyList<ServiceProfile> History { get; private set; } = [];

    internal ViewPicker Picker { get; private set; } = null!;

    internal FindingText Texts { get; private set; } = null!;

    internal ServiceCatalog Catalog { get; private set; } = null!;

    internal CriteriaCatalog Criteria { get; private set; } = null!;

    internal IReadOnlyList<Aufsicht.Data.FactChangeRecord> Changes { get; private set; } = [];

    /// <summary>The legal events the shown facts predate and that can change the verdict: the page asks for a review.</summary>
    internal IReadOnlyList<LegalEvent> Predated { get; private set; } = [];

    /// <summary>Every known fact of the shown snapshot with the sources that quote for it.</summary>
    internal IReadOnlyList<(string Path, string Value, IReadOnlyList<Source> Sources)> Facts { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public bool HasPending => Conflicts.Count > 0;

    /// <summary>Where an edit made here and a newer shipped version differ: both values, for the supervisor to decide.</summary>
    internal IReadOnlyList<(string Path, string Here, string Shipped)> Conflicts { get; private set; } = [];

    public async Task OnGetAsync(string id, string? asOf, string? authority, CancellationToken cancel)
    {
        Id = id;
        Texts = store.Texts;
        Catalog = store.Catalog;
        Criteria = store.Data.Criteria;
        var view = ViewPicker.Resolve(store, clock, asOf, authority, Language, out var errors);
        Errors = errors;
        Picker = new ViewPicker(store, view, Language, asOf, authority);
        var result = CatalogQueries.Assess(store, id, view);
        if (result is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            Name = id;
            return;
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        (Assessment, Snapshot) = result.Value;
        if (Snapshot is { } shown)
        {
            Predated = FactsAge.Predated(shown, store.Data.Law, view.AsOf);
            Facts = [.. SourceCoverage.KnownValues(shown)
                .Select(f => (f.Path, f.Value, (IReadOnlyList<Source>)[.. SourceCoverage.SourcesOf(shown, f.Path).Where(s => s.Passage is not null)]))];
        }

        if (User.Identity?.IsAuthenticated == true)
        {
            // Who changed what is staff information: shown to signed-in users only.
            Changes = await db.FactChanges.Where(c => c.ServiceId == id).OrderByDescending(c => c.ChangedAt).Take(50).ToListAsync(cancel).ConfigureAwait(true);
            var pending = Snapshot is null ? null
                : await db.Snapshots.Where(s => s.ServiceId == id && s.FactsAsOf == Snapshot.FactsAsOf && s.PendingShippedJson != null).Select(s => s.PendingShippedJson)
                    .FirstOrDefaultAsync(cancel).ConfigureAwait(true);
            if (pending is not null && Core.Catalog.ProfileReader.ReadService(System.Text.Encoding.UTF8.GetBytes(pending)) is { IsOk: true } shipped)
            {
                Conflicts = Differences(Snapshot!, shipped.Value);
            }
            CanEdit = User.IsInRole(Accounts.Roles.Administrator) || User.IsInRole(Accounts.Roles.Supervisor);
        }

        History = store.Catalog.History(id);
        Name = (Snapshot ?? store.Catalog.Latest(id)!).Names.In(Language);
    }

    private static List<(string, string, string)> Differences(ServiceProfile here, ServiceProfile shipped)
    {
        static string Show(object? value) => value switch
        {
            null => "unknown",
            bool b => b ? "true" : "false",
            IEnumerable<string> list => string.Join(", ", list),
            _ => value.ToString() ?? string.Empty,
        };

        var rows = new List<(string, string, string)>();
        void Compare(string path, object? a, object? b)
        {
            if (Show(a) != Show(b))
            {
                rows.Add((path, Show(a), Show(b)));
            }
        }

        Compare("name", here.Name, shipped.Name);
        Compare("operatingModel", here.OperatingModel, shipped.OperatingModel);
        Compare("provider.seat", here.Provider.Seat, shipped.Provider.Seat);
        Compare("processing.countries", here.Countries, shipped.Countries);
        Compare("processing.providerCanReadContent", here.ProviderCanReadContent, shipped.ProviderCanReadContent);
        foreach (var path in here.Facts.Keys.Union(shipped.Facts.Keys).Order(StringComparer.Ordinal))
        {
            Compare(path, here.Fact(path), shipped.Fact(path));
        }

        Compare("transfers", here.Transfers.Select(t => $"{t.To}:{t.Tool}"), shipped.Transfers.Select(t => $"{t.To}:{t.Tool}"));
        Compare("sources", here.Sources.Count, shipped.Sources.Count);
        return rows;
    }

    /// <summary>A fact's value by its name in the page's language; no value (a fact newly set) is a dash.</summary>
    internal string ValueName(string path, string? value) => value is null ? "—" : store.Texts.ValueName(path, value, Language);

    /// <summary>
    /// A value of the conflicts table by its name: transfers ("US:scc-2021, …") by the names of their tools, lists
    /// (countries) item by item, anything else as <see cref="ValueName"/> gives it.
    /// </summary>
    internal string ConflictValue(string path, string value) => path switch
    {
        "transfers" => string.Join(", ", value.Split(", ", StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Split(':', 2) is [var to, var tool] ? $"{to} ({Criteria.Term("tool:" + tool, Language)})" : t)),
        "processing.countries" => string.Join(", ", value.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(v => ValueName(path, v))),
        _ => ValueName(path, value),
    };

    /// <summary>The facts a source is about, by their names in the page's language.</summary>
    internal string FactName(string paths) => store.Texts.FactName(paths, Language);
}
