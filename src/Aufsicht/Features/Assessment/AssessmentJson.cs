using System.Globalization;
using System.Text.Json;
using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Assessment;

/// <summary>
/// Writes assessments as the JSON of DESIGN.md §5. A finding's JSON depends only on its criterion, reason,
/// arguments and the context (service, date, authority), so it is rendered once and then copied: re-evaluating a
/// survey repeats the same few findings many times.
/// </summary>
internal sealed class AssessmentJson(FindingText texts, bool cacheFindings = false, bool compact = false)
{
    private static readonly JsonWriterOptions RawOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<(Finding, ServiceAssessment?), byte[]> _findingCache = new(ReferencePairComparer.Instance);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One whole assessment (assess service).</summary>
    public void Write(Utf8JsonWriter w, CatalogAssessment a, ServiceCatalog catalog, DateOnly? factsAsOf)
    {
        var s = a.Service;
        w.WriteStartObject();
        w.WriteString("service", s.ServiceId);
        w.WriteString("asOf", Date(s.AsOf));
        w.WriteString("authority", s.Authority.Id);
        w.WriteString("verdict", s.Verdict.WireName());
        w.WriteString("technical", s.Technical.WireName());
        if (a.Deployment is { } d)
        {
            w.WritePropertyName("deployment");
            WriteDeployment(w, d, s);
        }

        w.WritePropertyName("findings");
        WriteFindings(w, s.Findings, s);
        w.WriteStartArray("alternatives");
        foreach (var id in a.Alternatives)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();

        // Extensions beyond DESIGN.md §5 (compatible: new fields only).
        w.WriteString("serviceName", s.ServiceName);
        if (factsAsOf is { } f)
        {
            w.WriteString("factsAsOf", Date(f));
        }

        w.WriteString("authorityView", Date(s.Authority.ValidFrom));
        w.WriteStartArray("decisions");
        foreach (var check in a.Decisions)
        {
            WriteDecision(w, check, catalog);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteDecision(Utf8JsonWriter w, DecisionCheck check, ServiceCatalog catalog)
    {
        var d = check.Decision;
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("authority", d.Authority);
        w.WriteString("authorityName", catalog.FindAuthority(d.Authority)?.Abbreviation ?? d.Authority);
        w.WriteString("date", Date(d.Date));
        if (d.FactsAsOf is { } f)
        {
            w.WriteString("factsAsOf", Date(f));
        }

        w.WriteString("published", d.Verdict.WireName());
        w.WriteString("engine", check.Engine.WireName());
        w.WriteBoolean("agrees", check.Agrees);
        w.WritePropertyName("reason");
        WriteText(w, d.Reason.De, d.Reason.En);
        w.WriteStartArray("sources");
        foreach (var source in d.Sources)
        {
            w.WriteStringValue(source.Url);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public void WriteDeployment(Utf8JsonWriter w, DeploymentAssessment d, ServiceAssessment s)
    {
        w.WriteStartObject();
        w.WriteString("verdict", d.Verdict.WireName());
        w.WritePropertyName("findings");
        WriteFindings(w, d.Findings, s);
        w.WriteEndObject();
    }

    public void WriteFindings(Utf8JsonWriter w, IReadOnlyList<Finding> findings, ServiceAssessment s)
    {
        w.WriteStartArray();
        foreach (var finding in findings)
        {
            if (cacheFindings)
            {
                w.WriteRawValue(FindingBytes(finding, s), skipInputValidation: true);
            }
            else
            {
                WriteFinding(w, finding, s);
            }
        }

        w.WriteEndArray();
    }

    private byte[] FindingBytes(Finding f, ServiceAssessment s)
    {
        // Findings and service assessments are shared instances (the engine interns the one, memoises the other),
        // so a reference pair identifies the rendered JSON; the compact form does not depend on the context at all.
        var key = (f, compact ? null : s);
        if (_findingCache.TryGetValue(key, out var bytes))
        {
            return bytes;
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, RawOptions))
        {
            WriteFinding(w, f, s);
        }

        bytes = buffer.ToArray();
        if (_findingCache.Count < 100_000)
        {
            _findingCache[key] = bytes;
        }

        return bytes;
    }

    private void WriteFinding(Utf8JsonWriter w, Finding f, ServiceAssessment s)
    {
        w.WriteStartObject();
        w.WriteString("criterion", f.Criterion);
        w.WriteString("level", f.Level.WireName());
        w.WriteString("reason", f.Reason);
        if (compact)
        {
            // The compact form of `assess batch`: texts come from the criteria catalogue by criterion and reason.
            if (f.Arg("fact") is { Length: > 0 } unknownFact)
            {
                w.WriteString("fact", unknownFact);
            }

            if (f.Arg("missing") is { } missing)
            {
                w.WriteStartArray("missing");
                foreach (var item in missing.Split(','))
                {
                    w.WriteStringValue(item);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            return;
        }

        w.WriteStartArray("articles");
        foreach (var article in texts.Articles(f))
        {
            w.WriteStringValue(article);
        }

        w.WriteEndArray();
        var authority = s.Authority.Abbreviation;
        w.WritePropertyName("explanation");
        WriteText(w, texts.Explanation(f, Language.De, s.ServiceNames.De, s.AsOf, authority), texts.Explanation(f, Language.En, s.ServiceNames.En, s.AsOf, authority));
        w.WritePropertyName("remedy");
        var de = texts.Remedy(f, Language.De, s.ServiceNames.De, s.AsOf, authority);
        if (de is null)
        {
            w.WriteNullValue();
        }
        else
        {
            WriteText(w, de, texts.Remedy(f, Language.En, s.ServiceNames.En, s.AsOf, authority)!);
        }

        if (f.Arg("fact") is { Length: > 0 } fact)
        {
            w.WriteString("fact", fact);
        }

        w.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter w, string de, string en)
    {
        w.WriteStartObject();
        w.WriteString("de", de);
        w.WriteString("en", en);
        w.WriteEndObject();
    }

    private sealed class ReferencePairComparer : IEqualityComparer<(Finding, ServiceAssessment?)>
    {
        public static readonly ReferencePairComparer Instance = new();

        public bool Equals((Finding, ServiceAssessment?) x, (Finding, ServiceAssessment?) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((Finding, ServiceAssessment?) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1),
                obj.Item2 is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
