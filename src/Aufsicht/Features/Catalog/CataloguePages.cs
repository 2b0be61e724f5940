using Aufsicht.Web;
using Microsoft.AspNetCore.OutputCaching;

namespace Aufsicht.Features.Catalog;

/// <summary>
/// The catalogue pages and API reads are the same for every anonymous visitor who asks the same question, so their
/// answers are cached: keyed by path and query, language, the day (the default as-of date) and the catalogue's
/// version (an edit, here or on another instance, makes a new key). Only anonymous GETs with status 200 and no cookie
/// set are cached (ASP.NET Core's default output-cache rules); signed-in staff always get a fresh page.
/// Switch off with <c>--Aufsicht:OutputCache=false</c>.
/// </summary>
internal static class CataloguePages
{
    public const string CachePolicy = "catalogue";

    public static void Cache(OutputCachePolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Expire(TimeSpan.FromMinutes(5))
            .SetVaryByQuery("*")
            .SetVaryByHeader("Accept-Language")
            .VaryByValue(context =>
            {
                var store = context.RequestServices.GetRequiredService<CatalogStore>();
                var today = DateOnly.FromDateTime(context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                var language = context.Request.Cookies.TryGetValue(UiLanguageMiddleware.Cookie, out var lang) ? lang : string.Empty;
                return new KeyValuePair<string, string>("catalogue", FormattableString.Invariant($"{store.Version}|{today.DayNumber}|{language}"));
            });
    }
}
