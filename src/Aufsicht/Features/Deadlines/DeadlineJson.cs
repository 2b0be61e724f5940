using System.Globalization;
using System.Text.Json;
using Aufsicht.Core.Deadlines;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Deadlines;

/// <summary>
/// The JSON of a deadline (docs/formats/deadline.md), the same for the CLI and the API: <c>delivered</c>,
/// <c>nominalEnd</c>, <c>end</c>, <c>steps</c> (the contract), and the added <c>state</c>, <c>period</c>,
/// <c>delivery</c>, <c>acceptUntil</c> and <c>alternatives</c>. ISO dates only.
/// </summary>
internal static class DeadlineJson
{
    public static void Write(Utf8JsonWriter w, Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(deadline);
        w.WriteStartObject();
        if (deadline.Request.Sent is { } sent)
        {
            w.WriteString("sent", Date(sent));
        }

        Reading(w, deadline.Result);
        w.WriteString("period", deadline.Request.Period.ToString());
        w.WriteString("delivery", deadline.Request.Delivery.ToString().ToLowerInvariant());
        if (deadline.Request.State is { } state)
        {
            w.WriteString("state", state);
        }
        else
        {
            w.WriteNull("state");
        }

        w.WriteString("acceptUntil", Date(deadline.AcceptUntil));
        w.WriteStartArray("alternatives");
        foreach (var alternative in deadline.Alternatives)
        {
            w.WriteStartObject();
            Text(w, "reason", alternative.Reason);
            Reading(w, alternative.Reading);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Reading(Utf8JsonWriter w, DeadlineReading reading)
    {
        w.WriteString("delivered", Date(reading.Delivered));
        w.WriteString("nominalEnd", Date(reading.NominalEnd));
        w.WriteString("end", Date(reading.End));
        w.WriteStartArray("steps");
        foreach (var step in reading.Steps)
        {
            w.WriteStartObject();
            w.WriteString("rule", step.Rule.De);
            w.WriteString("source", step.Source);
            w.WriteString("date", Date(step.Date));
            Text(w, "ruleText", step.Rule);
            Text(w, "explanation", step.Explanation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter w, string name, LocalizedText text)
    {
        w.WriteStartObject(name);
        w.WriteString("de", text.De);
        w.WriteString("en", text.En);
        w.WriteEndObject();
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
