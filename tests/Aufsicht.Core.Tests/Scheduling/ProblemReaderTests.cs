using System.Text;
using Aufsicht.Core.Scheduling;
using Xunit;

namespace Aufsicht.Core.Tests.Scheduling;

/// <summary>The input of <c>aufsicht plan solve</c>: the contract's JSON, strict, every error naming its field and task.</summary>
[Trait("Category", "Unit")]
public sealed class ProblemReaderTests
{
    [Fact]
    public void Read_TheBriefsExample_GivesEveryField()
    {
        const string json = """
            {"resources": [{"id": "team", "capacity": 4, "calendar": [{"from": 6, "to": 8, "capacity": 0}]}],
             "tasks": [{"id": "t0", "duration": 2},
                       {"id": "t1", "duration": 3, "uses": {"team": 2}, "after": ["t0"], "release": 0, "deadline": 20, "fixedStart": 12, "allowedStarts": [12, 24], "costPerPeriod": 100}],
             "objective": "weighted", "weights": {"makespan": 3, "cost": 2}, "horizon": 120}
            """;
        var read = ProblemReader.Read(Encoding.UTF8.GetBytes(json));
        Assert.True(read.IsOk, string.Join("; ", read.Errors));
        var p = read.Value;
        Assert.Equal(new CapacityWindow(6, 8, 0), Assert.Single(Assert.Single(p.Resources).Calendar));
        var t1 = p.Tasks[1];
        Assert.Equal(("t1", 3, 2, "t0", 20, 12, 100L), (t1.Id, t1.Duration, t1.Uses["team"], t1.After[0], t1.Deadline!.Value, t1.FixedStart!.Value, t1.CostPerPeriod));
        Assert.Equal([12, 24], t1.AllowedStarts!);
        Assert.Equal((Objective.Weighted, 3L, 2L, (int?)120), (p.Objective, p.Weights.Makespan, p.Weights.Cost, p.Horizon));
    }

    [Fact]
    public void Read_OnlyIdsAndDurations_DefaultsTheRest()
    {
        var read = ProblemReader.Read(Encoding.UTF8.GetBytes("""{"tasks": [{"id": "a", "duration": 0}]}"""));
        Assert.True(read.IsOk, string.Join("; ", read.Errors));
        var a = Assert.Single(read.Value.Tasks);
        Assert.Equal((Objective.Makespan, 0, 0, (int?)null, (IReadOnlyList<int>?)null), (read.Value.Objective, a.Uses.Count, a.After.Count, a.Release, a.AllowedStarts));
    }

    [Theory]
    [InlineData("""{"tasks": [{"id": "a", "duration": 1, "colour": 1}]}""", "tasks[0].colour", "datafile.unknownField", null)]
    [InlineData("""{"tasks": [{"id": "a", "duration": 1}], "extra": 1}""", "extra", "datafile.unknownField", null)]
    [InlineData("""{"tasks": [{"id": "a"}]}""", "tasks[0].duration", "plan.missing", "a")]
    [InlineData("""{"tasks": [{"id": "a", "duration": 1.5}]}""", "tasks[0].duration", "plan.notInteger", "a")]
    [InlineData("""{"tasks": [{"id": "a", "duration": -1}]}""", "tasks[0].duration", "plan.negative", "a")]
    [InlineData("""{"tasks": [{"id": "a", "duration": 1}, {"id": "b", "duration": 1, "after": [3]}]}""", "tasks[1].after[0]", "plan.notTaskId", "b")]
    [InlineData("""{"tasks": [{"id": "a", "duration": 1, "allowedStarts": ["x"]}]}""", "tasks[0].allowedStarts[0]", "plan.notInteger", "a")]
    [InlineData("""{"tasks": [{"id": "a", "duration": 1, "uses": {"team": "two"}}]}""", "tasks[0].uses.team", "plan.notInteger", "a")]
    [InlineData("""{"tasks": [{"duration": 1}]}""", "tasks[0].id", "datafile.missing", null)]
    [InlineData("""{"resources": [{"id": "r", "capacity": -2}], "tasks": []}""", "resources[0].capacity", "plan.negative", "r")]
    [InlineData("""{"tasks": [], "objective": "speed"}""", "objective", "datafile.notOneOf", null)]
    [InlineData("""{"tasks": [], "horizon": 100001}""", "horizon", "plan.range.plain", null)]
    [InlineData("""{"resources": []}""", "tasks", "datafile.missing", null)]
    public void Read_BadField_NamesTheFieldAndTask(string json, string field, string key, string? task)
    {
        var read = ProblemReader.Read(Encoding.UTF8.GetBytes(json));
        Assert.False(read.IsOk);
        var error = Assert.Single(read.Errors, e => e.Field == field);
        Assert.Equal(key, error.Key);
        if (task is not null)
        {
            Assert.Equal(task, error.Args[0]);
        }
    }

    [Fact]
    public void Read_NotJson_IsOneError()
    {
        var read = ProblemReader.Read(Encoding.UTF8.GetBytes("{\"tasks\": ["));
        Assert.Equal(ErrorKind.Invalid, Assert.Single(read.Errors).Kind);
    }
}
