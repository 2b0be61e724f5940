using System.Globalization;

namespace Aufsicht.Bench;

/// <summary>
/// Deterministic, varied deployment profiles as a survey would produce them: many bodies, a dozen services, every
/// protection need, answers good and bad. Seeded, so every run measures the same input.
/// </summary>
public static class Deployments
{
    private static readonly string[] Services =
    [
        "zoom", "teams-m365", "microsoft-365", "webex-telekom", "jitsi-self-operated", "bbb-self-operated", "opentalk",
        "nextcloud-talk", "alfaview", "wire", "google-workspace", "jitsi-netways",
    ];

    private static readonly string[] Kinds = ["school", "municipality", "district", "state-authority", "university"];
    private static readonly string[] Models = ["saas", "saas", "self-operated", "external-provider"];
    private static readonly string[] Needs = ["normal", "normal", "high", "very-high"];
    private static readonly string[] Dpia = ["done", "threshold-only", "none", "not-required"];
    private static readonly string[] Informed = ["complete", "partial", "none"];
    private static readonly string[] Subjects = ["\"pupils\", \"teachers\"", "\"employees\"", "\"citizens\", \"employees\"", "\"students\", \"teachers\""];
    private static readonly string[] Bases = ["\"art6-1-e\"", "\"art6-1-a\"", "\"art6-1-c\", \"art6-1-e\"", ""];
    private static readonly string[] Flags = ["true", "false", "true", "\"unknown\""];

    public static IEnumerable<string> Lines(int count)
    {
        var random = new Random(20261127);
        for (var i = 0; i < count; i++)
        {
            string Pick(string[] values) => values[random.Next(values.Length)];
            yield return string.Create(CultureInfo.InvariantCulture,
                $$$"""{"id":"d{{{i}}}","service":"{{{Pick(Services)}}}","body":{"id":"b{{{i}}}","kind":"{{{Pick(Kinds)}}}","publicBody":true,"state":"MV"},"operatingModel":"{{{Pick(Models)}}}","purposes":["teaching"],"dataSubjects":[{{{Pick(Subjects)}}}],"specialCategories":{{{Pick(Flags)}}},"protectionNeed":"{{{Pick(Needs)}}}","legalBasis":[{{{Pick(Bases)}}}],"processorAgreementConcluded":{{{Pick(Flags)}}},"dpia":"{{{Pick(Dpia)}}}","recordOfProcessing":{{{Pick(Flags)}}},"participantsInformed":"{{{Pick(Informed)}}}","safeguards":{"e2eeEnabled":{{{Pick(Flags)}}},"lobby":{{{Pick(Flags)}}},"recordingOff":{{{Pick(Flags)}}},"telemetryBlocked":{{{Pick(Flags)}}}}}""");
        }
    }
}
