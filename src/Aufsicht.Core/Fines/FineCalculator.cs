using System.Globalization;
using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Fines;

/// <summary>
/// Calculates a fine under Art. 83 GDPR by the EDPB Guidelines 04/2022 (<c>edpb-2022</c>, the default) or the DSK
/// concept of 2019 (<c>dsk-2019</c>, for comparison), as domain/fines.md §§2–4 state them: conduct and concurrence,
/// admissibility for the controller, the legal maximum, the starting point, the handler's reasoned adjustments and the
/// clamp. Pure and exact: every value is a <see cref="decimal"/>; rounding happens only when a value is shown.
/// </summary>
public sealed class FineCalculator
{
    public const string TotalStep = "total";

    /// <summary>The factors the EDPB method weighs for the seriousness (step 2); step 3 may not count them again.</summary>
    public static IReadOnlyList<string> SeriousnessFactors { get; } = ["83(2)(a)", "83(2)(b)", "83(2)(g)"];

    private static readonly LocalizedText ConcurrenceRule = Cite("Art. 83(3)");
    private static readonly LocalizedText SeriousnessRule = new("Art. 83 Abs. 2 lit. a, b und g DSGVO", "Art. 83(2)(a), (b) and (g) GDPR");
    private static readonly LocalizedText EffectivenessRule = new("Art. 83 Abs. 1 DSGVO", "Art. 83(1) GDPR");
    private static readonly LocalizedText SizeRule = new("Art. 83 Abs. 1 und 2 DSGVO", "Art. 83(1) and (2) GDPR");

    private readonly FineMethodTable _methods;
    private readonly JurisdictionTable _jurisdictions;

