using Aufsicht.Core.Fines;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Fines;

/// <summary>
/// The calculation as a sheet a case handler can file: the method, each step with its title, rule, explanation and
/// source, and the fine in the language's notation (<c>150.000,00 €</c> / <c>€150,000.00</c>).
/// </summary>
internal static class FineSheet
{
    public static void Write(TextWriter w, FineCalculation calculation, Language language)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(calculation);
        w.WriteLine(Texts.T(language, "fine.sheet.title"));
        w.WriteLine(Texts.T(language, "fine.sheet.method", calculation.Method.Name.In(language)));
        w.WriteLine();
        var number = 1;
        foreach (var step in calculation.Steps.Where(s => s.Id != FineCalculator.TotalStep))
        {
            Step(w, step, number++, calculation.Method, language);
        }

        if (!calculation.FineAdmissible)
        {
            w.WriteLine(Texts.T(language, "fine.sheet.none", calculation.Admissibility.Reason.In(language)));
            return;
        }

        foreach (var conduct in calculation.Conducts)
        {
            if (calculation.Conducts.Count > 1)
            {
                w.WriteLine(Texts.T(language, "fine.sheet.conduct", conduct.Conduct, conduct.Tier.Rule.In(language)));
                w.WriteLine();
            }

            foreach (var step in conduct.Steps)
            {
                Step(w, step, number++, calculation.Method, language);
            }

            if (calculation.Conducts.Count > 1)
            {
                w.WriteLine(Texts.T(language, "fine.sheet.fine", FineFormat.Money(conduct.Fine, language)));
                w.WriteLine();
            }
        }

        foreach (var step in calculation.Steps.Where(s => s.Id == FineCalculator.TotalStep))
        {
            Step(w, step, number++, calculation.Method, language);
        }

        w.WriteLine(Texts.T(language, calculation.Conducts.Count > 1 ? "fine.sheet.total" : "fine.sheet.fine", FineFormat.Money(calculation.Fine!.Value, language)));
        w.WriteLine();
        w.WriteLine(Texts.T(language, "fine.sheet.note"));
    }

    private static void Step(TextWriter w, FineStep step, int number, FineMethodRules method, Language language)
    {
        w.WriteLine($"{number}. {Texts.T(language, "fine.step." + step.Id)} – {step.Rule.In(language)}");
        w.WriteLine("   " + step.Explanation.In(language));
        var source = step.Id == "admissibility" ? step.Rule.In(language) : Source(step.Source, method, language);
        w.WriteLine("   " + Texts.T(language, "fine.sheet.source", string.IsNullOrEmpty(step.SourceUrl) ? source : $"{source} ({step.SourceUrl})"));
        w.WriteLine();
    }

    /// <summary>The method's citation in the language: its German name and the section in German words.</summary>
    private static string Source(string source, FineMethodRules method, Language language)
    {
        if (language == Language.En || !source.StartsWith(method.Citation, StringComparison.Ordinal))
        {
            return source;
        }

        var section = source[method.Citation.Length..].TrimStart(',', ' ')
            .Replace("chapter", "Kapitel", StringComparison.Ordinal)
            .Replace("steps", "Schritte", StringComparison.Ordinal)
            .Replace("step", "Schritt", StringComparison.Ordinal)
            .Replace(" and ", " und ", StringComparison.Ordinal)
            .Replace("GDPR", "DSGVO", StringComparison.Ordinal);
        section = section.Replace("Art. 83(3) DSGVO", "Art. 83 Abs. 3 DSGVO", StringComparison.Ordinal);
        return section.Length == 0 ? method.Name.De : $"{method.Name.De}, {section}";
    }
}
