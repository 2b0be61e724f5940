using System.Text.Json;
using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Cases;

/// <summary>An audit entry of a case in words: the action, and what it set (deadline, measure, outcome) in the reader's language.</summary>
internal static class CaseHistory
{
    public static string Describe(string action, string dataJson, Language language)
    {
        if (action is "case.letter" or "case.letter.sent")
        {
            return Letter(action, dataJson, language);
        }

        var what = action == "case.open" ? Texts.T(language, "case.open") : Texts.T(language, "case.action." + action["case.".Length..]);
        using var data = JsonDocument.Parse(dataJson);
        var parts = new List<string> { what };
        var root = data.RootElement;
        if (root.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.String)
        {
            parts.Add(Texts.T(language, "case.history.to", Texts.T(language, "case.state." + to.GetString())));
        }

        if (root.TryGetProperty("deadline", out var deadline) && deadline.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(deadline.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            parts.Add(Texts.T(language, "case.history.deadline", Shared.LocalDates.Day(day, language)));
        }

        if (root.TryGetProperty("measure", out var measure) && measure.ValueKind == JsonValueKind.String)
        {
            parts.Add(string.Join(", ", measure.GetString()!.Split(',').Select(w => Powers.TryParse(w, out var p) ? p.Term().In(language) : w)));
        }

        if (root.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.String)
        {
            parts.Add(Texts.T(language, "case.outcome." + outcome.GetString()));
        }

        if (root.TryGetProperty("handlerTo", out var handler) && handler.ValueKind == JsonValueKind.String)
        {
            parts.Add(Texts.T(language, "case.history.handler", handler.GetString()!));
        }

        if (root.TryGetProperty("fine", out var fine) && fine.ValueKind == JsonValueKind.String
            && decimal.TryParse(fine.GetString(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount))
        {
            parts.Add(Texts.T(language, "case.history.fine", Core.Fines.FineFormat.Money(amount, language)));
        }

        if (root.TryGetProperty("askedUntil", out var asked) && asked.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(asked.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var until))
        {
            parts.Add(Texts.T(language, "case.history.asked", Shared.LocalDates.Day(until, language)));
        }

        return string.Join(" · ", parts);
    }

    /// <summary>A letter filed (its title and the PDF's hash, shortened) or sent (its title and the channel).</summary>
    private static string Letter(string action, string dataJson, Language language)
    {
        using var data = JsonDocument.Parse(dataJson);
        var root = data.RootElement;
        string Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        return action == "case.letter"
            ? Texts.T(language, "case.history.letter", Text("title"), Text("sha256") is { Length: > 12 } hash ? hash[..12] + "…" : Text("sha256"))
            : Texts.T(language, "case.history.letter.sent", Text("title"), Texts.T(language, "case.letters.channel." + Text("channel")));
    }
}
