using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Aufsicht.Tests.Shared;

namespace Aufsicht.Bench;

/// <summary>
/// The issue 4 load driver, against a running server filled by <c>aufsicht demo</c>: the <c>/healthz</c> ceiling,
/// concurrent submissions over the answer API (each worker owns a disjoint slice of the invitation tokens, so no two
/// requests ever race for one response, and no wrong token is ever sent), then as a signed-in supervisor the
/// campaign's dashboard and a whole-campaign re-evaluation. Latency is the wall time of each request on this side.
/// </summary>
public static partial class SurveyLoad
{
    public const string Usage =
        "surveys --url URL --tokens FILE --password PW [--email demo@aufsicht.example] [--seconds 10] [--warmup 2] [--concurrency 32] [--campaign 1] [--server-pid PID]";

    // Two complete answer sets (tests/Shared/SurveyAnswers.cs, as a body's system would send them): a self-operated system and a SaaS one hosted in a
    // third country, so the evaluation on each submission does real work. Alternated per request, and USERS replaced by
    // a number that grows with every request of a worker: no submission repeats a body's previous one, which the
    // server would answer with the earlier receipt without writing.
    private static readonly string[] Bodies =
    [
        SurveyAnswers.Json("jitsi-self-operated", "USERS"),
        SurveyAnswers.Json(
            "zoom", "USERS", ("operatingModel", "saas"), ("hosting", "third-country"), ("purposes", "teaching"), ("purposes", "parent-meetings"),
            ("participants", "pupils"), ("participants", "teachers"), ("protectionNeed", "high"), ("dpia", "threshold-only"),
            ("participantsInformed", "partial"), ("telemetryBlocked", "unknown")),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync("usage: " + Usage).ConfigureAwait(false);
            return 2;
        }

        var url = new Uri(options["--url"]);
        var tokens = (await File.ReadAllLinesAsync(options["--tokens"]).ConfigureAwait(false)).Where(t => t.Length > 0).ToArray();
        var seconds = Number(options, "--seconds", 10);
        var warmup = Number(options, "--warmup", 2);
        var concurrency = Number(options, "--concurrency", 32);
        var campaign = Number(options, "--campaign", 1);
        var email = options.GetValueOrDefault("--email", "demo@aufsicht.example");
        // With the server's process id (Linux), each load phase also reports the CPU time it cost the server and this
        // driver per request: a figure that holds when the machine is shared, unlike requests per second.
        var serverPid = options.TryGetValue("--server-pid", out var pidText) ? int.Parse(pidText, CultureInfo.InvariantCulture) : (int?)null;
        if (tokens.Length < concurrency)
        {
            await Console.Error.WriteLineAsync($"surveys: {tokens.Length} tokens for {concurrency} workers; each worker needs tokens of its own").ConfigureAwait(false);
            return 2;
        }

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        var bodies = Bodies.Select(b => b.ReplaceLineEndings(string.Empty)).ToArray();

