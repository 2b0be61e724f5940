using System.Text.Json;
using Aufsicht.Core.Fines;

namespace Aufsicht.Features.Fines;

/// <summary>
/// The JSON of a calculated fine (docs/formats/fine.md), the same for the CLI and the API: money as strings with two
/// decimals, fractions as written in the method's table, and no field that does not apply to the method or input.
/// </summary>
internal static class FineJson
{
    public static void Write(Utf8JsonWriter w, FineCalculation calculation)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(calculation);
        w.WriteStartObject();
        w.WriteBoolean("fineAdmissible", calculation.FineAdmissible);
        if (!calculation.FineAdmissible)
        {
            w.WriteStartObject("reason");
            w.WriteString("de", calculation.Admissibility.Reason.De);
            w.WriteString("en", calculation.Admissibility.Reason.En);
            w.WriteEndObject();
            w.WriteStartObject("basis");
            w.WriteString("de", calculation.Admissibility.Basis.De);
            w.WriteString("en", calculation.Admissibility.Basis.En);
            w.WriteEndObject();
        }
        else if (calculation.Conducts.Count == 1)
        {
            Amounts(w, calculation.Conducts[0]);
        }
        else
        {
            w.WriteString("fine", FineFormat.Json(calculation.Fine!.Value));
            w.WriteStartArray("conducts");
            foreach (var conduct in calculation.Conducts)
            {
                w.WriteStartObject();
                w.WriteString("conduct", conduct.Conduct);
                w.WriteString("tier", conduct.Tier.Id);
                Amounts(w, conduct);
                Steps(w, conduct.Steps);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        Steps(w, calculation.Conducts.Count == 1 ? calculation.AllSteps : calculation.Steps);
        w.WriteEndObject();
    }

    private static void Amounts(Utf8JsonWriter w, ConductFine c)
    {
        w.WriteString("legalMaximum", FineFormat.Json(c.LegalMaximum));
        if (c.StartingLow is { } low && c.StartingHigh is { } high)
        {
            w.WriteStartArray("startingRange");
            w.WriteStringValue(FineFormat.Json(low));
            w.WriteStringValue(FineFormat.Json(high));
            w.WriteEndArray();
        }

        w.WriteString("startingAmount", FineFormat.Json(c.StartingAmount));
        if (c.TurnoverFactorLow is { } factorLow && c.TurnoverFactorHigh is { } factorHigh)
        {
            // As the method's table writes them ("0.10"): the decimal keeps the scale it was read with.
            w.WriteStartArray("turnoverFactorRange");
            w.WriteStringValue(factorLow.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteStringValue(factorHigh.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndArray();
        }

        if (c.TurnoverAdjustmentApplied is { } applied)
        {
            w.WriteString("turnoverAdjustment", applied ? "applied" : "none");
        }

        w.WriteString("adjusted", FineFormat.Json(c.Adjusted));
        w.WriteString("fine", FineFormat.Json(c.Fine));
        if (c.SizeClass is not null)
        {
            w.WriteString("sizeClass", c.SizeClass);
        }

        if (c.DailyRate is { } rate)
        {
            w.WriteString("dailyRate", FineFormat.Json(rate));
        }
    }

    private static void Steps(Utf8JsonWriter w, IEnumerable<FineStep> steps)
    {
        w.WriteStartArray("steps");
        foreach (var step in steps)
        {
            w.WriteStartObject();
            w.WriteString("id", step.Id);
            w.WriteString("rule", step.Rule.En);
            w.WriteString("source", step.Source);
            w.WriteString("sourceUrl", step.SourceUrl);
            w.WriteStartObject("input");
            foreach (var (key, value) in step.Input)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            w.WriteString("output", step.Output);
            w.WriteStartObject("explanation");
            w.WriteString("de", step.Explanation.De);
            w.WriteString("en", step.Explanation.En);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
