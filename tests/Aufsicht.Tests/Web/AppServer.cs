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
    public static Task<AppServer> StartOnAsync(string database, params string[] extraArgs) =>
        database switch
        {
            "sqlite" => StartAsync(extraArgs),
            "postgres" => StartAsync([.. extraArgs, "--database", PostgresServer.NewDatabase()]),
            _ => throw new ArgumentOutOfRangeException(nameof(database), database, "sqlite or postgres"),
        };

    public static async Task<AppServer> StartAsync(params string[] extraArgs)
    {
        var dataDir = Directory.CreateTempSubdirectory("aufsicht-web-").FullName;
        string[] args =
        [
            "--urls", "http://127.0.0.1:0", "--data-dir", dataDir, "--catalog", Path.Combine(Cli.Repository, "data"),
            "--Logging:LogLevel:Default=Warning", .. extraArgs,
        ];
        var app = WebApp.Build(args);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AppServer(app, dataDir, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Directory.Delete(DataDir, recursive: true);
    }
}
