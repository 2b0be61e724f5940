using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Web;

/// <summary>
/// Links to endpoints by their name, for the layouts: a page without route values, or a named route with a query
/// string, generated once per name (and path base) by endpoint routing and then reused. Every page draws about a dozen
/// such links; generating them anew each time cost about a tenth of a body page's server time (bench/README.md, issue
/// 11). A link to a page with route values (<c>/organisationen/5</c>) is not for this cache: use <c>asp-page</c>.
/// </summary>
internal static class Links
{
    private static readonly ConcurrentDictionary<(string PathBase, string Name), string> Cache = new();

    /// <summary>The path of a page that takes no route values, such as <c>/Catalog/Pages/Index</c>, with <paramref name="query"/> appended.</summary>
    public static string Page(IUrlHelper url, string page, QueryString query = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = Cache.GetOrAdd((url.ActionContext.HttpContext.Request.PathBase.Value ?? string.Empty, "page " + page), static (_, state) =>
            state.Url.Page(state.Page, values: null) ?? throw new InvalidOperationException($"no page {state.Page} to link to"), (Url: url, Page: page));
        return path + query.ToUriComponent();
    }

    /// <summary>
    /// The path of a named route, with <paramref name="query"/> appended; <paramref name="values"/> are the route's
    /// values, the same on every call (an anonymous object of constants: they are part of the cache key as text).
    /// </summary>
    public static string Route(IUrlHelper url, string routeName, object? values = null, QueryString query = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = Cache.GetOrAdd((url.ActionContext.HttpContext.Request.PathBase.Value ?? string.Empty, $"route {routeName} {values}"), static (_, state) =>
            state.Url.RouteUrl(state.Name, state.Values) ?? throw new InvalidOperationException($"no route {state.Name} to link to"), (Url: url, Name: routeName, Values: values));
        return path + query.ToUriComponent();
    }
}
