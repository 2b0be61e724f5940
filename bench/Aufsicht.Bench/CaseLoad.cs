using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Aufsicht.Bench;

/// <summary>
/// The issue 13 case benchmarks, against a running server filled by <c>aufsicht demo</c>: as the demo supervisor,
/// opening cases for every deficient body of a campaign in one request (the dashboard's "all deficient bodies"), then
/// the case list — its first page, a filtered page and a page deep in the list — requested many times in a row.
/// Times are the wall time of each request on this side.
/// </summary>
public static partial class CaseLoad
{
    public const string Usage = "cases --url URL --password PW [--email demo@aufsicht.example] [--campaign 1] [--repeat 30] [--server-pid PID]";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (!options.TryGetValue("--url", out var address) || !options.TryGetValue("--password", out var password))
        {
            await Console.Error.WriteLineAsync("usage: " + Usage).ConfigureAwait(false);
            return 2;
        }

        var url = new Uri(address);
        var campaign = options.GetValueOrDefault("--campaign", "1");
        var repeat = int.Parse(options.GetValueOrDefault("--repeat", "30"), CultureInfo.InvariantCulture);
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var session = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };

        var (login, _) = await PostAsync(session, "/anmelden", "/anmelden", [("email", options.GetValueOrDefault("--email", "demo@aufsicht.example")), ("password", password), ("returnUrl", "/")]).ConfigureAwait(false);
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            await Console.Error.WriteLineAsync($"cases: sign-in answered {(int)login.StatusCode}: wrong password?").ConfigureAwait(false);
            return 1;
        }

        // With the server's process id (same machine), also its processor time during the POST: on a machine shared with
        // other builds the wall time mostly measures them.
        var server = options.TryGetValue("--server-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : (int?)null;
        var cpuBefore = server is { } p ? ProcessorSeconds(p) : 0;
        var (open, seconds) = await PostAsync(session, $"/umfragen/{campaign}", $"/umfragen/{campaign}?handler=OpenCases", []).ConfigureAwait(false);
        var cpu = server is { } q ? $", server processor time {ProcessorSeconds(q) - cpuBefore:F2} s" : string.Empty;
        var location = open.Headers.Location?.OriginalString ?? string.Empty;
        var opened = Opened().Match(location);
        if (open.StatusCode != HttpStatusCode.Redirect || !opened.Success)
        {
            await Console.Error.WriteLineAsync($"cases: opening answered {(int)open.StatusCode} {location}").ConfigureAwait(false);
            return 1;
        }

        Console.WriteLine($"POST /umfragen/{campaign}?handler=OpenCases (all deficient bodies): {opened.Groups["n"].Value} cases opened in {seconds:F2} s{cpu}");

        var total = int.Parse(opened.Groups["n"].Value, CultureInfo.InvariantCulture);
        foreach (var path in (string[])["/verfahren", "/verfahren?stand=opened&kampagne=" + campaign, $"/verfahren?seite={Math.Max(0, total / 50 - 1)}"])
        {
            var times = new List<double>(repeat);
            for (var i = 0; i < repeat + 3; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await session.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
                _ = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                watch.Stop();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    await Console.Error.WriteLineAsync($"cases: {path} answered {(int)response.StatusCode}").ConfigureAwait(false);
                    return 1;
                }

                if (i >= 3)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds); // the first three warm the server up
                }
            }

            times.Sort();
            Console.WriteLine($"GET {path} ({total} cases): median {times[times.Count / 2]:F1} ms, p95 {times[(int)Math.Ceiling(0.95 * times.Count) - 1]:F1} ms, max {times[^1]:F1} ms over {repeat}");
        }

        return 0;
    }

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/>; the seconds of the POST alone.</summary>
    private static async Task<(HttpResponseMessage Response, double Seconds)> PostAsync(HttpClient session, string formPage, string action, (string, string)[] fields)
    {
        var form = await session.GetStringAsync(new Uri(formPage, UriKind.Relative)).ConfigureAwait(false);
        var token = Antiforgery().Match(form) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"{formPage} has no antiforgery token");
        using var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        var watch = Stopwatch.StartNew();
        var response = await session.PostAsync(new Uri(action, UriKind.Relative), content).ConfigureAwait(false);
        watch.Stop();
        return (response, watch.Elapsed.TotalSeconds);
    }

    /// <summary>User and system processor seconds of a process so far, all its threads.</summary>
    private static double ProcessorSeconds(int pid)
    {
        using var process = Process.GetProcessById(pid);
        return process.TotalProcessorTime.TotalSeconds;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex(@"eroeffnet=(?<n>\d+)")]
    private static partial Regex Opened();
}
