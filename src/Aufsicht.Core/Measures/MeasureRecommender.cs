using System.Globalization;
using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Measures;

/// <summary>A power that is not available in the case, and why.</summary>
public sealed record UnavailablePower(Power Power, string Code, LocalizedText Reason, LocalizedText Basis);

/// <summary>A step of the procedure in this case: its id, title, provision, explanation and sources.</summary>
public sealed record ProcedureStep(string Id, LocalizedText Title, LocalizedText Basis, LocalizedText Explanation, IReadOnlyList<Catalog.Source> Sources);

/// <summary>
/// One step of the reasoning, in the shape the fine calculator uses too: the rule applied, its source, what went in,
/// what came out and an explanation in German and English.
/// </summary>
public sealed record ReasoningStep(string Id, string Rule, string Source, string SourceUrl, IReadOnlyDictionary<string, string> Input, string Output, LocalizedText Explanation);

/// <summary>
/// The measure recommended for a case: the rung of the ladder, the recommended powers, every power available at all,
/// why each other one is not, whether a fine is admissible, the procedure and the reasoning.
/// </summary>
public sealed record MeasureRecommendation(
    Rung Rung,
    bool MayClose,
    IReadOnlyList<Power> Recommended,
    IReadOnlyList<Power> Available,
    IReadOnlyList<UnavailablePower> Unavailable,
    FineAdmissibility Fine,
    bool? CoerciveEnforcement,
    IReadOnlyList<ProcedureStep> Procedure,
    IReadOnlyList<ReasoningStep> Steps);

/// <summary>
/// The escalation ladder of domain/fines.md §1 (our design, from Art. 58(2), recitals 129 and 148 and the case law)
/// with the rules for public bodies of the controller's jurisdiction. Pure: the rules and tables are passed in.
/// </summary>
public sealed class MeasureRecommender(MeasureRules rules, CriteriaCatalog criteria, JurisdictionTable jurisdictions)
{
    private const string GdprUrl = "https://eur-lex.europa.eu/eli/reg/2016/679/oj";

    /// <summary>The orders whose non-compliance escalates the case (a warning or reprimand orders nothing).</summary>
    private static readonly Power[] Orders = [Power.C, Power.D, Power.E, Power.F, Power.G, Power.J];

