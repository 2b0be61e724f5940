using System.Text.Json;

namespace Aufsicht.Tests.Shared;

/// <summary>
/// A complete, good answer to the shipped questionnaire (<c>data/questionnaires/videokonferenz.json</c>) for one
/// service, with a test's own answers laid over it: the one place that lists every question a use is asked, so a new
/// required question is added here and nowhere else. The good use is self-operated on own servers for internal
/// meetings of employees, every duty met (a compliant body for a compliant service).
/// </summary>
public static class SurveyAnswers
{
    /// <summary>The question that picks the services; the per-service questions are keyed <c>question@service</c>.</summary>
    public const string Services = "services";

    /// <summary>The per-service answers of the good use, in the order of the questionnaire.</summary>
    private static readonly (string Question, string[] Values)[] GoodUse =
    [
        ("operatingModel", ["self-operated"]),
        ("hosting", ["own"]),
        ("processorAgreement", ["yes"]),
        ("purposes", ["internal-meetings"]),
        ("participants", ["employees"]),
        ("specialCategories", ["no"]),
        ("legalBasis", ["art6-1-e"]),
        ("protectionNeed", ["normal"]),
        ("dpia", ["not-required"]),
        ("recordOfProcessing", ["yes"]),
        ("participantsInformed", ["complete"]),
        ("e2ee", ["no"]),
        ("lobby", ["yes"]),
        ("recordingOff", ["yes"]),
        ("telemetryBlocked", ["yes"]),
    ];

    /// <summary>
    /// The per-service answers (question ids without the service), each question of <paramref name="overrides"/>
    /// answered with its values there instead (a question named twice: both values). The processor agreement is only
    /// asked of a service not operated by the body itself, so it is left out for a self-operated one.
    /// </summary>
    public static IReadOnlyList<(string Question, string[] Values)> Use(params (string Question, string Value)[] overrides)
    {
        var own = overrides.GroupBy(o => o.Question, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(o => o.Value).ToArray(), StringComparer.Ordinal);
        var answers = GoodUse.Select(a => (a.Question, Values: own.GetValueOrDefault(a.Question) ?? a.Values))
            .Concat(own.Where(o => !GoodUse.Any(a => a.Question == o.Key)).Select(o => (Question: o.Key, Values: o.Value)))
            .ToList();
        var model = answers.First(a => a.Question == "operatingModel").Values;
        answers.RemoveAll(a => a.Question == "processorAgreement" && model is ["self-operated"] && !own.ContainsKey("processorAgreement"));
        return answers;
    }

    /// <summary>The per-service answers keyed as the survey stores them: <c>hosting@zoom</c>.</summary>
    public static IReadOnlyList<(string Key, string[] Values)> Keyed(string service, params (string Question, string Value)[] overrides) =>
        [.. Use(overrides).Select(a => ($"{a.Question}@{service}", a.Values))];

    /// <summary>The whole answer: uses video conferencing, only <paramref name="service"/> (with <paramref name="users"/> if given), and its use.</summary>
    public static IReadOnlyList<(string Key, string[] Values)> For(string service, string? users, params (string Question, string Value)[] overrides) =>
    [
        ("usesVideo", ["yes"]), (Services, [service]), .. users is null ? [] : new[] { ("users", new[] { users }) }, .. Keyed(service, overrides),
    ];

    /// <summary>The body of a submission over the answer API: <c>{"answers": {...}, "submit": true}</c>.</summary>
    public static string Json(string service, string? users, params (string Question, string Value)[] overrides) =>
        JsonSerializer.Serialize(new { answers = For(service, users, overrides).ToDictionary(a => a.Key, a => a.Values), submit = true });

    /// <summary>The form fields of the service's page in the browser survey (<c>a:hosting@zoom</c>), one per value.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Form(string service, params (string Question, string Value)[] overrides) =>
        [.. Keyed(service, overrides).SelectMany(a => a.Values.Select(v => KeyValuePair.Create("a:" + a.Key, v)))];
}
