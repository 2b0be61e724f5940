using Aufsicht.Cli;
using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Assessment;

/// <summary>The text format of an assessment: verdicts first, then a table of findings, then what to do and what instead.</summary>
internal static class AssessmentText
{
    public static void Write(Terminal t, CatalogAssessment a, ServiceProfile? service, LegalData data, Language lang)
    {
        var s = a.Service;
        var texts = new FindingText(data.Criteria);
        var de = lang == Language.De;
        var w = t.Writer;
        string Day(DateOnly date) => FindingText.Date(date, lang);
        w.WriteLine(t.Bold($"{s.ServiceNames.In(lang)} ({s.ServiceId})"));
        w.WriteLine(de
            ? $"Stichtag {Day(s.AsOf)} · Sicht: {s.Authority.Abbreviation} ({s.Authority.Label.De}, ab {Day(s.Authority.ValidFrom)})"
            : $"As of {Day(s.AsOf)} · view: {s.Authority.Abbreviation} ({s.Authority.Label.En}, from {Day(s.Authority.ValidFrom)})");
        if (s.Authority.ValidFrom > s.AsOf)
        {
            w.WriteLine(de
                ? $"Hinweis: Diese Sicht ist erst ab {Day(s.Authority.ValidFrom)} belegt; für frühere Stichtage gilt ihre früheste Fassung."
                : $"Note: this view is documented only from {Day(s.Authority.ValidFrom)}; earlier dates use its earliest version.");
        }

        if (service is not null)
        {
            w.WriteLine(de ? $"Faktenstand {Day(service.FactsAsOf)} · {service.Provider.Names.De} ({Seat(service.Provider.Seat, lang)})"
                : $"Facts as of {Day(service.FactsAsOf)} · {service.Provider.Names.En} ({Seat(service.Provider.Seat, lang)})");
        }

        w.WriteLine();
        w.WriteLine((de ? "Rechtliche Bewertung:  " : "Legal verdict:      ") + t.Paint(s.Verdict.WireName()));
        w.WriteLine((de ? "Technische Bewertung:  " : "Technical verdict:  ") + t.Paint(s.Technical.WireName()));
        if (a.Deployment is { } d)
        {
            w.WriteLine((de ? "Einsatz der Stelle:    " : "Deployment verdict: ") + t.Paint(d.Verdict.WireName()));
        }

        w.WriteLine();
        Findings(t, texts, data.Criteria, s, s.Findings.Where(f => f.Reason != "gated"), lang);
        var gated = s.Findings.Count(f => f.Reason == "gated");
        if (gated > 0)
        {
            w.WriteLine(de
                ? $"({gated} technische Kriterien nicht bewertet: die rechtliche Prüfung ist nicht bestanden.)"
                : $"({gated} technical criteria not assessed: the legal stage was not passed.)");
        }

        if (a.Deployment is { } use)
        {
            w.WriteLine();
            w.WriteLine(t.Bold(de ? "Einsatz der Stelle" : "Use by the body"));
            Findings(t, texts, data.Criteria, s, use.Findings, lang);
        }

        var remedies = s.Findings.Concat(a.Deployment?.Findings ?? [])
            .Where(f => f.Level is Level.Red or Level.Yellow or Level.NotAssessed && f.Reason != "gated")
            .Select(f => (f.Criterion, Text: texts.Remedy(f, lang, s.ServiceNames.In(lang), s.AsOf, s.Authority.Abbreviation)))
            .Where(r => r.Text is not null)
            .DistinctBy(r => r.Text)
            .ToList();
        if (remedies.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(t.Bold(de ? "Abhilfe" : "Remedies"));
            foreach (var (criterion, text) in remedies)
            {
                w.WriteLine($"  {data.Criteria.Label(criterion, lang)}: {text}");
            }
        }

        if (a.Alternatives.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(t.Bold(de ? "Alternativen (auf diesen Stichtag grün)" : "Alternatives (green on this date)"));
            foreach (var id in a.Alternatives)
            {
                w.WriteLine($"  {id} — {data.Catalog.Latest(id)?.Names.In(lang)}");
            }
        }

        if (a.Decisions.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(t.Bold(de ? "Veröffentlichte Entscheidungen" : "Published decisions"));
            t.Table(
                de ? ["Behörde", "Datum", "veröffentlicht", "Aufsicht", ""] : ["Authority", "Date", "published", "engine", ""],
                a.Decisions.Select(c => (IReadOnlyList<string>)
                [
                    data.Catalog.FindAuthority(c.Decision.Authority)?.Abbreviation ?? c.Decision.Authority,
                    Day(c.Decision.Date),
                    t.Paint(c.Decision.Verdict.WireName()),
                    t.Paint(c.Engine.WireName()),
                    c.Agrees ? (de ? "stimmt überein" : "agrees") : (de ? "WEICHT AB" : "DISAGREES"),
                ]));
        }
    }

    /// <summary>One row per finding; consecutive findings with the same level and text (e.g. L01–L12 "no processor") share a row.</summary>
    /// <summary>A provider's seat as a country code, or "unknown" in the language.</summary>
    private static string Seat(string seat, Language lang) => seat != Core.Catalog.FactDomains.Unknown ? seat : lang == Language.De ? "unbekannt" : "unknown";

    private static void Findings(Terminal t, FindingText texts, CriteriaCatalog criteria, ServiceAssessment s, IEnumerable<Finding> findings, Language lang)
    {
        var rows = new List<(string First, string Last, Level Level, string Articles, string Text)>();
        foreach (var f in findings)
        {
            var text = texts.Explanation(f, lang, s.ServiceNames.In(lang), s.AsOf, s.Authority.Abbreviation);
            if (rows.Count > 0 && rows[^1].Level == f.Level && rows[^1].Text == text)
            {
                rows[^1] = rows[^1] with { Last = f.Criterion, Articles = lang == Language.De ? "(mehrere)" : "(several)" };
                continue;
            }

            rows.Add((f.Criterion, f.Criterion, f.Level, ArticleNotation.FormatAll(texts.Articles(f), lang), text));
        }

        t.Table(
            lang == Language.De ? ["Kriterium", "Stufe", "Artikel", "Begründung"] : ["Criterion", "Level", "Articles", "Explanation"],
            rows.Select(r => (IReadOnlyList<string>)
            [
                r.First == r.Last ? criteria.Label(r.First, lang) : $"{r.First}–{r.Last}",
                t.Paint(r.Level.WireName()),
                r.Articles,
                r.Text,
            ]));
    }
}
