using System.Text;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Assessment;

/// <summary>Renders a finding's explanation and remedy from the criteria catalogue, filling the placeholders.</summary>
public sealed class FindingText
{
    private readonly CriteriaCatalog _criteria;

    public FindingText(CriteriaCatalog criteria) => _criteria = criteria;

    public Reason ReasonOf(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return _criteria.Reason(finding.Criterion, finding.Reason);
    }

    public IReadOnlyList<string> Articles(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return _criteria.Contains(finding.Criterion) ? _criteria[finding.Criterion].Articles : [];
    }

    public string Explanation(Finding finding, Language language, string service, DateOnly asOf, string authority) =>
        Fill(ReasonOf(finding).Explanation.In(language), finding, language, service, asOf, authority);

    public string? Remedy(Finding finding, Language language, string service, DateOnly asOf, string authority) =>
        ReasonOf(finding).Remedy is { } remedy ? Fill(remedy.In(language), finding, language, service, asOf, authority) : null;

    /// <summary>Replaces {service}, {date}, {authority} and the finding's own arguments; terms ({missing}, {stage}, {tool}) are translated.</summary>
    public string Fill(string template, Finding finding, Language language, string service, DateOnly asOf, string authority)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(finding);
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var text = new StringBuilder(template);
        text.Replace("{service}", service)
            .Replace("{date}", Date(asOf, language))
            .Replace("{authority}", authority);
        foreach (var (key, value) in finding.Args)
        {
            var shown = key switch
            {
                "missing" or "stage" => string.Join(", ", value.Split(',').Select(v => _criteria.Term(v, language))),
                "tool" => _criteria.Term("tool:" + value, language),
                "fact" => FactName(value, language),
                _ => value,
            };
            text.Replace("{" + key + "}", shown);
        }

        return text.ToString();
    }

    /// <summary>
    /// The name of a fact as readers know it ("contract.processorAgreement" → „Auftragsverarbeitungsvertrag (Art. 28
    /// Abs. 3 DSGVO)“), from the terms of the criteria file; several, comma-separated, each named. A fact without a
    /// term keeps its path (a test requires a term for every fact the engine and the catalogue name).
    /// </summary>
    public string FactName(string paths, Language language)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return string.Join(", ", paths.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(path => _criteria.Terms.ContainsKey("fact:" + path) ? _criteria.Term("fact:" + path, language) : path));
    }

    /// <summary>
    /// The name of a fact's value as readers know it ("contract.deletion", "restricted" → „eingeschränkt“): the term
    /// <c>value:path=value</c> where the value needs a wording of its own for this fact, else the general
    /// <c>value:value</c>; a value without either keeps its key (a test requires one for every editable value).
    /// </summary>
    public string ValueName(string path, string value, Language language)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        return ValueTerm(path, value) is { } key ? _criteria.Term(key, language) : value;
    }

    /// <summary>Whether the criteria file words this value of this fact (specifically or generally).</summary>
    public bool HasValueName(string path, string value) => ValueTerm(path, value) is not null;

    private string? ValueTerm(string path, string value) =>
        _criteria.Terms.ContainsKey($"value:{path}={value}") ? $"value:{path}={value}"
        : _criteria.Terms.ContainsKey("value:" + value) ? "value:" + value
        : null;

    /// <summary>A date as a reader of the language writes it: 16.12.2026, or 16 Dec 2026.</summary>
    public static string Date(DateOnly date, Language language) =>
        date.ToString(language == Language.De ? "dd.MM.yyyy" : "d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
