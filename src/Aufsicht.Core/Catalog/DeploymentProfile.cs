namespace Aufsicht.Core.Catalog;

/// <summary>The surveyed body, as far as the assessment needs it.</summary>
public sealed record Body(string? Id, string? Name, string Kind, bool PublicBody, string? State);

/// <summary>The safeguards a body has switched on; null means unknown.</summary>
public sealed record Safeguards(bool? E2eeEnabled, bool? Lobby, bool? RecordingOff, bool? TelemetryBlocked);

/// <summary>
/// How one body uses one service (domain/assessment.md §6); the survey produces it. Every fact about the use is a row
/// of <see cref="DeploymentFields.All"/>; a fact added later gets a default here (unknown), so older profiles stay valid.
/// </summary>
public sealed record DeploymentProfile(
    string? Id,
    string Service,
    Body Body,
    string OperatingModel,
    IReadOnlyList<string> Purposes,
    IReadOnlyList<string> DataSubjects,
    bool? SpecialCategories,
    string ProtectionNeed,
    IReadOnlyList<string> LegalBasis,
    bool? ProcessorAgreementConcluded,
    string Dpia,
    bool? RecordOfProcessing,
    string ParticipantsInformed,
    Safeguards Safeguards);

/// <summary>The form of a deployment field's value, which decides how it is read from a profile and asked in a survey.</summary>
public enum FieldShape
{
    /// <summary>One of the field's values, or "unknown".</summary>
    OneOf,

    /// <summary>A list of the field's values.</summary>
    AnyOf,

    /// <summary>A list of free texts (the purposes).</summary>
    Texts,

    /// <summary>true, false or "unknown" in a profile; yes, no or unknown in a survey.</summary>
    YesNoUnknown,
}

/// <summary>
/// One fact of a <see cref="DeploymentProfile"/> about the use: its wire name (nested ones as <c>safeguards.lobby</c>),
/// its shape, the values it accepts (null: any, or true/false/unknown), whether a profile must state it, and how it is
/// read from and set on a profile.
/// </summary>
public sealed class DeploymentField
{
    private readonly Func<DeploymentProfile, object?> _get;
    private readonly Func<DeploymentProfile, object?, DeploymentProfile> _set;

    private DeploymentField(string name, FieldShape shape, IReadOnlyList<string>? values, bool required, Func<DeploymentProfile, object?> get, Func<DeploymentProfile, object?, DeploymentProfile> set)
    {
        Name = name;
        Shape = shape;
        Values = values;
        Required = required;
        _get = get;
        _set = set;
    }

    public string Name { get; }

    public FieldShape Shape { get; }

    /// <summary>The values a one-of or any-of field accepts; null for free texts and yes/no/unknown.</summary>
    public IReadOnlyList<string>? Values { get; }

    /// <summary>Whether a profile file must have the field; one added after the first release is optional (absent is unknown).</summary>
    public bool Required { get; }

    /// <summary>The object a nested field sits in (<c>safeguards</c>), or null.</summary>
    public string? Parent => Name.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? Name[..dot] : null;

    /// <summary>The name within its object: <c>lobby</c> for <c>safeguards.lobby</c>.</summary>
    public string Local => Name[(Name.IndexOf('.', StringComparison.Ordinal) + 1)..];

    public static DeploymentField OneOf(string name, IReadOnlyList<string> values, Func<DeploymentProfile, string> get, Func<DeploymentProfile, string, DeploymentProfile> set, bool required = true) =>
        new(name, FieldShape.OneOf, values, required, d => get(d), (d, v) => set(d, (string)v!));

    public static DeploymentField AnyOf(string name, IReadOnlyList<string> values, Func<DeploymentProfile, IReadOnlyList<string>> get, Func<DeploymentProfile, IReadOnlyList<string>, DeploymentProfile> set, bool required = true) =>
        new(name, FieldShape.AnyOf, values, required, d => get(d), (d, v) => set(d, (IReadOnlyList<string>)v!));

