using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Aufsicht.Bench.Planning;

/// <summary>
/// One run of `dotnet aufsicht.dll plan solve FILE --time-limit T --format json` as a child process: its exit code, its
/// output parsed, its wall time and its peak resident memory.
/// </summary>
internal sealed record SolverRun(int ExitCode, JsonElement? Output, string Error, double WallSeconds, double ProcessorSeconds, long PeakBytes, bool Killed)
{
    public string Status => Output is { } o && o.TryGetProperty("status", out var s) ? s.GetString() ?? "?" : "none";

    public int? Makespan => Integer("makespan");

    public int? LowerBound => Integer("lowerBound");

    private int? Integer(string name) =>
        Output is { } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    /// <summary>
    /// Peak memory: `Process.PeakWorkingSet64` cannot be read once the child has exited and been reaped on Linux (it throws,
    /// the /proc entry is gone), so /proc/PID/status's VmHWM — the kernel's high-water mark of the resident set — is
    /// read every 25 ms while it runs; the last reading before the exit is the peak up to then (growth in the final
    /// 25 ms is missed). Processor time (user + system, all threads) from /proc/PID/stat the same way, because on this
    /// shared machine the wall time also measures the others.
    /// </summary>
    public static SolverRun Run(string aufsicht, string file, int timeLimit)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[aufsicht, "plan", "solve", file, "--time-limit", timeLimit.ToString(CultureInfo.InvariantCulture), "--format", "json"])
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        double processor = 0;
        var killed = false;
        var deadline = TimeSpan.FromSeconds(timeLimit * 3 + 30);
        while (!process.WaitForExit(25))
        {
            peak = Math.Max(peak, HighWaterMark(process.Id));
            processor = Math.Max(processor, ProcessorTime(process.Id));
            if (watch.Elapsed > deadline)
            {
                process.Kill(entireProcessTree: true);
                killed = true;
            }
        }

        process.WaitForExit();
        watch.Stop();
        JsonElement? output = null;
        var text = stdout.Result;
        try
        {
            output = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            output = null;
        }

        var error = stderr.Result.Trim();
        if (output is null && text.Length > 0)
        {
            error = (error + " stdout: " + text[..Math.Min(200, text.Length)]).Trim();
        }

        return new SolverRun(process.ExitCode, output, error, watch.Elapsed.TotalSeconds, processor, peak, killed);
    }

    /// <summary>utime + stime of /proc/PID/stat (fields 14 and 15, after the parenthesised name) in seconds; Linux counts them in 1/100 s.</summary>
    private static double ProcessorTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static long HighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process exited between the poll and the read.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }
}