    public MeasureRecommendation Recommend(MeasureCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var steps = new List<ReasoningStep>();
        var red = c.Findings.Where(f => f.Level == Level.Red).Select(f => f.Criterion).Distinct().ToArray();
        var infringing = c.Findings.Where(f => f.Level is Level.Red or Level.Yellow).Select(f => f.Criterion).Distinct().ToArray();
        var transfers = red.Where(IsTransfer).ToArray();
        var legalBasis = red.Where(id => criteria[id].Articles.Any(a => ArticleNumber(a) is 6 or 9)).ToArray();
        var large = c.DataSubjects >= rules.LargeScale;
        var serious = red.Length > 0 && (c.SpecialCategories || c.Minors || large);
        var minor = red.Length == 0 && !c.SpecialCategories && !c.Minors && !large;
        steps.Add(Step(
            "seriousness", "Art. 58(2) GDPR; recitals 129, 148", "Aufsicht escalation ladder (own design)", GdprUrl,
            new Dictionary<string, string>
            {
                ["red"] = string.Join(", ", red),
                ["yellow"] = string.Join(", ", c.Findings.Where(f => f.Level == Level.Yellow).Select(f => f.Criterion).Distinct()),
                ["specialCategories"] = Bool(c.SpecialCategories),
                ["minors"] = Bool(c.Minors),
                ["dataSubjects"] = c.DataSubjects.ToString(CultureInfo.InvariantCulture),
                ["largeScale"] = rules.LargeScale.ToString(CultureInfo.InvariantCulture),
            },
            serious ? "serious" : minor ? "minor" : "not-serious",
            serious
                ? new($"Schwerwiegend: rote Feststellungen ({string.Join(", ", red)}) betreffen {Concerns(c, large, Language.De)}.", $"Serious: red findings ({string.Join(", ", red)}) concern {Concerns(c, large, Language.En)}.")
                : minor
                    ? new("Geringfügig: keine rote Feststellung, keine besonderen Kategorien, keine Kinder, keine große Zahl betroffener Personen.", "Minor: no red finding, no special categories, no children, no large number of data subjects.")
                    : red.Length > 0
                        ? new($"Nicht schwerwiegend: rote Feststellungen ({string.Join(", ", red)}), aber keine besonderen Kategorien, keine Kinder und keine große Zahl betroffener Personen.", $"Not serious: red findings ({string.Join(", ", red)}), but no special categories, no children and no large number of data subjects.")
                        : new($"Nicht geringfügig: keine rote Feststellung, aber die Verarbeitung betrifft {Concerns(c, large, Language.De)}.", $"Not minor: no red finding, but the processing concerns {Concerns(c, large, Language.En)}.")));
        if (transfers.Length > 0 && c.Processing != Processing.Planned)
        {
            steps.Add(Step(
                "transfers", "Art. 44–49, Art. 58(2)(j) GDPR", "Aufsicht escalation ladder (own design)", GdprUrl,
                new Dictionary<string, string> { ["criteria"] = string.Join(", ", transfers) },
                "58(2)(j)",
                new($"Rote Feststellungen zu Übermittlungen in Drittländer (Kapitel V DSGVO): {string.Join(", ", transfers)}. Das Mittel dafür ist die Aussetzung der Datenübermittlung, zusammen mit der Anweisung nach lit. d.", $"Red findings on transfers to third countries (Chapter V GDPR): {string.Join(", ", transfers)}. The means for that is the suspension of data flows, together with the order under (d).")));
        }

        var fine = jurisdictions.FineAdmissibility(c.Controller);
        steps.Add(Step(
            "fine-admissibility", fine.Basis.En, fine.Basis.En, fine.Sources.Count > 0 ? fine.Sources[0].Url : GdprUrl,
            new Dictionary<string, string> { ["publicBody"] = Bool(c.Controller.PublicBody), ["inCompetition"] = Bool(c.Controller.InCompetition), ["country"] = c.Controller.Country, ["state"] = c.Controller.State ?? string.Empty },
            fine.Admissible ? "admissible" : "not-admissible",
            fine.Reason));
        var culpable = c.Culpability is Culpability.Intent or Culpability.Negligence;
        steps.Add(Step(
            "culpability", "Art. 83 GDPR", "CJEU C-807/21", "https://curia.europa.eu/juris/liste.jsf?num=C-807/21",
            new Dictionary<string, string> { ["culpability"] = c.Culpability.WireName() },
            culpable ? "culpable" : c.Culpability == Culpability.None ? "not-culpable" : "unknown",
            culpable
                ? new("Der Verstoß ist vorsätzlich oder fahrlässig: Eine Geldbuße ist dem Grunde nach möglich (EuGH C-807/21).", "The infringement is intentional or negligent: a fine is possible in principle (CJEU C-807/21).")
                : new("Ohne festgestellten Vorsatz oder festgestellte Fahrlässigkeit keine Geldbuße (EuGH C-807/21).", "Without established intent or negligence there is no fine (CJEU C-807/21).")));

        var ignored = c.PreviousMeasures.Where(p => !p.Complied && Orders.Contains(p.Power)).Select(p => p.Power).Distinct().ToArray();

        // What is available at all, and why each other power is not.
        var unavailable = new List<UnavailablePower>();
        foreach (var power in Powers.All)
        {
            if (Unavailable(c, power, fine, culpable, infringing) is { } code)
            {
                var reason = rules.Reason(code);
                var text = code == "i-not-admissible" ? fine.Reason : reason.Text;
                var basis = code == "i-not-admissible" ? fine.Basis : reason.Basis;
                unavailable.Add(new UnavailablePower(power, code, text, basis));
            }
        }

        var available = Powers.All.Where(p => unavailable.All(u => u.Power != p)).ToArray();
        bool Can(Power p) => available.Contains(p);

        // The rung the facts give, then one up for an ignored order, then the fine where it deters.
        int rung;
        var mayClose = false;
        if (c.Processing == Processing.Planned)
        {
            rung = 1;
        }
        else if (infringing.Length == 0 || (c.Remedied && minor))
        {
            rung = 0;
            mayClose = true;
        }
        else if (c.Processing == Processing.Ended || c.Remedied)
        {
            rung = 2;
        }
        else
        {
            rung = serious ? 4 : 3;
        }

        var escalated = false;
        if (ignored.Length > 0 && rung is 3 or 4 && c.Processing == Processing.Ongoing && !c.Remedied)
        {
            rung++;
            escalated = true;
        }

        var deterrence = culpable && Can(Power.I) && (c.Culpability == Culpability.Intent || serious || ignored.Length > 0) && infringing.Length > 0;
        var blocked = false;
        if (rung == 5 && !Can(Power.I))
        {
            rung = 4; // no fine here: the strongest orders stay, and for an authority the escalation path follows
            blocked = true;
        }

        var recommended = new List<Power>();
        void Add(Power p)
        {
            if (Can(p) && !recommended.Contains(p))
            {
                recommended.Add(p);
            }
        }

        var orderRung = rung == 5 ? (serious || escalated ? 4 : 3) : rung;
        switch (orderRung)
        {
            case 0 when infringing.Length > 0:
            case 2:
                Add(Power.B);
                break;
            case 1:
                Add(Power.A);
                break;
        }

        if (orderRung is 3 or 4)
        {
            Add(Power.D);
            if (orderRung == 4)
            {
                if (transfers.Length > 0)
                {
                    Add(Power.J);
                }

                if (c.SpecialCategories || c.Minors || transfers.Length == 0 || transfers.Length < red.Length && escalated)
                {
                    Add(Power.F);
                }

                Add(Power.H);
            }
        }

        if (rung >= 2)
        {
            Add(Power.C);
            Add(Power.E);
            if (legalBasis.Length > 0)
            {
                Add(Power.G);
            }
        }

        if (deterrence)
        {
            rung = 5;
            Add(Power.I);
        }

        if (c.PreviousMeasures.Count > 0)
        {
            var orders = ignored.Select(p => (De: "Anordnung nach " + p.Article(Language.De), En: "order under " + p.Article(Language.En))).ToArray();
            steps.Add(Step(
                "previous-measures", "Art. 58(2), Art. 83(6) GDPR", "Aufsicht escalation ladder (own design)", GdprUrl,
                new Dictionary<string, string> { ["ignored"] = string.Join(", ", ignored.Select(p => p.WireName())), ["complied"] = string.Join(", ", c.PreviousMeasures.Where(p => p.Complied).Select(p => p.Power.WireName())) },
                escalated && !blocked ? "escalate" : "no-escalation",
                escalated && !blocked
                    ? new($"Nicht befolgt: {string.Join(", ", orders.Select(o => o.De))}. Die Maßnahme steigt um eine Stufe.", $"Not complied with: {string.Join(", ", orders.Select(o => o.En))}. The measure goes up one rung.")
                    : ignored.Length > 0
                        ? new($"Nicht befolgt: {string.Join(", ", orders.Select(o => o.De))}. Eine höhere Stufe steht nicht offen (die Verarbeitung ist beendet oder behoben, oder die Stufe ist bereits die höchste verfügbare).", $"Not complied with: {string.Join(", ", orders.Select(o => o.En))}. No higher rung is open (the processing has ended or is remedied, or the rung is already the highest available).")
                        : new("Frühere Maßnahmen wurden befolgt oder ordneten nichts an: keine Eskalation.", "Earlier measures were complied with or ordered nothing: no escalation.")));
        }

        var rungData = rules.Rungs[rung];
        steps.Add(Step(
            "rung", string.Join(", ", rungData.Powers.Select(p => p.Article(Language.En))), rung == 0 ? "CJEU C-768/21" : "Art. 58(2) GDPR; Aufsicht escalation ladder (own design)", rungData.Sources.Count > 0 ? rungData.Sources[0].Url : GdprUrl,
            new Dictionary<string, string> { ["processing"] = c.Processing.WireName(), ["remedied"] = Bool(c.Remedied), ["escalated"] = Bool(escalated) },
            rung.ToString(CultureInfo.InvariantCulture),
            new($"Stufe {rung} – {rungData.Title.De}: {rungData.Condition.De} {rungData.Text.De}", $"Rung {rung} – {rungData.Title.En}: {rungData.Condition.En} {rungData.Text.En}")));
        if (c.Remedied)
        {
            steps.Add(Step(
                "remedied", "Art. 58(2) GDPR", "CJEU C-768/21", "https://curia.europa.eu/juris/liste.jsf?num=C-768/21",
                new Dictionary<string, string> { ["remedied"] = "true", ["minor"] = Bool(minor) },
                mayClose ? "may-close" : "measure-needed",
                mayClose
                    ? new("Der Verstoß ist behoben und geringfügig: Die Behörde darf ausnahmsweise von einer Maßnahme absehen (EuGH C-768/21).", "The infringement is remedied and minor: the authority may exceptionally refrain from a measure (CJEU C-768/21).")
                    : new("Der Verstoß ist behoben, aber nicht geringfügig: Eine Abhilfemaßnahme bleibt nötig (EuGH C-768/21).", "The infringement is remedied but not minor: a corrective measure is still needed (CJEU C-768/21).")));
        }

        var (procedure, coercion) = Procedure(c, recommended, ignored, steps);
        return new MeasureRecommendation(rungData, mayClose, recommended.Order().ToArray(), available, unavailable, fine, coercion, procedure, steps);
    }

