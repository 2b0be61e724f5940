using System.Text.Json;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Law;
using Aufsicht.Core.Measures;

namespace Aufsicht.Features.Measures;

/// <summary>The JSON of a recommendation (docs/formats/measure.md), the same for the CLI and the API.</summary>
internal static class MeasureJson
{
    public static void Write(Utf8JsonWriter w, MeasureRecommendation r)
    {
        w.WriteStartObject();
        Powers(w, "recommended", r.Recommended);
        Powers(w, "available", r.Available);
        w.WriteStartArray("unavailable");
        foreach (var u in r.Unavailable)
        {
            w.WriteStartObject();
            w.WriteString("power", u.Power.WireName());
            Text(w, "reason", u.Reason);
            w.WriteString("code", u.Code);
            Text(w, "basis", u.Basis);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteBoolean("fineAdmissible", r.Fine.Admissible);
        Text(w, "fineReason", r.Fine.Reason);
        w.WriteNumber("rung", r.Rung.Number);
        Text(w, "rungTitle", r.Rung.Title);
        w.WriteBoolean("mayClose", r.MayClose);
        if (r.CoerciveEnforcement is { } coercion)
        {
            w.WriteBoolean("coerciveEnforcement", coercion);
        }

        w.WriteStartArray("procedure");
        foreach (var p in r.Procedure)
        {
            w.WriteStartObject();
            w.WriteString("step", p.Id);
            Text(w, "basis", p.Basis);
            Text(w, "title", p.Title);
            Text(w, "explanation", p.Explanation);
            Sources(w, p.Sources);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("steps");
        foreach (var s in r.Steps)
        {
            w.WriteStartObject();
            w.WriteString("id", s.Id);
            w.WriteString("rule", s.Rule);
            w.WriteString("source", s.Source);
            w.WriteString("sourceUrl", s.SourceUrl);
            w.WriteStartObject("input");
            foreach (var (key, value) in s.Input)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            w.WriteString("output", s.Output);
            Text(w, "explanation", s.Explanation);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Powers(Utf8JsonWriter w, string name, IEnumerable<Power> powers)
    {
        w.WriteStartArray(name);
        foreach (var p in powers)
        {
            w.WriteStringValue(p.WireName());
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

    private static void Sources(Utf8JsonWriter w, IReadOnlyList<Source> sources)
    {
        w.WriteStartArray("sources");
        foreach (var s in sources)
        {
            w.WriteStartObject();
            w.WriteString("url", s.Url);
            w.WriteString("seen", s.Seen.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
