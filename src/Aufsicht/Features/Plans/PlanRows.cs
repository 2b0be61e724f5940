using System.Globalization;
using System.Text.Json;
using Aufsicht.Core.Migration;
using Aufsicht.Data;

namespace Aufsicht.Features.Plans;

/// <summary>How a plan's rows map to the Core's values and back: packages, months, capacities.</summary>
internal static class PlanRows
{
    public static WorkPackage ToPackage(PlanPackageRecord r)
    {
        var phase = MigrationNames.TryParse<Phase>(r.Phase, out var stored) ? stored : throw new FormatException($"Unknown phase '{r.Phase}' in the database.");
        return new WorkPackage(r.Key, r.BodyId, r.Pillar, phase, r.Duration,
            JsonSerializer.Deserialize<Dictionary<string, int>>(r.UsesJson) ?? [],
            r.After.Length == 0 ? [] : r.After.Split('\n'),
            r.Units, r.EffortPersonDays, r.StaffCents, r.OneOffCents, r.RunningCentsPerMonth, r.LicenceCentsPerYear, r.ContractEnd, r.Product);
    }

    public static PlanPackageRecord ToRecord(long planId, WorkPackage p) => new()
    {
        PlanId = planId,
        Key = p.Id,
        BodyId = p.BodyId,
        Pillar = p.Pillar,
        Phase = MigrationNames.Wire(p.Phase),
        Duration = p.Duration,
        UsesJson = JsonSerializer.Serialize(p.Uses.OrderBy(u => u.Key, StringComparer.Ordinal).ToDictionary(u => u.Key, u => u.Value)),
        After = string.Join('\n', p.After),
        Units = p.Units,
        EffortPersonDays = p.EffortPersonDays,
        StaffCents = p.StaffCents,
        OneOffCents = p.OneOffCents,
        RunningCentsPerMonth = p.RunningCentsPerMonth,
        LicenceCentsPerYear = p.LicenceCentsPerYear,
        ContractEnd = p.ContractEnd,
        Product = p.Product,
    };

    public static YearMonth Month(DateOnly firstDay) => YearMonth.Of(firstDay);

    /// <summary>The last month a package is planned to work in (the stored end is exclusive; a milestone of no duration ends where it starts); null before a computation.</summary>
    public static YearMonth? LastPlannedMonth(PlanPackageRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.PlannedEnd is { } end ? YearMonth.Of(end).Plus(r.Duration > 0 ? -1 : 0) : null;
    }

    /// <summary>A month as the CLI and forms take it: <c>2027-03</c> or <c>03.2027</c>; null when it is neither.</summary>
    public static YearMonth? ParseMonth(string? text)
    {
        var t = (text ?? "").Trim();
        foreach (var format in (string[])["yyyy-MM", "MM.yyyy", "M.yyyy"])
        {
            if (DateOnly.TryParseExact(t, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100)
            {
                return YearMonth.Of(d);
            }
        }

        return null;
    }

    /// <summary>A month as a German or English page writes it: <c>03/2027</c> … kept numeric so no month name needs translating.</summary>
    public static string MonthText(YearMonth month) => string.Create(CultureInfo.InvariantCulture, $"{month.Month:00}/{month.Year}");
}

/// <summary>The capacities per month of a plan's resources (persons), stored as the plan's calendar JSON.</summary>
internal sealed record PlanCapacities(int Team, int Trainers, int Support)
{
    /// <summary>
    /// What the form and the CLI propose: a programme for a Land administration of about 25,000 workplaces (the
    /// Schleswig-Holstein demo ends its remaining pillars in about four years with it, as Schleswig-Holstein plans).
    /// </summary>
    public static PlanCapacities Default { get; } = new(40, 12, 20);

    public IReadOnlyDictionary<string, int> ByResource => new Dictionary<string, int>
    {
        [WorkPackageGenerator.Team] = Team,
        [WorkPackageGenerator.Trainers] = Trainers,
        [WorkPackageGenerator.Support] = Support,
    };

    public string ToJson() => JsonSerializer.Serialize(ByResource);

    public static PlanCapacities FromJson(string json)
    {
        var d = JsonSerializer.Deserialize<Dictionary<string, int>>(json) ?? [];
        return new PlanCapacities(d.GetValueOrDefault(WorkPackageGenerator.Team), d.GetValueOrDefault(WorkPackageGenerator.Trainers), d.GetValueOrDefault(WorkPackageGenerator.Support));
    }
}
