using Aufsicht.Core.Law;

namespace Aufsicht.Features.Catalog.Pages;

/// <summary>
/// The as-of date and authority pickers of the catalogue pages: plain GET form fields, so "what was the verdict on
/// 3 July 2020 in Mecklenburg-Vorpommern's view?" works without JavaScript and can be bookmarked.
/// </summary>
internal sealed class ViewPicker(CatalogStore store, View view, Language language, string? asOf, string? authority)
{
    public View View => view;

    public Language Language => language;

    public string AsOf => view.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string Authority => view.Authority.Id;

    public IEnumerable<(string Id, string Label)> Authorities =>
        store.Catalog.Authorities.Select(a => (a.Id, $"{a.Abbreviation} — {a.Name.In(language)}"));

    public bool ViewLaterThanDate => view.Authority.ValidFrom > view.AsOf;

    /// <summary>
    /// The route values of a service's page that carry the chosen view to it (only what the user chose), for
    /// <c>asp-all-route-data</c> (which replaces any <c>asp-route-id</c>, so the id is in here too).
    /// </summary>
    public Dictionary<string, string> ServiceRoute(string serviceId)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = serviceId };
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            values["asOf"] = AsOf;
        }

        if (!string.IsNullOrWhiteSpace(authority) && store.Catalog.FindAuthority(authority) is not null)
        {
            values["authority"] = authority;
        }

        return values;
    }

    /// <summary>The view asked for; on bad input the default view and a message per bad field.</summary>
    public static View Resolve(CatalogStore store, TimeProvider clock, string? asOf, string? authority, Language language, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var result = CatalogQueries.ResolveView(store, asOf, authority, today);
        if (result.IsOk)
        {
            errors = [];
            return result.Value;
        }

        errors = result.Errors.Select(e => e.Field == "asOf"
            ? Texts.T(language, "invalid.date", Short(asOf))
            : Texts.T(language, "invalid.authority", Short(authority))).ToList();
        var fallback = CatalogQueries.ResolveView(store, result.Errors.Any(e => e.Field == "asOf") ? null : asOf, result.Errors.Any(e => e.Field == "authority") ? null : authority, today);
        return fallback.Value;
    }

    private static string Short(string? text) => text is null ? string.Empty : text.Length <= 40 ? text : text[..37] + "...";
}
