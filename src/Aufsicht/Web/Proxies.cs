using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Aufsicht.Web;

/// <summary>
/// Running behind a reverse proxy: with <c>Aufsicht:TrustedProxies</c> (the proxies' addresses, comma-separated) the
/// client address and scheme come from the X-Forwarded-For and X-Forwarded-Proto headers those proxies set, so the
/// per-address limit on wrong links counts each client rather than the proxy. Headers from anyone else are ignored;
/// X-Forwarded-Host is never trusted (links use <c>Aufsicht:PublicUrl</c>, see <see cref="PublicAddress"/>).
/// </summary>
internal static class Proxies
{
    public const string Setting = "Aufsicht:TrustedProxies";

    /// <summary>The trusted addresses; empty when none are configured. A value that is no IP address is a <see cref="SettingException"/>.</summary>
    public static IReadOnlyList<IPAddress> From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => IPAddress.TryParse(a, out var address)
                ? address
                : throw new SettingException($"{Setting}: '{a}' is not an IP address (give the reverse proxies' addresses, comma-separated, e.g. 10.0.0.5,10.0.0.6)"))
            .ToList();
    }

    /// <summary>Takes client address and scheme from the headers of the trusted proxies, if any are configured.</summary>
    public static void UseTrustedProxies(this WebApplication app, IReadOnlyList<IPAddress> proxies)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(proxies);
        if (proxies.Count == 0)
        {
            return;
        }

        // No hop limit: with proxies in a chain the middleware walks back from the nearest and stops at the first
        // address it does not trust, so a client cannot pose as anything beyond the proxies named here.
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = null };
        // Only the configured proxies: not the defaults (loopback), which would let any local process claim an address.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(proxy);
        }

        app.UseForwardedHeaders(options);
    }
}
