using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Aufsicht.Tests.Web;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, started on a free loopback port,
/// stopped and deleted when the test run ends. Each test gets a database of its own. ./test.sh installs PostgreSQL;
/// without it these tests fail with that instruction — they never skip.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to a new, empty database.</summary>
    public static string NewDatabase()
    {
        var name = "aufsicht_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(Server.Value + ";Database=postgres"))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return $"{Server.Value};Database={name}";
    }

    private static string Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run ./test.sh, which installs Debian's postgresql.");
        }

        var dir = Directory.CreateTempSubdirectory("aufsicht-pg-").FullName;
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", $"postgres {dir}", asPostgres: false);
        }

        Run(Path.Combine(bin, "initdb"), $"-D {dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8", asRoot);
        Run(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -l {dir}/log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off\" start", asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Run(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -m immediate stop", asRoot, check: false);
            Directory.Delete(dir, recursive: true);
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Pooling=false";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, string arguments, bool asPostgres, bool check = true)
    {
        var info = asPostgres
            ? new ProcessStartInfo("su", ["postgres", "-s", "/bin/sh", "-c", $"{program} {arguments}"])
            : new ProcessStartInfo(program, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {error} {output.Result}");
        }
    }
}
