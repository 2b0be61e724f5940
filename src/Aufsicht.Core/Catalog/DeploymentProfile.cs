namespace Aufsicht.Core.Catalog;

/// <summary>The surveyed body, as far as the assessment needs it.</summary>
public sealed record Body(string? Id, string? Name, string Kind, bool PublicBody, string? State);

/// <summary>The safeguards a body has switched on; null means unknown.</summary>
public sealed record Safeguards(bool? E2eeEnabled, bool? Lobby, bool? RecordingOff, bool? TelemetryBlocked);

/// <summary>How one body uses one service (domain/assessment.md §6); the survey produces it.</summary>
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