    private (List<ProcedureStep>, bool?) Procedure(MeasureCase c, List<Power> recommended, Power[] ignored, List<ReasoningStep> steps)
    {
        var procedure = new List<ProcedureStep>();
        ProcedureStep From(string id)
        {
            var p = rules.Procedure(id);
            return new ProcedureStep(p.Id, p.Title, p.Basis, p.Explanation, p.Sources);
        }

        if (recommended.Any(p => p != Power.I))
        {
            procedure.Add(From("hearing"));
        }

        // A public body in competition counts as non-public (§ 2(5) BDSG): no supervisory hearing, coercion as for anyone.
        var treatedAsPublic = c.Controller.PublicBody && !(c.Controller.InCompetition && jurisdictions.Rule(c.Controller, j => j.CompetingBodiesFineable)?.Holds == true);
        if (treatedAsPublic && jurisdictions.Rule(c.Controller, j => j.SupervisoryHearing) is { } hearing)
        {
            var (land, country) = jurisdictions.For(c.Controller.Country, c.Controller.State);
            var listed = land?.HearingPowers ?? country?.HearingPowers ?? [];
            var before = recommended.Where(listed.Contains).Order().ToArray();
            if (hearing.Holds != false && before.Length > 0)
            {
                var fallback = rules.Procedure("supervisory-hearing");
                var unknown = hearing.Holds is null
                    ? new LocalizedText(" Ob diese Anhörung im Recht dieses Rechtsraums vorgeschrieben ist, ist nicht hinterlegt; bitte prüfen.", " Whether this hearing is required by this jurisdiction's law is not on record; please check.")
                    : new LocalizedText(string.Empty, string.Empty);
                procedure.Add(new ProcedureStep(fallback.Id, fallback.Title, hearing.Basis, new(hearing.Explanation.De + unknown.De, hearing.Explanation.En + unknown.En), hearing.Sources));
                steps.Add(Step(
                    "supervisory-hearing", hearing.Basis.En, hearing.Basis.En, hearing.Sources.Count > 0 ? hearing.Sources[0].Url : GdprUrl,
                    new Dictionary<string, string> { ["powers"] = string.Join(", ", before.Select(p => p.WireName())) },
                    hearing.Holds is null ? "unknown" : "required",
                    new($"Vor {string.Join(", ", before.Select(p => p.Article(Language.De)))} wird die Rechts- oder Fachaufsicht der Stelle angehört ({hearing.Basis.De}).{unknown.De}", $"Before {string.Join(", ", before.Select(p => p.Article(Language.En)))} the body's supervising body is heard ({hearing.Basis.En}).{unknown.En}")));
            }
        }

        if (recommended.Contains(Power.I))
        {
            procedure.Add(From("fine-hearing"));
        }

        bool? coercion = null;
        if (ignored.Length > 0 && treatedAsPublic)
        {
            var rule = jurisdictions.Rule(c.Controller, j => j.CoerciveEnforcement);
            coercion = rule?.Holds;
            if (coercion != true)
            {
                procedure.Add(From("supervisory-body"));
                procedure.Add(From("annual-report"));
                procedure.Add(From("court"));
            }

            steps.Add(Step(
                "coercion", rule?.Basis.En ?? "Art. 58 GDPR", rule?.Basis.En ?? "not on record", rule is { Sources.Count: > 0 } ? rule.Sources[0].Url : GdprUrl,
                new Dictionary<string, string> { ["publicBody"] = "true", ["ignored"] = string.Join(", ", ignored.Select(p => p.WireName())) },
                coercion switch { true => "possible", false => "excluded", null => "unknown" },
                rule is not null
                    ? rule.Explanation
                    : new(
                        "Ob Verwaltungszwang gegen öffentliche Stellen dieses Rechtsraums möglich ist, ist nicht hinterlegt. Nächste Schritte statt Zwang: Unterrichtung der Rechts- oder Fachaufsicht, Darstellung im Tätigkeitsbericht, Weg zum Gericht.",
                        "Whether coercive enforcement against public bodies of this jurisdiction is possible is not on record. Next steps instead of coercion: informing the supervising body, the annual report, the courts.")));
        }

        return (procedure, coercion);
    }