        // Each worker w owns tokens w, w + concurrency, w + 2·concurrency, …: disjoint, and wrapping round within its own slice.
        var slices = Enumerable.Range(0, concurrency).Select(w => tokens.Where((_, i) => i % concurrency == w).ToArray()).ToArray();
        var positions = new int[concurrency];
        Func<int, int, Task<(HttpStatusCode Status, string? Problem)>> submit = async (worker, n) =>
        {
            var slice = slices[worker];
            var position = positions[worker]++;
            var token = slice[position % slice.Length];
            // Grows with each request of this worker, so each token's next submission differs from its last.
            var users = (position + 1).ToString(CultureInfo.InvariantCulture);
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(bodies[n % bodies.Length].Replace("USERS", users, StringComparison.Ordinal)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PutAsync(new Uri("/api/v1/antworten/" + token, UriKind.Relative), content).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? null : text);
        };
        Func<int, int, Task<(HttpStatusCode Status, string? Problem)>> health = async (_, _) =>
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative)).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return (response.StatusCode, null);
        };

        Console.WriteLine($"driver: {url}, {concurrency} concurrent workers, {warmup} s warm-up then {seconds} s per load phase, {tokens.Length} tokens");
        await LoadAsync(health, concurrency, warmup).ConfigureAwait(false);
        var cpu = Cpu(serverPid);
        var healthz = await LoadAsync(health, concurrency, seconds).ConfigureAwait(false);
        Console.WriteLine($"GET /healthz: {healthz.Describe()}{CpuPerRequest(cpu, Cpu(serverPid), healthz.Latencies.Count)}");
        var submitWarmup = await LoadAsync(submit, concurrency, warmup).ConfigureAwait(false);
        Console.WriteLine($"PUT /api/v1/antworten/{{token}} (submit), warm-up: {submitWarmup.Describe()}");
        foreach (var (status, count, example) in submitWarmup.Failures)
        {
            Console.WriteLine($"  {count} × {(int)status} {status}: {example}");
        }

        cpu = Cpu(serverPid);
        var submissions = await LoadAsync(submit, concurrency, seconds).ConfigureAwait(false);
        Console.WriteLine($"PUT /api/v1/antworten/{{token}} (submit): {submissions.Describe()}{CpuPerRequest(cpu, Cpu(serverPid), submissions.Latencies.Count)}");
        foreach (var (status, count, example) in submissions.Failures)
        {
            Console.WriteLine($"  {count} × {(int)status} {status}: {example}");
        }

        // The supervisor's side: one session with cookies, sequential requests as one person clicking.
        var cookies = new CookieContainer();
        using var sessionHandler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var session = new HttpClient(sessionHandler) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
        var (loginStatus, _) = await PostFormAsync(session, "/anmelden", [("email", email), ("password", options["--password"]), ("returnUrl", "/")]).ConfigureAwait(false);
        if (loginStatus != HttpStatusCode.Redirect)
        {
            await Console.Error.WriteLineAsync($"surveys: sign-in as {email} answered {(int)loginStatus}, not a redirect: wrong password?").ConfigureAwait(false);
            return 1;
        }

        // Signed-in staff pages under the same load as the submissions (issue 11): every worker sends the supervisor's
        // cookies; the dashboard of the campaign, then a body's page (bodies 1–1,000 in turn), then both together — the
        // staff load of the issue: each worker alternates between the dashboard and a body's page.
        var cookieHeader = cookies.GetCookieHeader(url);
        Func<Func<int, string>, Func<int, int, Task<(HttpStatusCode Status, string? Problem)>>> signedIn = path => async (_, n) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path(n), UriKind.Relative));
            request.Headers.Add("Cookie", cookieHeader);
            using var response = await client.SendAsync(request).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? null : text[..Math.Min(300, text.Length)]);
        };
        static string Body(int n) => "/organisationen/" + ((n % 1000) + 1).ToString(CultureInfo.InvariantCulture);
        var dashboardOf = $"/umfragen/{campaign}";
        var staff = new List<(string Name, Load Load)>();
        foreach (var (name, shown, path) in ((string, string, Func<int, string>)[])[
            ("dashboard", dashboardOf, _ => dashboardOf),
            ("body page", "/organisationen/{n}", Body),
            ("staff pages, dashboard and body page alternating", $"{dashboardOf} | /organisationen/{{n}}", n => n % 2 == 0 ? dashboardOf : Body(n / 2))])
        {
            await LoadAsync(signedIn(path), concurrency, warmup).ConfigureAwait(false);
            cpu = Cpu(serverPid);
            var load = await LoadAsync(signedIn(path), concurrency, seconds).ConfigureAwait(false);
            Console.WriteLine($"GET {shown} ({name}, signed in): {load.Describe()}{CpuPerRequest(cpu, Cpu(serverPid), load.Latencies.Count)}");
            foreach (var (status, count, example) in load.Failures)
            {
                Console.WriteLine($"  {count} × {(int)status} {status}: {example}");
            }

            staff.Add((name, load));
        }

        var dashboardPath = $"/umfragen/{campaign}";
        var dashboard = new List<double>();
        for (var i = 0; i < 23; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await session.GetAsync(new Uri(dashboardPath, UriKind.Relative)).ConfigureAwait(false);
            var page = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var ms = watch.Elapsed.TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                await Console.Error.WriteLineAsync($"surveys: GET {dashboardPath} answered {(int)response.StatusCode}").ConfigureAwait(false);
                return 1;
            }

            if (i >= 3)
            {
                dashboard.Add(ms);
            }
        }

        dashboard.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GET {dashboardPath} (dashboard), 20 sequential after 3 warm-ups: median {Percentile(dashboard, 50):0.0} ms, p95 {Percentile(dashboard, 95):0.0} ms, max {dashboard[^1]:0.0} ms"));

        var reevaluatePath = $"/umfragen/{campaign}/neu-bewerten";
        var reevaluations = new List<(double Wall, string Server, string Bodies)>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var (status, page) = await PostFormAsync(session, reevaluatePath, [("asOf", string.Empty), ("authority", string.Empty)], watch).ConfigureAwait(false);
            var wall = watch.Elapsed.TotalMilliseconds;
            var done = DoneMessage().Match(page);
            if (status != HttpStatusCode.OK || !done.Success)
            {
                await Console.Error.WriteLineAsync($"surveys: POST {reevaluatePath} answered {(int)status} without the done message").ConfigureAwait(false);
                return 1;
            }

            reevaluations.Add((wall, done.Groups["seconds"].Value, done.Groups["bodies"].Value));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"POST {reevaluatePath} #{i + 1}: {done.Groups["bodies"].Value} bodies, HTTP wall {wall / 1000:0.00} s, server's own figure {done.Groups["seconds"].Value} s"));
        }

        Console.WriteLine();
        Console.WriteLine("| measurement | result | target |");
        Console.WriteLine("|---|---:|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| GET /healthz, {concurrency} concurrent (ceiling) | {healthz.Rate:N0} req/s, p99 {healthz.P(99):0.0} ms | — |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| submissions, {concurrency} concurrent | {submissions.Rate:N0} /s, p50 {submissions.P(50):0.0} / p95 {submissions.P(95):0.0} / p99 {submissions.P(99):0.0} / max {submissions.P(100):0.0} ms, {submissions.Failed} non-200 | ≥ 1,000 /s, p99 < 100 ms |"));
        foreach (var (name, load) in staff)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name}, {concurrency} concurrent signed-in clients | {load.Rate:N0} req/s ({load.Rate / healthz.Rate * 100:0.0} % of /healthz), p50 {load.P(50):0.0} / p99 {load.P(99):0.0} ms, {load.Failed} non-200 | {name switch { "dashboard" => "≥ 1 % of /healthz, p99 < 1 s", "body page" => "—", _ => "≥ 2× the synchronous version, lower p99" }} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| dashboard, median of 20 | {Percentile(dashboard, 50):0.0} ms (p95 {Percentile(dashboard, 95):0.0}, max {dashboard[^1]:0.0}) | < 300 ms |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| re-evaluation of {reevaluations[0].Bodies} answered bodies, HTTP wall (server's figure) | {string.Join(", ", reevaluations.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Wall / 1000:0.00} s ({r.Server} s)")))} | < 3 s |"));
        return submissions.Failed + submitWarmup.Failed + staff.Sum(s => s.Load.Failed) == 0 ? 0 : 1;
    }

    /// <summary>Runs <paramref name="request"/> in <paramref name="concurrency"/> loops for <paramref name="seconds"/>; each loop waits for its answer before the next.</summary>
    private static async Task<Load> LoadAsync(Func<int, int, Task<(HttpStatusCode Status, string? Problem)>> request, int concurrency, int seconds)
    {
        var latencies = new List<double>[concurrency];
        var failures = new List<(HttpStatusCode, string?)>[concurrency];
        var total = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(4096);
            var failed = failures[w] = [];
            for (var n = w; total.Elapsed < end; n++)
            {
                var start = Stopwatch.GetTimestamp();
                var (status, problem) = await request(w, n).ConfigureAwait(false);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (status != HttpStatusCode.OK)
                {
                    failed.Add((status, problem));
                }
            }
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var elapsed = total.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        var grouped = failures.SelectMany(f => f).GroupBy(f => f.Item1)
            .Select(g => (g.Key, g.Count(), g.First().Item2 is { } text ? text[..Math.Min(300, text.Length)] : string.Empty)).ToList();
        return new Load(all, elapsed, grouped);
    }

    private sealed record Load(List<double> Latencies, double Seconds, List<(HttpStatusCode Status, int Count, string Example)> Failures)
    {
        public double Rate => Latencies.Count / Seconds;

        public int Failed => Failures.Sum(f => f.Count);

        public double P(double p) => Percentile(Latencies, p);

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{Latencies.Count:N0} requests in {Seconds:0.00} s = {Rate:N0}/s; latency p50 {P(50):0.0} ms, p95 {P(95):0.0} ms, p99 {P(99):0.0} ms, max {P(100):0.0} ms; non-200: {Failed}");
    }

    /// <summary>CPU time used so far by the server (from /proc/PID/stat: user + system ticks) and by this driver; null without a pid.</summary>
    private static (TimeSpan Server, TimeSpan Driver)? Cpu(int? pid)
    {
        if (pid is null)
        {
            return null;
        }

        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat (utime, stime), counted from after the command name; clock ticks of 1/100 s on Linux.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (TimeSpan.FromMilliseconds(ticks * 10), Process.GetCurrentProcess().TotalProcessorTime);
    }

    private static string CpuPerRequest((TimeSpan Server, TimeSpan Driver)? before, (TimeSpan Server, TimeSpan Driver)? after, int requests) =>
        before is { } b && after is { } a && requests > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"; CPU per request: server {(a.Server - b.Server).TotalMilliseconds / requests:0.000} ms, driver {(a.Driver - b.Driver).TotalMilliseconds / requests:0.000} ms")
            : string.Empty;

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>GETs the form page for its antiforgery token, then posts the fields to the same path; <paramref name="watch"/> restarts before the POST.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> PostFormAsync(HttpClient session, string path, (string, string)[] fields, Stopwatch? watch = null)
    {
        var form = await session.GetStringAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
        var token = Antiforgery().Match(form) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"{path} has no antiforgery token");
        using var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        watch?.Restart();
        using var response = await session.PostAsync(new Uri(path, UriKind.Relative), content).ConfigureAwait(false);
        return (response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    private static Dictionary<string, string>? Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            options[args[i]] = args[i + 1];
        }

        return options.ContainsKey("--url") && options.ContainsKey("--tokens") && options.ContainsKey("--password") ? options : null;
    }

    private static int Number(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex(@"(?<bodies>\d+) (Antworten neu bewertet|answers re-assessed).*?\((?<seconds>[\d.]+) s\)")]
    private static partial Regex DoneMessage();
}
