using System.Globalization;
using System.Text.Json.Nodes;

namespace Aufsicht.Bench.Planning;

/// <summary>
/// A generated migration plan of a Land in the scheduling contract's input, for issue 14's target "2,000 packages within
/// 5 % of the lower bound in 30 s" (shape after ../shared/domain/migration.md). Periods are months.
/// <list type="bullet">
/// <item>Up to 40 bodies in a tree: a state chancellery, nine ministries, three offices under each.</item>
/// <item>Pillars: directory, mail, collaboration, office, specialised applications, operating system in every body;
/// video and telephony in the chancellery and the ministries (offices use theirs).</item>
/// <item>Per pillar one Land-wide platform package (directory first, mail and collaboration on it).</item>
/// <item>Per body and pillar: a pilot (after the platform and the parent body's pilot of that pillar), a rollback point
/// (duration 0) after the pilot, cohorts each with training before its go-live, a parallel-operation window after the
/// last go-live, and the licence cancellation (duration 0) after that window.</item>
/// <item>Dependencies across pillars in a body: directory → mail and collaboration; office and specialised applications
/// → operating system (the OS pilot waits for the office suite's parallel operation to end and for every specialised
/// application to have gone live).</item>
/// <item>Resources team, trainers and support; capacities per month chosen so the work fits about 40 months, the
/// way a Land's plan is bound by its people; every demand within its capacity.</item>
/// </list>
/// Exactly <c>packages</c> tasks: one cohort per body and pillar, the rest spread by body size (two tasks each), and when
/// an odd one is left a final milestone after every cancellation. Deterministic for a seed.
/// </summary>
internal static class MigrationGenerator
{
    private static readonly string[] Everywhere = ["directory", "mail", "collaboration", "office", "specialised", "os"];
    private static readonly string[] CentralOnly = ["video", "telephony"];
    private static readonly string[] Pillars = [.. Everywhere, .. CentralOnly];
    private static readonly string[] Resources = ["team", "trainers", "support"];
    private const int TargetMonths = 40;

    private sealed record Body(string Id, int? Parent, int Workplaces, bool Central);

