using System.Text;
using System.Text.Json;
using Aufsicht.Cli;

namespace Aufsicht.Tests;

/// <summary>Runs the `aufsicht` command in-process with captured streams, as a user's shell would see it.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement;

    public IReadOnlyList<JsonElement> Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
}

public static class Cli
{
    public static string Repository { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Aufsicht.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Aufsicht.slnx not found");
    }

    public static CliResult Run(params string[] args) => RunWithInput(null, args);

    public static CliResult RunWithInput(string? stdin, params string[] args)
    {
        var stdout = new KeepOpenStream();
        var stderr = new StringWriter();
        var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty));
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        var context = new CliContext(() => stdout, stderr, () => input, clock, colour: false);
        var code = CommandLineApp.Run([.. args, .. DataArgs(args)], context);
        return new CliResult(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    /// <summary>Tests use the repository's data folder, so a data change needs no rebuild to be seen.</summary>
    private static string[] DataArgs(string[] args) =>
        args.Contains("--data") || args.Length < 2 || args[0] is "--help" or "--version" or "db" or "backup" or "restore" or "admin" or "bodies" or "demo" or "audit" or "plan" || (args[0] == "inventory" && args[1] != "from-campaign") ? [] : ["--data", Path.Combine(Repository, "data")];

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Commands dispose stdout when done; the test still wants to read it, so disposing only marks it.</summary>
    private sealed class KeepOpenStream : MemoryStream
    {
#pragma warning disable CA2215 // Keeping the buffer readable after the command disposed its stdout is the point.
        protected override void Dispose(bool disposing)
        {
        }
#pragma warning restore CA2215
    }
}