    public FineCalculator(FineMethodTable methods, JurisdictionTable jurisdictions)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(jurisdictions);
        (_methods, _jurisdictions) = (methods, jurisdictions);
    }

    public Result<FineCalculation> Calculate(FineInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rules = _methods.Method(input.Method);
        if (rules is null)
        {
            return Error.Invalid("method", "fines.unknownMethod", input.Method);
        }

        var errors = new List<Error>();
        var steps = new List<FineStep>();
        var conducts = Conducts(input, errors);
        var admissibility = _jurisdictions.FineAdmissibility(input.Controller);
        if (conducts is not null)
        {
            steps.Add(ConductStep(rules, input, conducts));
        }

        steps.Add(AdmissibilityStep(input.Controller, admissibility));
        if (!admissibility.Admissible)
        {
            // No fine may be imposed: nothing more is needed, and no amount is given.
            return errors.Count > 0 ? Result<FineCalculation>.Fail(errors) : Result<FineCalculation>.Ok(new FineCalculation(rules, admissibility, [], steps));
        }

        if (conducts is null && input.Tier is null && input.Infringements is null)
        {
            errors.Add(Error.Invalid("tier", "datafile.missing"));
        }

        Validate(rules, input, errors);
        if (errors.Count > 0 || conducts is null)
        {
            return Result<FineCalculation>.Fail(errors);
        }

        var turnover = input.Turnover!.Value;
        var fines = conducts.Select(c => rules.Id == FineMethodTable.Dsk ? Dsk(rules, input, c.Conduct, c.Tier, turnover) : Edpb(rules, input, c.Conduct, c.Tier, turnover)).ToList();
        if (fines.Count > 1)
        {
            // Each conduct's fine is imposed on its own, in cents; the total adds those amounts.
            var total = fines.Sum(f => FineFormat.Cents(f.Fine));
            steps.Add(new FineStep(
                TotalStep, ConcurrenceRule, rules.Source("conduct"), rules.SourceUrl,
                fines.Select(f => new KeyValuePair<string, string>(f.Conduct, FineFormat.Json(f.Fine))).ToList(),
                FineFormat.Json(total),
                new LocalizedText(
                    $"Die {fines.Count} selbständigen Handlungen werden jeweils gesondert geahndet; die Geldbußen ergeben zusammen {FineFormat.Money(total, Language.De)}.",
                    $"The {fines.Count} independent conducts are fined separately; together the fines come to {FineFormat.Money(total, Language.En)}.")));
        }

        return Result<FineCalculation>.Ok(new FineCalculation(rules, admissibility, fines, steps));
    }

    /// <summary>The conducts with their tiers: the given tier as one conduct, or the infringements grouped by conduct, each at its gravest tier.</summary>
    private List<(string Conduct, FineTier Tier, IReadOnlyList<string> Articles)>? Conducts(FineInput input, List<Error> errors)
    {
        if (input.Tier is not null)
        {
            return [("1", _methods.Tier(input.Tier)!, [])];
        }

        if (input.Infringements is null)
        {
            return null;
        }

        var result = new List<(string, FineTier, IReadOnlyList<string>)>();
        var failed = false;
        foreach (var group in input.Infringements.Select((infringement, index) => (infringement, index)).GroupBy(x => x.infringement.Conduct, StringComparer.Ordinal))
        {
            var tiers = new List<FineTier>();
            foreach (var (infringement, index) in group)
            {
                for (var a = 0; a < infringement.Articles.Count; a++)
                {
                    if (_methods.TierOf(infringement.Articles[a]) is { } tier)
                    {
                        tiers.Add(tier);
                    }
                    else
                    {
                        errors.Add(Error.Invalid($"infringements[{index}].articles[{a}]", "fines.noTier", infringement.Articles[a]));
                        failed = true;
                    }
                }
            }

            if (tiers.Count > 0)
            {
                // The gravest: the highest legal maximum whatever the turnover, i.e. the highest cap and share.
                var gravest = tiers.OrderByDescending(t => t.StaticCap).ThenByDescending(t => t.TurnoverPercent).ThenByDescending(t => t.Id, StringComparer.Ordinal).First();
                result.Add((group.Key, gravest, group.SelectMany(g => g.infringement.Articles).ToList()));
            }
        }

        return failed ? null : result;
    }

    private static void Validate(FineMethodRules rules, FineInput input, List<Error> errors)
    {
        if (input.Turnover is null)
        {
            errors.Add(Error.Invalid("turnover", "datafile.missing"));
        }

        if (rules.Id == FineMethodTable.Edpb)
        {
            if (input.Seriousness is null)
            {
                errors.Add(Error.Invalid("seriousness", "datafile.missing"));
            }

            if (input.StartingPercent is null)
            {
                errors.Add(Error.Invalid("startingPercent", "datafile.missing"));
            }
            else if (input.Seriousness is not null && Band(rules.Seriousness, input.Seriousness) is { } band && !band.Contains(input.StartingPercent.Value) && string.IsNullOrWhiteSpace(input.StartingPercentReason))
            {
                errors.Add(Error.Invalid("startingPercentReason", "fines.reasonNeeded", FineFormat.Number(input.StartingPercent.Value), FineFormat.Number(band.From), FineFormat.Number(band.To ?? 1), "startingPercent"));
            }

            if (input.Turnover is { } turnover && turnover <= rules.TurnoverAdjustmentUpTo)
            {
                var factorBand = rules.TurnoverFactors.First(b => turnover <= b.UpTo);
                if (input.TurnoverFactor is null)
                {
                    errors.Add(Error.Invalid("turnoverFactor", "fines.turnoverFactorNeeded", FineFormat.Number(factorBand.From), FineFormat.Number(factorBand.To)));
                }
                else if ((input.TurnoverFactor < factorBand.From || input.TurnoverFactor > factorBand.To) && string.IsNullOrWhiteSpace(input.TurnoverFactorReason))
                {
                    errors.Add(Error.Invalid("turnoverFactorReason", "fines.reasonNeeded", FineFormat.Number(input.TurnoverFactor.Value), FineFormat.Number(factorBand.From), FineFormat.Number(factorBand.To), "turnoverFactor"));
                }
            }
        }
        else
        {
            if (input.Factor is null)
            {
                errors.Add(Error.Invalid("factor", "datafile.missing"));
            }
            else if (input.Factor < rules.MaterialSeverity.Concat(rules.FormalSeverity).Min(b => b.From) && string.IsNullOrWhiteSpace(input.FactorReason))
            {
                var lowest = rules.MaterialSeverity.Concat(rules.FormalSeverity).Min(b => b.From);
                errors.Add(Error.Invalid("factorReason", "fines.factorBelow", FineFormat.Number(input.Factor.Value), FineFormat.Number(lowest)));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Adjustments.Count; i++)
        {
            var factor = input.Adjustments[i].Factor;
            if (SeriousnessFactors.Contains(factor))
            {
                errors.Add(Error.Invalid($"adjustments[{i}].factor", "fines.usedForSeriousness", factor));
            }
            else if (!seen.Add(factor))
            {
                errors.Add(Error.Invalid($"adjustments[{i}].factor", "fines.countedTwice", factor));
            }
        }
    }

    private static FineBand? Band(IReadOnlyList<FineBand> bands, string level) => bands.FirstOrDefault(b => b.Level == level);

    private static ConductFine Edpb(FineMethodRules rules, FineInput input, string conduct, FineTier tier, decimal turnover)
    {
        var steps = new List<FineStep>();
        var maximum = LegalMaximum(rules, tier, turnover, steps);
        var band = Band(rules.Seriousness, input.Seriousness!)!;
        var (low, high) = (band.From * maximum, (band.To ?? 1) * maximum);
        var level = Seriousness(input.Seriousness!);
        steps.Add(new FineStep(
            "seriousness", SeriousnessRule, rules.Source("seriousness"), rules.SourceUrl,
            [new("seriousness", input.Seriousness!), new("legalMaximum", FineFormat.Json(maximum))],
            $"{FineFormat.Json(low)}-{FineFormat.Json(high)}",
            new LocalizedText(
                $"Schweregrad {level.De} (nach Art, Schwere und Dauer, Vorsatz oder Fahrlässigkeit und Kategorien der Daten): Ausgangsbetrag zwischen {FineFormat.Percent(band.From, Language.De)} und {FineFormat.Percent(band.To ?? 1, Language.De)} des gesetzlichen Höchstbetrags, also {FineFormat.Money(low, Language.De)} bis {FineFormat.Money(high, Language.De)}.",
                $"Seriousness {level.En} (by nature, gravity and duration, intent or negligence, and categories of data): a starting amount between {FineFormat.Percent(band.From, Language.En)} and {FineFormat.Percent(band.To ?? 1, Language.En)} of the legal maximum, i.e. {FineFormat.Money(low, Language.En)} to {FineFormat.Money(high, Language.En)}.")));

        var percent = input.StartingPercent!.Value;
        var start = percent * maximum;
        var inBand = band.Contains(percent);
        steps.Add(new FineStep(
            "starting-amount", SeriousnessRule, rules.Source("seriousness"), rules.SourceUrl,
            Pairs(("startingPercent", FineFormat.Number(percent)), ("legalMaximum", FineFormat.Json(maximum)), ("startingPercentReason", inBand ? null : input.StartingPercentReason)),
            FineFormat.Json(start),
            new LocalizedText(
                $"Gewählt: {FineFormat.Percent(percent, Language.De)} von {FineFormat.Money(maximum, Language.De)} = {FineFormat.Money(start, Language.De)}"
                + (inBand ? ", innerhalb des Rahmens." : $"; außerhalb des Rahmens, Begründung: {input.StartingPercentReason}"),
                $"Chosen: {FineFormat.Percent(percent, Language.En)} of {FineFormat.Money(maximum, Language.En)} = {FineFormat.Money(start, Language.En)}"
                + (inBand ? ", inside the band." : $"; outside the band, reason: {input.StartingPercentReason}"))));

        decimal amount = start;
        decimal? factorLow = null, factorHigh = null;
        bool applied;
        if (turnover <= rules.TurnoverAdjustmentUpTo)
        {
            var factorBand = rules.TurnoverFactors.First(b => turnover <= b.UpTo);
            (factorLow, factorHigh) = (factorBand.From, factorBand.To);
            var factor = input.TurnoverFactor!.Value;
            amount = start * factor;
            applied = true;
            var inside = factor >= factorBand.From && factor <= factorBand.To;
            steps.Add(new FineStep(
                "turnover-factor", EffectivenessRule, rules.Source("turnover"), rules.SourceUrl,
                Pairs(("turnover", FineFormat.Number(turnover)), ("turnoverFactor", FineFormat.Number(factor)), ("startingAmount", FineFormat.Json(start)), ("turnoverFactorReason", inside ? null : input.TurnoverFactorReason)),
                FineFormat.Json(amount),
                new LocalizedText(
                    $"Jahresumsatz {FineFormat.Money(turnover, Language.De)} (bis {FineFormat.Money(factorBand.UpTo, Language.De)}): Anpassung an die Größe mit einem Faktor zwischen {FineFormat.Percent(factorBand.From, Language.De)} und {FineFormat.Percent(factorBand.To, Language.De)}; gewählt {FineFormat.Percent(factor, Language.De)}, also {FineFormat.Money(amount, Language.De)}"
                    + (inside ? "." : $"; außerhalb des Rahmens, Begründung: {input.TurnoverFactorReason}"),
                    $"Annual turnover {FineFormat.Money(turnover, Language.En)} (up to {FineFormat.Money(factorBand.UpTo, Language.En)}): adjusted to the size by a factor between {FineFormat.Percent(factorBand.From, Language.En)} and {FineFormat.Percent(factorBand.To, Language.En)}; chosen {FineFormat.Percent(factor, Language.En)}, i.e. {FineFormat.Money(amount, Language.En)}"
                    + (inside ? "." : $"; outside the band, reason: {input.TurnoverFactorReason}"))));
        }
        else
        {
            applied = false;
            steps.Add(new FineStep(
                "turnover-factor", EffectivenessRule, rules.Source("turnover"), rules.SourceUrl,
                Pairs(("turnover", FineFormat.Number(turnover))),
                FineFormat.Json(amount),
                new LocalizedText(
                    $"Jahresumsatz über {FineFormat.Money(rules.TurnoverAdjustmentUpTo!.Value, Language.De)}: keine Anpassung an die Größe, die umsatzbezogene Obergrenze bildet sie bereits ab.",
                    $"Annual turnover above {FineFormat.Money(rules.TurnoverAdjustmentUpTo!.Value, Language.En)}: no adjustment to the size, which the turnover-based maximum already reflects.")));
        }

        var adjusted = Adjust(rules, input, amount, steps);
        var fine = Clamp(rules, tier, maximum, adjusted, steps);
        return new ConductFine(conduct, tier, maximum, low, high, start, factorLow, factorHigh, applied, adjusted, fine, null, null, steps);
    }

    private static ConductFine Dsk(FineMethodRules rules, FineInput input, string conduct, FineTier tier, decimal turnover)
    {
        var steps = new List<FineStep>();
        var maximum = LegalMaximum(rules, tier, turnover, steps);
        var sizeClass = rules.SizeClasses.FirstOrDefault(c => c.UpTo is { } upTo && turnover <= upTo) ?? rules.SizeClasses[^1];
        var mean = sizeClass.Mean ?? turnover;
        steps.Add(new FineStep(
            "size-class", SizeRule, rules.Source("sizeClass"), rules.SourceUrl,
            Pairs(("turnover", FineFormat.Number(turnover))),
            sizeClass.Id,
            sizeClass.Mean is null
                ? new LocalizedText(
                    $"Jahresumsatz {FineFormat.Money(turnover, Language.De)}: Größenklasse {sizeClass.Id}; maßgeblich ist der tatsächliche Umsatz.",
                    $"Annual turnover {FineFormat.Money(turnover, Language.En)}: size class {sizeClass.Id}; the actual turnover is used.")
                : new LocalizedText(
                    $"Jahresumsatz {FineFormat.Money(turnover, Language.De)}: Größenklasse {sizeClass.Id} (bis {FineFormat.Money(sizeClass.UpTo!.Value, Language.De)}), mittlerer Jahresumsatz {FineFormat.Money(mean, Language.De)}.",
                    $"Annual turnover {FineFormat.Money(turnover, Language.En)}: size class {sizeClass.Id} (up to {FineFormat.Money(sizeClass.UpTo!.Value, Language.En)}), mean annual turnover {FineFormat.Money(mean, Language.En)}.")));

        var days = rules.DaysPerYear!.Value;
        var dailyRate = mean / days;
        steps.Add(new FineStep(
            "daily-rate", SizeRule, rules.Source("dailyRate"), rules.SourceUrl,
            Pairs(("meanTurnover", FineFormat.Number(mean)), ("days", FineFormat.Number(days))),
            FineFormat.Json(dailyRate),
            new LocalizedText(
                $"Wirtschaftlicher Grundwert (Tagessatz): {FineFormat.Money(mean, Language.De)} ÷ {FineFormat.Plain(days, Language.De)} = {FineFormat.Money(dailyRate, Language.De)}.",
                $"Economic base value (daily rate): {FineFormat.Money(mean, Language.En)} ÷ {FineFormat.Plain(days, Language.En)} = {FineFormat.Money(dailyRate, Language.En)}.")));

        var kind = input.Infringement ?? (tier.Id == "83(4)" ? "formal" : "material");
        var bands = kind == "formal" ? rules.FormalSeverity : rules.MaterialSeverity;
        var factor = input.Factor!.Value;
        var band = bands.FirstOrDefault(b => b.Contains(factor));
        var start = dailyRate * factor;
        var kindText = kind == "formal" ? new LocalizedText("formeller Verstoß (Art. 83 Abs. 4 DSGVO)", "formal infringement (Art. 83(4) GDPR)") : new LocalizedText("materieller Verstoß (Art. 83 Abs. 5 und 6 DSGVO)", "material infringement (Art. 83(5) and (6) GDPR)");
        var levelText = band is null ? new LocalizedText("unterhalb aller Stufen", "below every level") : Severity(band.Level);
        steps.Add(new FineStep(
            "severity", SizeRule, rules.Source("severity"), rules.SourceUrl,
            Pairs(("infringement", kind), ("factor", FineFormat.Number(factor)), ("dailyRate", FineFormat.Json(dailyRate)), ("factorReason", band is null ? input.FactorReason : null)),
            FineFormat.Json(start),
            new LocalizedText(
                $"{Capital(kindText.De)}, Schweregrad {levelText.De}: {FineFormat.Money(dailyRate, Language.De)} × {FineFormat.Plain(factor, Language.De)} = {FineFormat.Money(start, Language.De)}"
                + (band is null ? $"; Begründung: {input.FactorReason}" : "."),
                $"{Capital(kindText.En)}, severity {levelText.En}: {FineFormat.Money(dailyRate, Language.En)} × {FineFormat.Plain(factor, Language.En)} = {FineFormat.Money(start, Language.En)}"
                + (band is null ? $"; reason: {input.FactorReason}" : "."))));

        var adjusted = Adjust(rules, input, start, steps);
        var fine = Clamp(rules, tier, maximum, adjusted, steps);
        return new ConductFine(conduct, tier, maximum, null, null, start, null, null, null, adjusted, fine, sizeClass.Id, dailyRate, steps);
    }

    private static decimal LegalMaximum(FineMethodRules rules, FineTier tier, decimal turnover, List<FineStep> steps)
    {
        var share = tier.TurnoverPercent * turnover;
        var maximum = tier.LegalMaximum(turnover);
        steps.Add(new FineStep(
            "legal-maximum", tier.Rule, rules.Source("legalMaximum"), tier.Source,
            Pairs(("tier", tier.Id), ("turnover", FineFormat.Number(turnover))),
            FineFormat.Json(maximum),
            new LocalizedText(
                $"Höchstbetrag nach {tier.Rule.De}: der höhere Wert von {FineFormat.Money(tier.StaticCap, Language.De)} und {FineFormat.Percent(tier.TurnoverPercent, Language.De)} des weltweiten Jahresumsatzes ({FineFormat.Money(share, Language.De)}), also {FineFormat.Money(maximum, Language.De)}.",
                $"Maximum under {tier.Rule.En}: the higher of {FineFormat.Money(tier.StaticCap, Language.En)} and {FineFormat.Percent(tier.TurnoverPercent, Language.En)} of the worldwide annual turnover ({FineFormat.Money(share, Language.En)}), i.e. {FineFormat.Money(maximum, Language.En)}.")));
        return maximum;
    }

    /// <summary>The handler's signed adjustments, each a percentage of the amount before them (they add up; their order does not matter).</summary>
    private static decimal Adjust(FineMethodRules rules, FineInput input, decimal amount, List<FineStep> steps)
    {
        var running = amount;
        foreach (var adjustment in input.Adjustments)
        {
            var change = amount * adjustment.Percent / 100m;
            running += change;
            var rule = FactorRules.TryGetValue(adjustment.Factor, out var known) ? known : Cite("Art. " + adjustment.Factor);
            var signed = FineFormat.Plain(adjustment.Percent, Language.De);
            steps.Add(new FineStep(
                "adjustment", rule, rules.Source("adjustments"), rules.SourceUrl,
                [new("factor", adjustment.Factor), new("percent", FineFormat.Number(adjustment.Percent)), new("reason", adjustment.Reason), new("amount", FineFormat.Json(amount))],
                FineFormat.Json(running),
                new LocalizedText(
                    $"{(adjustment.Percent < 0 ? "Mildernd" : "Erschwerend")} nach {rule.De}: {(adjustment.Percent >= 0 ? "+" : string.Empty)}{signed} % ({FineFormat.Money(change, Language.De)}), Begründung: {adjustment.Reason}. Zwischenbetrag {FineFormat.Money(running, Language.De)}.",
                    $"{(adjustment.Percent < 0 ? "Mitigating" : "Aggravating")} under {rule.En}: {(adjustment.Percent >= 0 ? "+" : string.Empty)}{FineFormat.Plain(adjustment.Percent, Language.En)}% ({FineFormat.Money(change, Language.En)}), reason: {adjustment.Reason}. Running amount {FineFormat.Money(running, Language.En)}.")));
        }

        return running;
    }

    private static decimal Clamp(FineMethodRules rules, FineTier tier, decimal maximum, decimal adjusted, List<FineStep> steps)
    {
        var fine = Math.Min(Math.Max(adjusted, 0m), maximum);
        var (de, en) = fine == adjusted
            ? ("liegt innerhalb des gesetzlichen Rahmens", "lies within the legal range")
            : fine == maximum ? ("übersteigt den Höchstbetrag und wird auf ihn begrenzt", "exceeds the maximum and is capped at it") : ("ist negativ und wird auf null gesetzt", "is negative and is set to zero");
        steps.Add(new FineStep(
            "clamp", tier.Rule, rules.Source("clamp"), rules.SourceUrl,
            [new("adjusted", FineFormat.Json(adjusted)), new("legalMaximum", FineFormat.Json(maximum))],
            FineFormat.Json(fine),
            new LocalizedText(
                $"Der Betrag von {FineFormat.Money(adjusted, Language.De)} {de} ({FineFormat.Money(maximum, Language.De)}): Geldbuße {FineFormat.Money(fine, Language.De)}.",
                $"The amount of {FineFormat.Money(adjusted, Language.En)} {en} ({FineFormat.Money(maximum, Language.En)}): fine {FineFormat.Money(fine, Language.En)}.")));
        return fine;
    }

    private static FineStep ConductStep(FineMethodRules rules, FineInput input, List<(string Conduct, FineTier Tier, IReadOnlyList<string> Articles)> conducts)
    {
        if (input.Tier is not null)
        {
            var tier = conducts[0].Tier;
            return new FineStep(
                "conduct", ConcurrenceRule, rules.Source("conduct"), rules.SourceUrl, [new("tier", tier.Id)], tier.Id,
                new LocalizedText(
                    $"Eine Handlung; die Stufe ist angegeben: {tier.Rule.De}.",
                    $"One conduct; the tier is given: {tier.Rule.En}."));
        }

        var input2 = conducts.Select(c => new KeyValuePair<string, string>(c.Conduct, string.Join(", ", c.Articles))).ToList();
        var output = string.Join("; ", conducts.Select(c => $"{c.Conduct}: {c.Tier.Id}"));
        var listDe = string.Join("; ", conducts.Select(c => $"Handlung {c.Conduct} ({string.Join(", ", c.Articles.Select(a => ArticleNotation.Format(a, Language.De)))}): {c.Tier.Rule.De}"));
        var listEn = string.Join("; ", conducts.Select(c => $"conduct {c.Conduct} ({string.Join(", ", c.Articles.Select(a => ArticleNotation.Format(a, Language.En)))}): {c.Tier.Rule.En}"));
        return new FineStep(
            "conduct", ConcurrenceRule, rules.Source("conduct"), rules.SourceUrl, input2, output,
            conducts.Count == 1
                ? new LocalizedText(
                    $"Eine Handlung; mehrere Verstöße derselben Handlung werden mit einer Geldbuße geahndet, begrenzt auf den Höchstbetrag des schwersten Verstoßes. {listDe}.",
                    $"One conduct; several infringements of one conduct are fined once, capped at the maximum of the gravest one. {Capital(listEn)}.")
                : new LocalizedText(
                    $"{conducts.Count} selbständige Handlungen, jede mit eigener Geldbuße und eigenem Höchstbetrag; innerhalb einer Handlung gilt der Höchstbetrag des schwersten Verstoßes. {listDe}.",
                    $"{conducts.Count} independent conducts, each fined separately with its own maximum; within a conduct the maximum of the gravest infringement applies. {Capital(listEn)}."));
    }

    private static FineStep AdmissibilityStep(Controller controller, FineAdmissibility admissibility) =>
        new(
            "admissibility",
            admissibility.Basis,
            admissibility.Basis.En,
            admissibility.Sources.Count > 0 ? admissibility.Sources[0].Url : string.Empty,
            Pairs(
                ("publicBody", controller.PublicBody ? "true" : "false"),
                ("inCompetition", controller.InCompetition ? "true" : "false"),
                ("country", controller.Country),
                ("state", controller.State)),
            admissibility.Admissible ? "admissible" : "not-admissible",
            admissibility.Reason);

    private static List<KeyValuePair<string, string>> Pairs(params (string Key, string? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)).ToList();

    private static readonly Dictionary<string, LocalizedText> FactorRules = FineInputReader.Factors.ToDictionary(f => f, f => Cite("Art. " + f), StringComparer.Ordinal);

    private static LocalizedText Cite(string reference) => new(ArticleNotation.Format(reference, Language.De), ArticleNotation.Format(reference, Language.En));

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    private static LocalizedText Seriousness(string level) => level switch
    {
        "low" => new("gering", "low"),
        "medium" => new("mittel", "medium"),
        _ => new("hoch", "high"),
    };

    private static LocalizedText Severity(string level) => level switch
    {
        "light" => new("leicht", "light"),
        "medium" => new("mittel", "medium"),
        "severe" => new("schwer", "severe"),
        "very-severe" => new("sehr schwer", "very severe"),
        _ => new(level, level),
    };
}
