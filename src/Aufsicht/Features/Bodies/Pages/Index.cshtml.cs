using Aufsicht.Core.Bodies;
using Aufsicht.Core.Catalog;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Bodies.Pages;

/// <summary>The registry: search by name or id, filter by kind, state and region, 50 bodies a page.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class IndexModel(AufsichtDb db, IAuthorizationService authorization) : AppPage
{
    public const int PageSize = 50;

    public string? Q { get; private set; }

    public string? Kind { get; private set; }

    public string? State { get; private set; }

    public string? Region { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Pages { get; private set; } = 1;

    public int Matched { get; private set; }

    public int Total { get; private set; }

    internal IReadOnlyList<BodyRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Regions { get; private set; } = [];

    public IReadOnlyList<(string Kind, int Count)> KindCounts { get; private set; } = [];

    public bool CanChange { get; private set; }

    public async Task OnGetAsync(string? q, string? kind, string? state, string? region, string? seite, CancellationToken cancel)
    {
        (Q, Kind, State, Region) = (Blank(q), Blank(kind), Blank(state), Blank(region));
        var errors = new List<string>();
        if (Kind is not null && !FactDomains.BodyKinds.Contains(Kind))
        {
            errors.Add(Texts.T(Language, "invalid.filter", Texts.T(Language, "bodies.col.kind"), Kind));
            Kind = null;
        }

        if (State is not null && !BodyRows.States.Contains(State))
        {
            errors.Add(Texts.T(Language, "invalid.filter", Texts.T(Language, "bodies.col.state"), State));
            State = null;
        }

        // "seite", not "page": Razor Pages keeps the route value "page" for the page's own name.
        var page = seite;
        if (page is not null && (!int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1))
        {
            errors.Add(Texts.T(Language, "bodies.invalidPage"));
        }
        else
        {
            PageNumber = page is null ? 1 : int.Parse(page, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Q is { Length: > 200 })
        {
            Q = Q[..200];
        }

        Errors = errors;
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        CanChange = (await authorization.AuthorizeAsync(User, Roles.CanRunSurveys).ConfigureAwait(false)).Succeeded;
        KindCounts = (await db.Bodies.GroupBy(b => b.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel).ConfigureAwait(false))
            .OrderBy(k => FactDomains.BodyKinds.ToList().IndexOf(k.Key)).Select(k => (k.Key, k.Count)).ToList();
        Total = KindCounts.Sum(k => k.Count);
        Regions = await db.Bodies.Where(b => b.Region != null).Select(b => b.Region!).Distinct().OrderBy(r => r).ToListAsync(cancel).ConfigureAwait(false);

        var query = db.Bodies.AsNoTracking();
        if (Q is not null)
        {
            // Lower case on both sides, translated to SQL: PostgreSQL's LIKE is case-sensitive, SQLite's is not, and
            // EF cannot translate the StringComparison overload that CA1862 suggests.
            var needle = Q.ToLowerInvariant();
#pragma warning disable CA1862
            query = query.Where(b => b.Name.ToLower().Contains(needle) || b.ExternalId.ToLower().Contains(needle));
#pragma warning restore CA1862
        }

        if (Kind is not null)
        {
            query = query.Where(b => b.Kind == Kind);
        }

        if (State is not null)
        {
            query = query.Where(b => b.State == State);
        }

        if (Region is not null)
        {
            query = query.Where(b => b.Region == Region);
        }

        Matched = await query.CountAsync(cancel).ConfigureAwait(false);
        Pages = Math.Max(1, (Matched + PageSize - 1) / PageSize);
        PageNumber = Math.Min(PageNumber, Pages);
        Rows = await query.OrderBy(b => b.Name).ThenBy(b => b.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(b => new BodyRow(b.Id, b.ExternalId, b.Name, b.Kind, b.Region, b.State, b.PublicBody))
            .ToListAsync(cancel).ConfigureAwait(false);
    }

    /// <summary>The query string of this list on another page.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal) { ["q"] = Q, ["kind"] = Kind, ["state"] = State, ["region"] = Region, ["seite"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Url.Page("/Bodies/Pages/Index")!, query.Where(kv => kv.Value is not null));
    }

    /// <summary>A count with thousands separators (German 30.000, English 30,000); the app runs without culture data, so by hand.</summary>
    public string Number(int value)
    {
        var text = value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        return Language == Core.Law.Language.De ? text.Replace(',', '.') : text;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One line of the registry list.</summary>
internal sealed record BodyRow(long Id, string ExternalId, string Name, string Kind, string? Region, string State, bool PublicBody);
