using Aufsicht.Core.Migration;

namespace Aufsicht.Data;

/// <summary>
/// One product a body uses, as the migration inventory holds it (<see cref="ProductLine"/> in the Core): counts, version,
/// licence contract. Enums are stored by their wire names (<see cref="MigrationNames"/>).
/// </summary>
public sealed class InventoryProductRecord
{
    public long Id { get; set; }

    public long BodyId { get; set; }

    /// <summary>A catalogue id where the catalogue knows the product, otherwise the name as entered.</summary>
    public required string Product { get; set; }

    public Pillar Pillar { get; set; }

    public int Workplaces { get; set; }

    public int Users { get; set; }

    public int Mailboxes { get; set; }

    public string? Version { get; set; }

    /// <summary>Licence cost per unit and year in cents; null when not known.</summary>
    public long? LicenceCentsPerUnitYear { get; set; }

    public DateOnly? ContractEnd { get; set; }

    public int? NoticeMonths { get; set; }

    public InventorySource Source { get; set; }

    /// <summary>The campaign whose answers named the product, for rows filled from a survey.</summary>
    public long? CampaignId { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Revision { get; set; }
}

/// <summary>An entry of a body's register of specialised applications, macros and templates (<see cref="ApplicationEntry"/>).</summary>
public sealed class InventoryApplicationRecord
{
    public long Id { get; set; }

    public long BodyId { get; set; }

    public required string Name { get; set; }

    public ApplicationKind Kind { get; set; }

    /// <summary>The dependencies as comma-separated wire names (<c>office-suite,windows</c>); empty for none.</summary>
    public required string DependsOn { get; set; }

    public Compatibility Compatibility { get; set; }

    public int Users { get; set; }

    public string? Note { get; set; }

    public InventorySource Source { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Revision { get; set; }
}

/// <summary>
/// A migration plan (Zeitschiene): its first month, what it minimises, the capacities and blackouts, the target chosen per
/// pillar, and the last solve's figures. The packages are rows of <see cref="PlanPackageRecord"/>; incidents, decisions
/// and staff-representative involvement hang off the plan. Several plans may exist side by side (what-if drafts).
/// </summary>
public sealed class MigrationPlanRecord
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The authority whose view of the catalogue chose the targets (green only).</summary>
    public required string Authority { get; set; }

    /// <summary>The first day of the plan's first month (period 0).</summary>
    public DateOnly PlanStart { get; set; }

    /// <summary>makespan, cost or weighted (<c>Core.Scheduling.Objective</c> in kebab-case).</summary>
    public required string Objective { get; set; }

    public long WeightMakespan { get; set; }

    public long WeightCost { get; set; }

    /// <summary>The capacities per resource and the blackout windows, as JSON (see Features/Migration).</summary>
    public required string CalendarJson { get; set; }

    /// <summary>The planning parameters the packages were generated with (defaults from data/migration/parameters.json, overridden), as JSON.</summary>
    public required string ParametersJson { get; set; }

    /// <summary>The target per pillar (catalogue id or bundle), as JSON; empty object for the defaults.</summary>
    public required string TargetsJson { get; set; }

    /// <summary>How the last solve ended (optimal, feasible, infeasible, unknown); null before the first.</summary>
    public string? SolveStatus { get; set; }

    public DateTime? SolvedAt { get; set; }

    /// <summary>The last solve's computing time, what its limit bounds (reading the packages, the solver), in milliseconds, storing the months not counted; null before the first.</summary>
    public int? SolveMilliseconds { get; set; }

    public int? Makespan { get; set; }

    public int? LowerBound { get; set; }

    public long? ObjectiveValue { get; set; }

    public long? ObjectiveBound { get; set; }

    /// <summary>The infeasibility explanation or the holds of the last solve, as JSON.</summary>
    public string? SolveJson { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Where the plan's computation in the background stands (none, queued, running, failed).</summary>
    public PlanComputeState ComputeState { get; set; }

    /// <summary>When the last computation was requested (UTC); null before the first request.</summary>
    public DateTime? ComputeRequestedAt { get; set; }

    /// <summary>Who requested the last computation (the account's e-mail address).</summary>
    public string? ComputeRequestedBy { get; set; }

    /// <summary>The time limit of the last requested computation, in seconds.</summary>
    public int? ComputeSeconds { get; set; }

    /// <summary>When the worker began the running computation (UTC); null while queued.</summary>
    public DateTime? ComputeStartedAt { get; set; }

    /// <summary>Why the last computation failed: the first error's message key, never an exception text; null unless failed.</summary>
    public string? ComputeError { get; set; }

    /// <summary>
    /// Every error of the failure with its arguments (a package, a resource), the first ten, and how many there were:
    /// <c>{"count":14,"failures":[{"key":"…","args":["…"]}]}</c>; before 2026-12-06 the first error's arguments alone, a JSON
    /// array of strings. Null unless failed.
    /// </summary>
    public string? ComputeErrorArgs { get; set; }

    public int Revision { get; set; }
}

/// <summary>Where a plan's computation in the background stands; stored by its wire name (<c>queued</c>).</summary>
public enum PlanComputeState
{
    /// <summary>Nothing waiting: never requested, or the last computation finished (see <c>SolvedAt</c>).</summary>
    None,

