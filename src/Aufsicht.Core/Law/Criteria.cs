namespace Aufsicht.Core.Law;

/// <summary>The stage a criterion belongs to: the legal gates (contract, transfer), the technical stage, or one body's use.</summary>
public enum Stage
{
    Contract,
    Transfer,
    Technical,
    Use,
}

/// <summary>One outcome of a criterion, with its fixed level and its texts.</summary>
public sealed record Reason(string Key, Level Level, LocalizedText Explanation, LocalizedText? Remedy);

/// <summary>
/// A criterion of domain/assessment.md §2: stable id, question, short title, articles and its possible outcomes. The
/// title stands beside the id wherever the id is shown („L01 Auftragsverarbeitungsvertrag angeboten“).
/// <see cref="AppliesTo"/> names the service categories the criterion applies to (null: every category); for any other
/// category its finding is „not applicable“ whatever the fact says (a lobby in an operating system).
/// </summary>
public sealed record Criterion(
    string Id,
    Stage Stage,
    string Fact,
    LocalizedText Question,
    LocalizedText Title,
    IReadOnlyList<string> Articles,
    IReadOnlyList<string> Basis,
    IReadOnlyDictionary<string, Reason> Reasons,
    IReadOnlyList<string>? AppliesTo = null)
{
    /// <summary>Whether the criterion applies to a service of <paramref name="category"/>.</summary>
    public bool Applies(string category) => AppliesTo is null || AppliesTo.Contains(category, StringComparer.Ordinal);
}

/// <summary>The criteria catalogue (<c>data/criteria.json</c>): criteria, reasons shared by all criteria, and display terms.</summary>
public sealed class CriteriaCatalog
{
    /// <summary>Keys of <see cref="Common"/> that the engine uses.</summary>
    public static readonly IReadOnlyList<string> RequiredCommon =
        ["unknown", "gated", "not-applicable", "no-provider-processing", "service-unknown-on-date"];

    private readonly Dictionary<string, Criterion> _byId;

    public CriteriaCatalog(IEnumerable<Criterion> criteria, IReadOnlyDictionary<string, Reason> common, IReadOnlyDictionary<string, LocalizedText> terms)
    {
        ArgumentNullException.ThrowIfNull(common);
        All = criteria.ToArray();
        _byId = All.ToDictionary(c => c.Id, StringComparer.Ordinal);
        Common = common;
        Terms = terms;
        var missing = RequiredCommon.Where(k => !common.ContainsKey(k)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException("The criteria catalogue lacks the common reasons " + string.Join(", ", missing), nameof(common));
        }
    }

    public IReadOnlyList<Criterion> All { get; }

    public IReadOnlyDictionary<string, Reason> Common { get; }

    public IReadOnlyDictionary<string, LocalizedText> Terms { get; }

    public Criterion this[string id] => _byId[id];

    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>Whether a criterion applies to a service of <paramref name="category"/>; an id the catalogue does not know applies.</summary>
    public bool Applies(string criterionId, string category) => !_byId.TryGetValue(criterionId, out var c) || c.Applies(category);

    /// <summary>The reason of a criterion, falling back to the common reasons (unknown, gated …).</summary>
    public Reason Reason(string criterionId, string key) =>
        _byId.TryGetValue(criterionId, out var criterion) && criterion.Reasons.TryGetValue(key, out var reason)
            ? reason
            : Common.TryGetValue(key, out var common)
                ? common
                : throw new KeyNotFoundException($"Criterion {criterionId} has no reason '{key}'.");

    /// <summary>The short title of a criterion; an id the catalogue does not know (a finding from older data) keeps no title.</summary>
    public string? Title(string criterionId, Language language) =>
        _byId.TryGetValue(criterionId, out var criterion) ? criterion.Title.In(language) : null;

    /// <summary>The id with its short title, „L01 Auftragsverarbeitungsvertrag angeboten“, or the bare id if unknown.</summary>
    public string Label(string criterionId, Language language) =>
        Title(criterionId, language) is { } title ? criterionId + " " + title : criterionId;

    public string Term(string key, Language language) => Terms.TryGetValue(key, out var text) ? text.In(language) : key;
}
