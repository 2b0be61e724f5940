using Microsoft.AspNetCore.HttpOverrides;

namespace Aufsicht.Web;

/// <summary>
/// HTTPS where the app is served over it (issue 12): a request that came over HTTPS — directly, or through a trusted
/// proxy that says so in X-Forwarded-Proto — gets Strict-Transport-Security; a request a trusted proxy received over
/// plain http is sent to the same address over https (<c>Aufsicht:HttpsRedirect=false</c> turns that off, for a proxy
/// that serves plain http on purpose); and with an https address among <c>--urls</c>, plain http from another machine
/// is sent there. Plain http on loopback — a developer's machine, the tests — stays as it is.
/// </summary>
internal static class Https
{
    public const string RedirectSetting = "Aufsicht:HttpsRedirect";

    /// <summary>One year: browsers remember to use https for this host.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public static void UseHttpsWhereServed(this WebApplication app, bool trustedProxies, int? httpsPort)
    {
        ArgumentNullException.ThrowIfNull(app);
        var redirect = app.Configuration.GetValue(RedirectSetting, defaultValue: true);
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.IsHttps)
            {
                context.Response.Headers.StrictTransportSecurity = StrictTransportSecurity;
                return next(context);
            }

            // The forwarded-headers middleware keeps the scheme it replaced in X-Original-Proto: the proxy was trusted
            // and it said the client came over http.
            var viaProxy = trustedProxies && request.Headers.ContainsKey(ForwardedHeadersDefaults.XOriginalProtoHeaderName);
            var direct = !trustedProxies && httpsPort is not null && context.Connection.RemoteIpAddress is { } remote && !System.Net.IPAddress.IsLoopback(remote);
            if (!redirect || !(viaProxy || direct) || !request.Host.HasValue)
            {
                return next(context);
            }

            var host = direct ? new HostString(request.Host.Host, httpsPort!.Value) : request.Host;
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = "https://" + host.ToUriComponent() + request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
            return Task.CompletedTask;
        });
    }
}