    private string? Unavailable(MeasureCase c, Power power, FineAdmissibility fine, bool culpable, string[] infringing)
    {
        if (c.Processing == Processing.Planned)
        {
            return power == Power.A ? null : "planned-no-infringement";
        }

        var transfer = infringing.Any(IsTransfer);
        return power switch
        {
            Power.A => "a-not-planned",
            Power.C when !c.DataSubjectRequest => "c-no-request",
            Power.D or Power.F or Power.J when c.Processing == Processing.Ended => "ended",
            Power.D or Power.F or Power.J when c.Remedied => "remedied",
            Power.E when !c.Breach => "e-no-breach",
            Power.H when !c.Certification => "h-no-certification",
            Power.I when !fine.Admissible => "i-not-admissible",
            Power.I when c.Culpability == Culpability.None => "i-culpability-none",
            Power.I when !culpable => "i-culpability-unknown",
            Power.J when !transfer => "j-no-transfer",
            _ => null,
        };
    }

    private bool IsTransfer(string criterion) => criteria[criterion].Articles.Any(a => ArticleNumber(a) is >= 44 and <= 49);

    /// <summary>The article number of „Art. 46(1)“: 46; null for anything else.</summary>
    private static int? ArticleNumber(string article)
    {
        var rest = article.StartsWith("Art. ", StringComparison.Ordinal) ? article[5..] : article;
        var digits = new string(rest.TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static string Concerns(MeasureCase c, bool large, Language language)
    {
        var parts = new List<string>();
        if (c.SpecialCategories)
        {
            parts.Add(language == Language.De ? "besondere Kategorien personenbezogener Daten" : "special categories of personal data");
        }

        if (c.Minors)
        {
            parts.Add(language == Language.De ? "Kinder" : "children");
        }

        if (large)
        {
            parts.Add(language == Language.De ? $"eine große Zahl betroffener Personen ({c.DataSubjects.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.')})" : $"a large number of data subjects ({c.DataSubjects.ToString("N0", CultureInfo.InvariantCulture)})");
        }

        return string.Join(language == Language.De ? " und " : " and ", parts);
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static ReasoningStep Step(string id, string rule, string source, string url, Dictionary<string, string> input, string output, LocalizedText explanation) =>
        new(id, rule, source, url, input, output, explanation);
}
