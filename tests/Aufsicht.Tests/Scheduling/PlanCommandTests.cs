using Xunit;

namespace Aufsicht.Tests.Scheduling;

/// <summary>`aufsicht plan solve FILE|-`: the contract's JSON, a German table as text, exit 0/1/2.</summary>
[Trait("Category", "Unit")]
public sealed class PlanCommandTests : IDisposable
{
    public const string Example = """
        {"resources": [{"id": "team", "capacity": 2, "calendar": [{"from": 2, "to": 3, "capacity": 0}]}],
         "tasks": [{"id": "a", "duration": 2, "uses": {"team": 1}},
                   {"id": "b", "duration": 3, "uses": {"team": 2}, "after": ["a"]},
                   {"id": "c", "duration": 2, "uses": {"team": 1}},
                   {"id": "d", "duration": 1, "after": ["b", "c"], "costPerPeriod": 100}]}
        """;

    public const string Infeasible = """{"tasks": [{"id": "a", "duration": 3}, {"id": "b", "duration": 4, "after": ["a"], "deadline": 5}]}""";

    private readonly string _dir = Directory.CreateTempSubdirectory("aufsicht-plan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(_dir, "plan.json");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void PlanSolve_Example_PrintsTheContractJsonInOrder()
    {
        var r = Cli.Run("plan", "solve", Write(Example), "--time-limit", "5", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        Assert.Equal(["status", "makespan", "lowerBound", "tasks"], j.EnumerateObject().Take(4).Select(p => p.Name));
        Assert.Equal("optimal", j.GetProperty("status").GetString());
        Assert.Equal(7, j.GetProperty("makespan").GetInt32());
        Assert.Equal(7, j.GetProperty("lowerBound").GetInt32());
        var b = j.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "b");
        Assert.Equal((3, 6), (b.GetProperty("start").GetInt32(), b.GetProperty("end").GetInt32()));
        Assert.Equal(["id", "start", "end"], b.EnumerateObject().Select(p => p.Name));
        Assert.Equal("0.0000", j.GetProperty("gap").GetString());
        Assert.Contains(j.GetProperty("holds").EnumerateArray(), h => h.GetProperty("task").GetString() == "b" && h.GetProperty("kind").GetString() == "capacity");
    }

    [Fact]
    public void PlanSolve_TextFromStdin_GermanTableWithReasons()
    {
        var r = Cli.RunWithInput(Example, "plan", "solve", "-", "--format", "text");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Plan: optimal (bewiesen)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("„team“ ist in Periode 2 ausgelastet", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("wartet auf „b“", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Kosten: 7,00 €", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanSolve_TextInEnglish_SaysItInEnglish()
    {
        var r = Cli.RunWithInput(Example, "plan", "solve", "-", "--format", "text", "--lang", "en");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Plan: optimal (proven)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Cost: €7.00", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanSolve_DeadlineOutOfReach_Exit1WithTheChain()
    {
        var r = Cli.Run("plan", "solve", Write(Infeasible));
        Assert.Equal(1, r.ExitCode);
        var j = r.Json;
        Assert.Equal("infeasible", j.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, j.GetProperty("makespan").ValueKind);
        var conflict = Assert.Single(j.GetProperty("infeasibility").EnumerateArray());
        Assert.Equal(["a", "b"], conflict.GetProperty("chain").EnumerateArray().Select(e => e.GetString()));
        var text = Cli.Run("plan", "solve", Write(Infeasible), "--format", "text");
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("über die Kette a → b frühestens in Periode 7, die Frist ist 5", text.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"tasks": [{"id": "a", "duration": 1, "after": ["c"]}, {"id": "b", "duration": 1, "after": ["a"]}, {"id": "c", "duration": 1, "after": ["b"]}]}""", "tasks[1].after[0]: Aufgabe „b“: die Reihenfolge ist zirkulär: a → b → c → a")]
    [InlineData("""{"resources": [{"id": "team", "capacity": 2}], "tasks": [{"id": "a", "duration": 1, "uses": {"crew": 1}}]}""", "tasks[0].uses.crew: Aufgabe „a“: die Ressource „crew“ gibt es nicht")]
    [InlineData("""{"resources": [{"id": "team", "capacity": 2}], "tasks": [{"id": "a", "duration": 1, "uses": {"team": 3}}]}""", "tasks[0].uses.team: Aufgabe „a“: braucht 3 Einheiten von „team“, die höchstens 2 hat")]
    [InlineData("""{"tasks": [{"id": "a", "duration": 1, "after": ["x"]}]}""", "tasks[0].after[0]: Aufgabe „a“: die Vorgängerin „x“ gibt es nicht")]
    [InlineData("""{"tasks": [{"id": "a", "duration": 1}, {"id": "a", "duration": 2}]}""", "tasks[1].id: Aufgabe „a“: die ID kommt schon in tasks[0] vor")]
    [InlineData("""{"tasks": [{"id": "a", "duration": 1, "release": 9, "deadline": 4}]}""", "tasks[0].release: Aufgabe „a“: der früheste Beginn 9 liegt nach der Frist 4")]
    [InlineData("""{"tasks": [{"id": "a", "duration": "x"}]}""", "tasks[0].duration: „a“: erwartet wird eine ganze Zahl; erhalten: \"x\"")]
    public void PlanSolve_BadInput_Exit2OneLineNamingTaskAndField(string json, string line)
    {
        var r = Cli.RunWithInput(json, "plan", "solve", "-");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(line, r.Stderr.Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("-3")]
    public void PlanSolve_BadTimeLimit_Exit2(string limit)
    {
        var r = Cli.Run("plan", "solve", Write(Example), "--time-limit", limit);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--time-limit", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_WithoutSubcommand_Exit2NamingSolve()
    {
        var r = Cli.Run("plan");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("plan solve", r.Stderr, StringComparison.Ordinal);
    }
}