    /// <summary>Requested, waiting for the worker.</summary>
    Queued,

    /// <summary>The worker is computing it.</summary>
    Running,

    /// <summary>The last computation failed; <c>ComputeError</c> says why.</summary>
    Failed,
}

/// <summary>
/// A work package of a plan (<c>Core.Migration.WorkPackage</c>) with its planned months from the last solve and its
/// actual start and end as entered. Generated packages a person edited are marked, so regenerating keeps the edit.
/// </summary>
public sealed class PlanPackageRecord
{
    public long Id { get; set; }

    public long PlanId { get; set; }

    /// <summary>The package id within the plan (<c>b12/office/cohort-2</c>).</summary>
    public required string Key { get; set; }

    public long BodyId { get; set; }

    public Pillar Pillar { get; set; }

    /// <summary>The phase in kebab-case (<c>Core.Migration.Phase</c>).</summary>
    public required string Phase { get; set; }

    public int Duration { get; set; }

    /// <summary>The demands per resource as JSON (<c>{"team":2}</c>).</summary>
    public required string UsesJson { get; set; }

    /// <summary>The keys of the packages it waits for, separated by a line feed.</summary>
    public required string After { get; set; }

    public int Units { get; set; }

    public decimal EffortPersonDays { get; set; }

    public long StaffCents { get; set; }

    public long OneOffCents { get; set; }

    public long RunningCentsPerMonth { get; set; }

    public long LicenceCentsPerYear { get; set; }

    public DateOnly? ContractEnd { get; set; }

    public string? Product { get; set; }

    /// <summary>The earliest and latest month a person set (first day of the month).</summary>
    public DateOnly? Earliest { get; set; }

    public DateOnly? Latest { get; set; }

    /// <summary>Planned by the last solve (first day of the start month; the end month is exclusive).</summary>
    public DateOnly? PlannedStart { get; set; }

    public DateOnly? PlannedEnd { get; set; }

    /// <summary>What holds it where it is, from the last solve, as JSON.</summary>
    public string? HoldsJson { get; set; }

    public DateOnly? ActualStart { get; set; }

    public DateOnly? ActualEnd { get; set; }

    /// <summary>A person changed it after generation: regenerating keeps it as it is.</summary>
    public bool Edited { get; set; }

    public int Revision { get; set; }
}

/// <summary>An incident during the migration, tagged as caused by it or pre-existing (Munich's lesson: count them honestly).</summary>
public sealed class PlanIncidentRecord
{
    public long Id { get; set; }

    public long PlanId { get; set; }

    public long? BodyId { get; set; }

    public Pillar? Pillar { get; set; }

    public string? PackageKey { get; set; }

    public DateOnly OccurredOn { get; set; }

    /// <summary>migration (caused by the migration) or pre-existing.</summary>
    public required string Cause { get; set; }

    public required string Summary { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>
/// An entry of the plan's decision log: who decided what and when, and why. Append-only — a correction is a new entry
/// naming the one it corrects — so the log survives a change of government.
/// </summary>
public sealed class PlanDecisionRecord
{
    public long Id { get; set; }

    public long PlanId { get; set; }

    public DateOnly DecidedOn { get; set; }

    /// <summary>Who decided (the cabinet, a ministry, the steering committee).</summary>
    public required string DecidedBy { get; set; }

    public required string Subject { get; set; }

    public required string Text { get; set; }

    public long? CorrectsId { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>When the staff representatives (Personalrat) of a body were involved in the plan (Schleswig-Holstein's lesson).</summary>
public sealed class PlanInvolvementRecord
{
    public long Id { get; set; }

    public long PlanId { get; set; }

    public long BodyId { get; set; }

    public DateOnly InvolvedOn { get; set; }

    public string? Note { get; set; }
}
