using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Aufsicht.Web;

/// <summary>
/// The address invitation links point to: <c>Aufsicht:PublicUrl</c> when set. Without it, the address the request came
/// to — but only if its Host is one this server answers to by name (a concrete entry of <c>AllowedHosts</c>) or one
/// it listens on; otherwise the first address it listens on. Never an arbitrary Host header: a forged one would send
/// every body a link to someone else's server (issue 12).
/// </summary>
internal sealed class PublicAddress(IConfiguration configuration, IServer server)
{
    public const string Setting = "Aufsicht:PublicUrl";

    public string For(HttpRequest? request)
    {
        if (configuration[Setting] is { Length: > 0 } configured)
        {
            return configured;
        }

        var listening = Listening();
        if (request is not null && request.Host.HasValue)
        {
            var host = request.Host;
            var named = AllowedHosts(configuration).Any(a => Matches(a, host.Host));
            var own = listening.Any(l => Uri.TryCreate(l, UriKind.Absolute, out var uri)
                && string.Equals(uri.Host, host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase) && uri.Port == (host.Port ?? (request.IsHttps ? 443 : 80)));
            if (named || own)
            {
                return $"{request.Scheme}://{host.ToUriComponent()}";
            }
        }

        return listening.FirstOrDefault() ?? WebApp.DefaultUrl;
    }

    /// <summary>The concrete host names of <c>AllowedHosts</c> (semicolon-separated; "*" allows any and names none).</summary>
    public static IReadOnlyList<string> AllowedHosts(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return (configuration["AllowedHosts"] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(h => h != "*")
            .ToList();
    }

    private static bool Matches(string allowed, string host) =>
        allowed.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(allowed.Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase);

    /// <summary>The addresses the server listens on, a wildcard ("0.0.0.0", "[::]", "+", "*") read as loopback.</summary>
    private List<string> Listening() =>
        (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(a => a.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal))
            .ToList();
}
