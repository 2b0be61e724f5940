using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Web;

/// <summary>
/// Who may use what: every page and endpoint declares it (anonymous, or a policy), and a walk over all of them as
/// every role — anonymous included — finds each answering as declared.
/// </summary>
[Trait("Category", "Database")]
public sealed class AuthorizationTestsOnSqlite : AuthorizationTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class AuthorizationTestsOnPostgres : AuthorizationTests
{
    protected override string Database => "postgres";
}

[Trait("Category", "Database")]
public abstract class AuthorizationTests : IAsyncLifetime
{
    protected abstract string Database { get; }

    private const string Password = "correct horse battery staple";
    private static readonly string[] Roles = ["Administrator", "Supervisor", "Reader"];

    /// <summary>Which roles each policy admits; a test fails on a policy it does not know.</summary>
    private static readonly Dictionary<string, string[]> PolicyRoles = new(StringComparer.Ordinal)
    {
        ["can-edit-catalogue"] = ["Administrator", "Supervisor"],
        ["can-administer"] = ["Administrator"],
        ["can-run-surveys"] = ["Administrator", "Supervisor"],
        ["can-plan-migration"] = ["Administrator", "Supervisor"],
        ["staff"] = ["Administrator", "Supervisor", "Reader"],
    };

    private AppServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await AppServer.StartOnAsync(Database);
        foreach (var role in Roles)
        {
            await _server.CreateUserAsync($"{role.ToLowerInvariant()}@aufsicht.example", Password, role);
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private List<RouteEndpoint> Endpoints() =>
        _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void EveryEndpoint_DeclaresWhoMayUseIt()
    {
        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 10, $"{endpoints.Count} endpoints");
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(undeclared);
        var unknownPolicies = endpoints.SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>())
            .Select(a => a.Policy).Where(p => p is not null && !PolicyRoles.ContainsKey(p)).ToList();
        Assert.Empty(unknownPolicies);
    }

    [Fact]
    public async Task WalkEveryPage_AsEveryRole_AnswersAsDeclared()
    {
        var get = Endpoints()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains("GET"))
            .Where(e => !e.RoutePattern.RawText!.Contains("{*", StringComparison.Ordinal))
            .Select(e => (Path: Concrete(e.RoutePattern.RawText!), Allowed: Allowed(e)))
            .DistinctBy(e => e.Path)
            .ToList();
        Assert.Contains(get, e => e.Path == "/katalog/zoom/bearbeiten");
        var failures = new List<string>();
        foreach (var role in Roles.Prepend("anonymous"))
        {
            using var session = _server.NewSession();
            if (role != "anonymous")
            {
                Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync($"{role.ToLowerInvariant()}@aufsicht.example", Password)).Status);
            }

            foreach (var (path, allowed) in get)
            {
                var (status, _, redirect) = await session.GetAsync(path);
                var location = redirect is null ? null : new Uri(redirect.IsAbsoluteUri ? redirect.PathAndQuery : redirect.OriginalString, UriKind.Relative);
                var mayUse = allowed is null || (role != "anonymous" && allowed.Contains(role));
                var ok = mayUse
                    ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && !(status == HttpStatusCode.Redirect && location!.OriginalString.StartsWith("/anmelden", StringComparison.Ordinal))
                    : role == "anonymous"
                        ? (status == HttpStatusCode.Redirect && location!.OriginalString.StartsWith("/anmelden", StringComparison.Ordinal)) || status == HttpStatusCode.Unauthorized
                        : status == HttpStatusCode.Forbidden;
                if (!ok)
                {
                    failures.Add($"{role} GET {path}: {(int)status} {location}");
                }
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>The roles an endpoint admits; null when anyone may use it.</summary>
    private static string[]? Allowed(RouteEndpoint e)
    {
        if (e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return null;
        }

        var data = e.Metadata.GetOrderedMetadata<IAuthorizeData>();
        return data.SelectMany(a => a.Policy is { } p ? PolicyRoles[p] : a.Roles?.Split(',') ?? Roles).Distinct().ToArray();
    }

    private static string Concrete(string pattern) =>
        "/" + pattern.TrimStart('/').Replace("{id}", "zoom", StringComparison.Ordinal).Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{id:long}", "1", StringComparison.Ordinal).Replace("{format}", "csv", StringComparison.Ordinal).Replace("{bodyId:long}", "1", StringComparison.Ordinal)
            .Replace("{token}", new string('A', 43), StringComparison.Ordinal).Replace("/{token?}", string.Empty, StringComparison.Ordinal)
            .Replace("{step:regex(^(starten|schliessen|wiedereroeffnen)$)}", "schliessen", StringComparison.Ordinal);
}