    public static JsonObject Generate(int packages, int seed)
    {
        var random = new Random(seed);
        for (var bodies = 40; bodies >= 1; bodies--)
        {
            var tree = Bodies(bodies, random);
            var groups = tree.Sum(b => b.Central ? Pillars.Length : Everywhere.Length);
            var fixedTasks = Pillars.Length + groups * 6; // platform per pillar; pilot, rollback, one cohort (2), parallel, cancel
            if (fixedTasks <= packages)
            {
                return Build(tree, packages - fixedTasks, random);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(packages), packages, $"at least {Pillars.Length + Pillars.Length * 6} packages are needed");
    }

    private static List<Body> Bodies(int count, Random random)
    {
        var bodies = new List<Body> { new("b01", null, random.Next(300, 600), true) };
        var ministries = Math.Min(9, count - 1);
        for (var m = 0; m < ministries; m++)
        {
            bodies.Add(new Body(Id(bodies.Count), 0, random.Next(300, 900), true));
        }

        for (var o = 0; bodies.Count < count; o++)
        {
            bodies.Add(new Body(Id(bodies.Count), 1 + (o % ministries), random.Next(80, 1500), false));
        }

        return bodies;
    }

    private static string Id(int index) => "b" + (index + 1).ToString("00", CultureInfo.InvariantCulture);

    private static JsonObject Build(List<Body> bodies, int spare, Random random)
    {
        var tasks = new List<(string Id, int Duration, Dictionary<string, int> Uses, List<string> After)>();
        string Add(string id, int duration, Dictionary<string, int> uses, IEnumerable<string> after)
        {
            tasks.Add((id, duration, uses, after.ToList()));
            return id;
        }

        // Extra cohorts by workplaces: a body of 1,500 workplaces moves in more groups than one of 100.
        var groupsOf = bodies.SelectMany((b, i) => (b.Central ? Pillars : Everywhere).Select(p => (Body: i, Pillar: p))).ToList();
        var cohorts = groupsOf.ToDictionary(g => g, _ => 1);
        var weights = groupsOf.Select(g => (double)bodies[g.Body].Workplaces).ToArray();
        var total = weights.Sum();
        for (var extra = spare / 2; extra > 0; extra--)
        {
            var pick = random.NextDouble() * total;
            var at = 0;
            while (at < weights.Length - 1 && (pick -= weights[at]) > 0)
            {
                at++;
            }

            cohorts[groupsOf[at]]++;
        }

        var platform = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pillar in Pillars)
        {
            var after = pillar is "mail" or "collaboration" ? [platform["directory"]] : Array.Empty<string>();
            platform[pillar] = Add($"land-{pillar}-platform", random.Next(2, 5), new() { ["team"] = 3 }, after);
        }

        // Bodies in tree order (parents first), pillars in dependency order, so every `after` names an earlier task.
        var pilot = new Dictionary<(int, string), string>();
        var rollback = new Dictionary<(int, string), string>();
        var lastGoLives = new Dictionary<(int, string), List<string>>();
        var parallel = new Dictionary<(int, string), string>();
        var cancellations = new List<string>();
        for (var b = 0; b < bodies.Count; b++)
        {
            var body = bodies[b];
            foreach (var pillar in body.Central ? Pillars : Everywhere)
            {
                var key = (b, pillar);
                var id = $"{body.Id}-{pillar}";
                var after = new List<string> { platform[pillar] };
                if (body.Parent is { } parent && pilot.TryGetValue((parent, pillar), out var parentPilot))
                {
                    after.Add(parentPilot);
                }

                if (pillar is "mail" or "collaboration")
                {
                    after.Add(rollback[(b, "directory")]);
                }

                if (pillar == "os")
                {
                    after.Add(parallel[(b, "office")]);
                    after.AddRange(lastGoLives[(b, "specialised")]);
                }

                pilot[key] = Add($"{id}-pilot", random.Next(1, 3), new() { ["team"] = random.Next(1, 3), ["support"] = 1 }, after);
                rollback[key] = Add($"{id}-rollback-point", 0, [], [pilot[key]]);
                var goLives = new List<string>();
                for (var c = 1; c <= cohorts[key]; c++)
                {
                    var training = Add($"{id}-cohort{c}-training", 1, new() { ["trainers"] = random.Next(1, 3) }, [rollback[key]]);
                    var size = Math.Min(3, 1 + body.Workplaces / cohorts[key] / 250);
                    goLives.Add(Add($"{id}-cohort{c}-go-live", random.Next(1, 4), new() { ["team"] = random.Next(1, size + 1), ["support"] = random.Next(1, 3) }, [training]));
                }

                lastGoLives[key] = goLives;
                parallel[key] = Add($"{id}-parallel-operation", random.Next(1, 4), new() { ["support"] = 1 }, goLives);
                cancellations.Add(Add($"{id}-licence-cancellation", 0, [], [parallel[key]]));
            }
        }

        if (spare % 2 == 1)
        {
            Add("land-migration-complete", 0, [], cancellations);
        }

        // Capacities per month: the work of each resource spread over about TargetMonths, never below its largest demand.
        var capacities = Resources.ToDictionary(
            r => r,
            r => Math.Max(tasks.Max(t => t.Uses.GetValueOrDefault(r)), (int)Math.Ceiling(tasks.Sum(t => (double)t.Duration * t.Uses.GetValueOrDefault(r)) / TargetMonths)),
            StringComparer.Ordinal);

        return new JsonObject
        {
            ["resources"] = new JsonArray([.. capacities.Select(c => (JsonNode)new JsonObject { ["id"] = c.Key, ["capacity"] = c.Value })]),
            ["tasks"] = new JsonArray([.. tasks.Select(t => (JsonNode)new JsonObject
            {
                ["id"] = t.Id,
                ["duration"] = t.Duration,
                ["uses"] = new JsonObject([.. t.Uses.Select(u => KeyValuePair.Create(u.Key, (JsonNode?)u.Value))]),
                ["after"] = new JsonArray([.. t.After.Select(a => (JsonNode)a)]),
            })]),
            ["objective"] = "makespan",
        };
    }
}
