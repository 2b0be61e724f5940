using Aufsicht.Cli;
using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Law;
using Aufsicht.Core.Measures;

namespace Aufsicht.Features.Measures;

/// <summary>The text format: a note for the file — the measures with their terms and articles, why, what is unavailable and why, the procedure.</summary>
internal static class MeasureNote
{
    public static void Write(Terminal t, MeasureRecommendation r, Language lang)
    {
        var w = t.Writer;
        string T(string key, params object[] args) => Texts.T(lang, key, args);
        w.WriteLine(t.Bold(T("measure.text.title")));
        w.WriteLine(T("measure.text.rung", r.Rung.Number, r.Rung.Title.In(lang)));
        w.WriteLine();
        w.WriteLine(t.Bold(T("measure.text.recommended")));
        if (r.Recommended.Count == 0)
        {
            w.WriteLine("  " + T("measure.text.none"));
        }

        foreach (var p in r.Recommended)
        {
            w.WriteLine($"  – {Named(p, lang)}");
        }

        if (r.MayClose)
        {
            w.WriteLine("  " + T("measure.text.mayClose"));
        }

        w.WriteLine();
        w.WriteLine(t.Bold(T("measure.text.why")));
        foreach (var s in r.Steps)
        {
            w.WriteLine($"  – {s.Explanation.In(lang)}");
        }

        w.WriteLine();
        w.WriteLine($"{t.Bold(T("measure.text.fine"))}: {(r.Fine.Admissible ? T("measure.text.fineAdmissible") : T("measure.text.fineInadmissible"))} ({r.Fine.Basis.In(lang)})");
        w.WriteLine();
        w.WriteLine($"{t.Bold(T("measure.text.available"))}: {string.Join(", ", r.Available.Select(p => Letter(p, lang)))}");
        w.WriteLine(t.Bold(T("measure.text.unavailable")));
        foreach (var u in r.Unavailable)
        {
            w.WriteLine($"  – {Named(u.Power, lang)}: {u.Reason.In(lang)}");
        }

        if (r.Procedure.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(t.Bold(T("measure.text.procedure")));
            var n = 1;
            foreach (var p in r.Procedure)
            {
                w.WriteLine($"  {n++}. {p.Title.In(lang)} ({p.Basis.In(lang)}): {p.Explanation.In(lang)}");
            }
        }
    }

    /// <summary>„Verwarnung (Art. 58 Abs. 2 lit. b DSGVO)“ / "Reprimand (Art. 58(2)(b) GDPR)".</summary>
    public static string Named(Power p, Language lang) => $"{Capital(p.Term().In(lang))} ({p.Article(lang)})";

    private static string Letter(Power p, Language lang) => lang == Language.De ? $"lit. {Powers.Letter(p)}" : $"({Powers.Letter(p)})";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
