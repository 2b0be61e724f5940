using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Aufsicht.Tests.Web;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, started on a free loopback port,
/// stopped and deleted by a watcher once the test process has ended. Each test gets a database of its own. ./test.sh installs PostgreSQL;
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

        RemoveLeftovers();
        var dir = Directory.CreateTempSubdirectory("aufsicht-pg-").FullName;
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        WatchForExit(dir, Path.Combine(bin, "pg_ctl"), asRoot);
        if (asRoot)
        {
            Run("chown", $"postgres {dir}", asPostgres: false);
        }

        Run(Path.Combine(bin, "initdb"), $"-D {dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8", asRoot);
        Run(Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -l {dir}/log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off\" start", asRoot);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Pooling=false";
    }

    /// <summary>
    /// Stops and deletes the cluster once this test process has ended, however it ended: the test host is killed soon
    /// after the last test (a ProcessExit handler got as far as starting pg_ctl and left every cluster folder behind),
    /// and an aborted run kills it too. A small shell script, detached from this process's tree, waits for it instead.
    /// </summary>
    private static void WatchForExit(string dir, string pgCtl, bool asRoot)
    {
        // Paths from Path.GetTempPath and the Debian layout have no quotes in them; they are quoted against spaces.
        var stop = $"\"{pgCtl}\" -D \"{dir}/data\" -m immediate stop";
        var script = dir + ".cleanup.sh";
        File.WriteAllText(script, $"""
            # watching {Environment.ProcessId}
            while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done
            {(asRoot ? $"su postgres -s /bin/sh -c '{stop}'" : stop)} >/dev/null 2>&1
            rm -rf "{dir}" "$0"

            """);
        // The outer shell exits at once, so the watcher is nobody's child here and outlives a kill of this process tree.
        using var detach = Process.Start(new ProcessStartInfo("sh", ["-c", $"setsid sh \"{script}\" >/dev/null 2>&1 </dev/null &"]))!;
        detach.WaitForExit();
    }

    /// <summary>
    /// Deletes stopped cluster folders that no live watcher looks after: left behind by test runs before there was one
    /// (each left 0.1–1.3 GB in /tmp), or whose watcher was killed. A folder of a run in progress always has its
    /// watcher script, naming the test process it waits for, from its first moment.
    /// </summary>
    private static void RemoveLeftovers()
    {
        var cutoff = DateTime.UtcNow.AddMinutes(-10);
        foreach (var old in Directory.EnumerateDirectories(Path.GetTempPath(), "aufsicht-pg-*"))
        {
            var script = old + ".cleanup.sh";
            if (!Watched(script) && !File.Exists(Path.Combine(old, "data", "postmaster.pid")) && Directory.GetCreationTimeUtc(old) < cutoff)
            {
                try
                {
                    Directory.Delete(old, recursive: true);
                    File.Delete(script);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Someone else's: leave it.
                }
            }
        }
    }

    /// <summary>Whether the watcher script exists and the test process it waits for is still running.</summary>
    private static bool Watched(string script)
    {
        if (!File.Exists(script))
        {
            return false;
        }

        var first = File.ReadLines(script).FirstOrDefault() ?? string.Empty;
        return !first.StartsWith("# watching ", StringComparison.Ordinal)
            || !int.TryParse(first["# watching ".Length..], System.Globalization.CultureInfo.InvariantCulture, out var pid)
            || Directory.Exists($"/proc/{pid}");
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