    public static DeploymentField Texts(string name, Func<DeploymentProfile, IReadOnlyList<string>> get, Func<DeploymentProfile, IReadOnlyList<string>, DeploymentProfile> set, bool required = true) =>
        new(name, FieldShape.Texts, null, required, d => get(d), (d, v) => set(d, (IReadOnlyList<string>)v!));

    public static DeploymentField YesNo(string name, Func<DeploymentProfile, bool?> get, Func<DeploymentProfile, bool?, DeploymentProfile> set, bool required = true) =>
        new(name, FieldShape.YesNoUnknown, null, required, d => get(d), (d, v) => set(d, (bool?)v));

    /// <summary>The value on a profile: a string (one-of), a list of strings (any-of, texts) or a bool? (yes/no/unknown).</summary>
    public object? Get(DeploymentProfile profile) => _get(profile);

    /// <summary>The profile with this field set to <paramref name="value"/>, of the type <see cref="Get"/> returns.</summary>
    public DeploymentProfile Set(DeploymentProfile profile, object? value) => _set(profile, value);

    public override string ToString() => Name;
}

/// <summary>The facts about a use that a deployment profile holds and a questionnaire can fill, in the order of the format.</summary>
public static class DeploymentFields
{
    public static readonly IReadOnlyList<DeploymentField> All =
    [
        DeploymentField.OneOf("operatingModel", FactDomains.OperatingModels, d => d.OperatingModel, (d, v) => d with { OperatingModel = v }),
        DeploymentField.Texts("purposes", d => d.Purposes, (d, v) => d with { Purposes = v }),
        DeploymentField.AnyOf("dataSubjects", FactDomains.DataSubjects, d => d.DataSubjects, (d, v) => d with { DataSubjects = v }),
        DeploymentField.YesNo("specialCategories", d => d.SpecialCategories, (d, v) => d with { SpecialCategories = v }),
        DeploymentField.OneOf("protectionNeed", FactDomains.ProtectionNeeds, d => d.ProtectionNeed, (d, v) => d with { ProtectionNeed = v }),
        DeploymentField.AnyOf("legalBasis", FactDomains.LegalBases, d => d.LegalBasis, (d, v) => d with { LegalBasis = v }),
        DeploymentField.YesNo("processorAgreementConcluded", d => d.ProcessorAgreementConcluded, (d, v) => d with { ProcessorAgreementConcluded = v }),
        DeploymentField.OneOf("dpia", FactDomains.Dpia, d => d.Dpia, (d, v) => d with { Dpia = v }),
        DeploymentField.YesNo("recordOfProcessing", d => d.RecordOfProcessing, (d, v) => d with { RecordOfProcessing = v }),
        DeploymentField.OneOf("participantsInformed", FactDomains.ParticipantsInformed, d => d.ParticipantsInformed, (d, v) => d with { ParticipantsInformed = v }),
        DeploymentField.YesNo("safeguards.e2eeEnabled", d => d.Safeguards.E2eeEnabled, (d, v) => d with { Safeguards = d.Safeguards with { E2eeEnabled = v } }),
        DeploymentField.YesNo("safeguards.lobby", d => d.Safeguards.Lobby, (d, v) => d with { Safeguards = d.Safeguards with { Lobby = v } }),
        DeploymentField.YesNo("safeguards.recordingOff", d => d.Safeguards.RecordingOff, (d, v) => d with { Safeguards = d.Safeguards with { RecordingOff = v } }),
        DeploymentField.YesNo("safeguards.telemetryBlocked", d => d.Safeguards.TelemetryBlocked, (d, v) => d with { Safeguards = d.Safeguards with { TelemetryBlocked = v } }),
    ];

    /// <summary>The fields by wire name.</summary>
    public static readonly IReadOnlyDictionary<string, DeploymentField> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>A profile of the service and body where every fact is unknown (empty lists), to set the fields on.</summary>
    public static DeploymentProfile Unknown(string? id, string service, Body body) => new(
        id, service, body, FactDomains.Unknown, [], [], null, FactDomains.Unknown, [], null, FactDomains.Unknown, null, FactDomains.Unknown,
        new Safeguards(null, null, null, null));
}
