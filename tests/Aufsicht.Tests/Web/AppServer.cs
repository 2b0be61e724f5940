using Aufsicht.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Aufsicht.Tests.Web;

/// <summary>
/// The real application on a real Kestrel port (127.0.0.1, a free port), with its data in a fresh temporary folder
/// and the repository's catalogue: what a browser or an HTTP client talks to in these tests.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AppServer(WebApplication app, string dataDir, Uri address)
    {
        _app = app;
        DataDir = dataDir;
        Address = address;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public Uri Address { get; }

    public string DataDir { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the app on the given database: "sqlite" (a file in the data folder) or "postgres" (a new database on the test cluster).</summary>
    public static Task<AppServer> StartOnAsync(string database, params string[] extraArgs) => StartOnAsync(database, null, extraArgs);

    /// <summary>As <see cref="StartOnAsync(string, string[])"/>, with a clock of the test's in place of the system clock.</summary>
    public static Task<AppServer> StartOnAsync(string database, TimeProvider? clock, params string[] extraArgs) =>
        database switch
        {
            "sqlite" => StartAsync(clock, extraArgs),
            "postgres" => StartAsync(clock, [.. extraArgs, "--database", PostgresServer.NewDatabase()]),
            _ => throw new ArgumentOutOfRangeException(nameof(database), database, "sqlite or postgres"),
        };

    public static Task<AppServer> StartAsync(params string[] extraArgs) => StartAsync(clock: null, extraArgs);

    /// <summary>Starts the app with a clock of the test's (e.g. a FakeTimeProvider) in place of the system clock.</summary>
    public static async Task<AppServer> StartAsync(TimeProvider? clock, params string[] extraArgs)
    {
        var dataDir = Directory.CreateTempSubdirectory("aufsicht-web-").FullName;
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--data-dir", dataDir, "--catalog", Path.Combine(Cli.Repository, "data"),
            "--Logging:LogLevel:Default=Warning", "--Aufsicht:ForbidSynchronousDatabase=true", .. extraArgs,
        ];
        var app = WebApp.Build(args, clock is null ? null : builder => builder.Services.AddSingleton(clock));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AppServer(app, dataDir, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Runs a test's own query on the app's database. The test may wait for it synchronously (it is no request); the
    /// app's requests and workers run in flows of their own, where <see cref="Data.SynchronousAccessGuard"/> stays on.
    /// </summary>
    public T Db<T>(Func<Data.AufsichtDb, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var allowed = Data.SynchronousAccessGuard.Allow();
        using var scope = _app.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<Data.AufsichtDb>());
    }

    /// <summary>Creates an account with a role directly in the app's database (as `aufsicht admin create-user` does).</summary>
    public async Task CreateUserAsync(string email, string password, string role)
    {
        using var scope = _app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
        var user = new Microsoft.AspNetCore.Identity.IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role).ConfigureAwait(false);
    }

    /// <summary>The demo's fictional bodies and running campaign (as `aufsicht demo` makes them): the campaign's id and the first body's link token.</summary>
    public async Task<(long Campaign, string Token)> SeedDemoAsync(int bodies)
    {
        var tokens = Path.Combine(Path.GetTempPath(), $"aufsicht-demo-{Guid.NewGuid():N}.txt");
        try
        {
            using var scope = _app.Services.CreateScope();
            var (campaign, _) = await Aufsicht.Features.Campaigns.DemoCommand.SeedAsync(scope.ServiceProvider, bodies, DateTime.UtcNow, tokens, CancellationToken.None).ConfigureAwait(false);
            return (campaign, (await File.ReadAllLinesAsync(tokens).ConfigureAwait(false))[0]);
        }
        finally
        {
            File.Delete(tokens);
        }
    }

    /// <summary>A browser-like client: its own cookies, no automatic redirects; <paramref name="host"/> forges the Host header.</summary>
    public Session NewSession(string? host = null) => new(Address, host);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(DataDir, recursive: true);
    }
}

/// <summary>One user's HTTP session: cookies kept, forms posted with their antiforgery token as a browser would.</summary>
public sealed class Session : IDisposable
{
    private readonly HttpClient _client;

    public Session(Uri address, string? host = null)
    {
        Cookies = new System.Net.CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        if (host is not null)
        {
            _client.DefaultRequestHeaders.Host = host;
        }
    }

    public System.Net.CookieContainer Cookies { get; }

    public async Task<(System.Net.HttpStatusCode Status, string Body, Uri? Location)> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false), response.Headers.Location);
    }

    /// <summary>Reads the form's antiforgery token from <paramref name="formPage"/>, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<(System.Net.HttpStatusCode Status, string Body, Uri? Location)> PostFormAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields, string? tokenOverride = null)
    {
        var (_, page, _) = await GetAsync(formPage).ConfigureAwait(false);
        var match = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        var token = tokenOverride ?? (match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"{formPage} has no antiforgery token"));
        using var content = new FormUrlEncodedContent(fields.Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        using var response = await _client.PostAsync(action, content).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false), response.Headers.Location);
    }

    /// <summary>Posts the fields as they are (the caller adds any antiforgery token), without reading a form first.</summary>
    public async Task<(System.Net.HttpStatusCode Status, string Body, Uri? Location)> PostAsync(string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await _client.PostAsync(action, content).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false), response.Headers.Location);
    }

    /// <summary>Like <see cref="PostFormAsync"/>, but as multipart/form-data with one file, as a browser uploads it.</summary>
    public async Task<(System.Net.HttpStatusCode Status, string Body, Uri? Location)> PostFileAsync(string formPage, string action, string fileField, string fileName, byte[] content,
        IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        var (_, page, _) = await GetAsync(formPage).ConfigureAwait(false);
        var match = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        var token = match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"{formPage} has no antiforgery token");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in (fields ?? []).Append(KeyValuePair.Create("__RequestVerificationToken", token)))
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, fileField, fileName);
        using var response = await _client.PostAsync(action, form).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false), response.Headers.Location);
    }

    /// <summary>A download: status, content type and bytes.</summary>
    public async Task<(System.Net.HttpStatusCode Status, string? ContentType, byte[] Content)> DownloadAsync(string path)
    {
        using var response = await _client.GetAsync(path).ConfigureAwait(false);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
    }

    public Task<(System.Net.HttpStatusCode Status, string Body, Uri? Location)> LoginAsync(string email, string password) =>
        PostFormAsync("/anmelden", "/anmelden", [KeyValuePair.Create("email", email), KeyValuePair.Create("password", password), KeyValuePair.Create("returnUrl", "/")]);

    public void Dispose() => _client.Dispose();
}
