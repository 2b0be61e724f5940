namespace Aufsicht.Core.Catalog;

/// <summary>
/// The value sets of the profile formats, best value first (domain/assessment.md §6). The JSON Schemas in
/// <c>data/schemas/</c> must list the same values; a test compares them.
/// </summary>
public static class FactDomains
{
    public const string Unknown = "unknown";
    public const string NotApplicable = "not-applicable";

    public static readonly IReadOnlyList<string> Categories =
        ["video-conferencing", "office-suite", "mail-groupware", "file-sharing", "chat", "operating-system", "learning-platform"];

    public static readonly IReadOnlyList<string> OperatingModels = ["self-operated", "external-provider", "saas"];

    /// <summary>Enumerated contract facts: path → values, best first.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Contract = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["contract.processorAgreement"] = ["offered", "none", "controller-claimed"],
        ["contract.incorporation"] = ["clear", "unclear"],
        ["contract.ownPurposes"] = ["excluded", "vague", "reserved"],
        ["contract.instructions"] = ["unrestricted", "fixable", "structural"],
        ["contract.transparency"] = ["full", "partial", "none"],
        ["contract.subProcessors"] = ["complete", "incomplete", "undisclosed-used"],
        ["contract.audit"] = ["full", "limited", "excluded"],
        ["contract.toms"] = ["specific", "generic", "missing"],
        ["contract.deletion"] = ["guaranteed", "restricted", "excluded"],
        ["contract.assistance"] = ["present", "partial", "missing"],
        ["contract.authorityDisclosure"] = ["eu-law-bound", "partial", "foreign-law-allowed"],
        ["contract.consistency"] = ["consistent", "minor", "core"],
    };

    /// <summary>Technical facts: path → values, best first. Each also accepts "not-applicable"; browserClient is a boolean.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Technical = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["technical.transportEncryption"] = ["full", "partial", "none"],
        ["technical.e2ee"] = ["default", "available", "none"],
        ["technical.authentication"] = ["risk-appropriate", "weak", "none"],
        ["technical.browserClient"] = ["true", "false"],
        ["technical.roleSeparation"] = ["granular", "coarse"],
        ["technical.telemetry"] = ["none", "configurable", "uncontrollable"],
        ["technical.privacyDefaults"] = ["all-off", "mixed", "on"],
        ["technical.recordingTransparency"] = ["indicated", "silent-possible"],
    };

    public static readonly IReadOnlyList<string> TransferTools =
        ["none", "adequacy", "dpf", "scc-2010", "scc-2021", "bcr", "privacy-shield", "art49"];

    public static readonly IReadOnlyList<string> SupplementaryMeasures = ["effective", "contestable", "none"];

    public static readonly IReadOnlyList<string> BodyKinds =
        ["school", "municipality", "district", "state-authority", "university", "company", "other"];

    public static readonly IReadOnlyList<string> ProtectionNeeds = ["normal", "high", "very-high"];

    public static readonly IReadOnlyList<string> Dpia = ["done", "threshold-only", "none", "not-required"];

    public static readonly IReadOnlyList<string> ParticipantsInformed = ["complete", "partial", "none"];

    public static readonly IReadOnlyList<string> DataSubjects =
        ["pupils", "teachers", "employees", "citizens", "students", "patients", "customers", "other"];

    /// <summary>art6-1-a … art6-1-f and art9-2-a … art9-2-j.</summary>
    public static readonly IReadOnlyList<string> LegalBases =
    [
        .. "abcdef".Select(c => "art6-1-" + c),
        .. "abcdefghij".Select(c => "art9-2-" + c),
    ];

    /// <summary>The contract and technical fact paths with their criterion id.</summary>
    public static readonly IReadOnlyDictionary<string, string> CriterionOf = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["contract.processorAgreement"] = "L01",
        ["contract.incorporation"] = "L02",
        ["contract.ownPurposes"] = "L03",
        ["contract.instructions"] = "L04",
        ["contract.transparency"] = "L05",
        ["contract.subProcessors"] = "L06",
        ["contract.audit"] = "L07",
        ["contract.toms"] = "L08",
        ["contract.deletion"] = "L09",
        ["contract.assistance"] = "L10",
        ["contract.authorityDisclosure"] = "L11",
        ["contract.consistency"] = "L12",
        ["technical.transportEncryption"] = "TE01",
        ["technical.e2ee"] = "TE02",
        ["technical.authentication"] = "TE03",
        ["technical.browserClient"] = "TE04",
        ["technical.roleSeparation"] = "TE05",
        ["technical.telemetry"] = "TE06",
        ["technical.privacyDefaults"] = "TE07",
        ["technical.recordingTransparency"] = "TE08",
    };

    /// <summary>The position of a value in the best-first order of a contract or technical fact; -1 if it is not listed.</summary>
    public static int Rank(string path, string value)
    {
        var values = Contract.TryGetValue(path, out var c) ? c : Technical[path];
        return Array.IndexOf(values, value);
    }
}
