using Aufsicht.Core.Evaluation;
using Aufsicht.Core.Law;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Aufsicht.Data;

/// <summary>
/// The strings the states are stored as, one mapping per enum: the columns, raw SQL, exports and UI text keys all use
/// these names (not the C# member names), so the data written before the states became enums still reads.
/// </summary>
public static class StoredStates
{
    /// <summary>The status of a body that has no evaluation: never stored, but shown and exported beside the stored ones.</summary>
    public const string NotAnswered = "not-answered";

    public static string ToStored(this CampaignState state) => state switch
    {
        CampaignState.Draft => "draft",
        CampaignState.Running => "running",
        CampaignState.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string ToStored(this OutboxState state) => state switch
    {
        OutboxState.Pending => "pending",
        OutboxState.Sent => "sent",
        OutboxState.Rejected => "rejected",
        OutboxState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string ToStored(this Compliance status) => status switch
    {
        Compliance.Compliant => "compliant",
        Compliance.Deficient => "deficient",
        Compliance.Unclear => "unclear",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>A body's status as shown and exported: <see cref="NotAnswered"/> while it has no evaluation.</summary>
    public static string ToStored(this Compliance? status) => status is { } known ? known.ToStored() : NotAnswered;

    /// <summary>The verdict's wire name (green, yellow, red, not-assessed), as the catalogue format writes it too.</summary>
    public static string ToStored(this Verdict verdict) => verdict.WireName();

    /// <summary>The member stored as <paramref name="stored"/>: the inverse of its <c>ToStored</c>, so each string is written once.</summary>
    private static T Parse<T>(string stored, Func<T, string> toStored)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(toStored(value), stored, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new FormatException($"Unknown {typeof(T).Name} '{stored}' in the database.");
    }

    public static string ToStored(this Core.Cases.CaseState state) => Core.Cases.CaseWorkflow.Stored(state);

    public static string ToStored(this Core.Cases.CaseOutcome outcome) => Core.Cases.CaseWorkflow.Stored(outcome);

    // The converters AufsichtDb puts on the state columns.
    internal static readonly ValueConverter<CampaignState, string> CampaignStateConverter = new(v => v.ToStored(), s => Parse<CampaignState>(s, ToStored));

    internal static readonly ValueConverter<OutboxState, string> OutboxStateConverter = new(v => v.ToStored(), s => Parse<OutboxState>(s, ToStored));

    internal static readonly ValueConverter<Compliance, string> ComplianceConverter = new(v => v.ToStored(), s => Parse<Compliance>(s, ToStored));

    internal static readonly ValueConverter<Verdict, string> VerdictConverter = new(v => v.ToStored(), s => Parse<Verdict>(s, ToStored));

    internal static readonly ValueConverter<Core.Cases.CaseState, string> CaseStateConverter = new(v => v.ToStored(), s => Parse<Core.Cases.CaseState>(s, ToStored));

    internal static readonly ValueConverter<Core.Cases.CaseOutcome, string> CaseOutcomeConverter = new(v => v.ToStored(), s => Parse<Core.Cases.CaseOutcome>(s, ToStored));

    /// <summary>A converter storing a migration enum by its wire name (<see cref="Core.Migration.MigrationNames"/>).</summary>
    internal static ValueConverter<T, string> Wire<T>() where T : struct, Enum =>
        new(v => Core.Migration.MigrationNames.Wire(v), s => ParseWire<T>(s));

    private static T ParseWire<T>(string stored) where T : struct, Enum =>
        Core.Migration.MigrationNames.TryParse<T>(stored, out var value)
            ? value
            : throw new FormatException($"Unknown {typeof(T).Name} '{stored}' in the database.");
}
