using Aufsicht.Core.Law;

namespace Aufsicht.Web;

/// <summary>
/// German first, English complete: the language of a request comes from the language cookie (set by the switch
/// links), else the browser's Accept-Language, else German.
/// </summary>
internal sealed class UiLanguageMiddleware(RequestDelegate next)
{
    public const string Cookie = "aufsicht-lang";

    /// <summary>The name of the endpoint that switches the language (<see cref="Switch"/>), for links.</summary>
    public const string SwitchRoute = "LanguageSwitch";
    private const string Key = "aufsicht.language";

    public Task InvokeAsync(HttpContext context)
    {
        context.Items[Key] = Resolve(context.Request);
        return next(context);
    }

    public static Language Of(HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is Language language ? language : Language.De;

    private static Language Resolve(HttpRequest request)
    {
        if (request.Cookies.TryGetValue(Cookie, out var cookie) && cookie is "de" or "en")
        {
            return cookie == "en" ? Language.En : Language.De;
        }

        var accept = request.Headers.AcceptLanguage.ToString();
        return accept.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.De;
    }

    /// <summary>GET /sprache?lang=en&amp;back=/katalog: remembers the choice in a cookie and goes back (a link, so it works without JavaScript).</summary>
    public static IResult Switch(HttpContext context, string? lang, string? back)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (lang is not ("de" or "en"))
        {
            return TypedResults.Problem(statusCode: 400, title: "lang: expected de or en");
        }

        context.Response.Cookies.Append(Cookie, lang, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });

        // Only local paths: no open redirect.
        return TypedResults.Redirect(LocalUrl.OrRoot(back));
    }
}
