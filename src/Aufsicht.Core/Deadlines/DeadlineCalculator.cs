using System.Globalization;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Deadlines;

/// <summary>
/// What a deadline is computed from: a letter sent on a day (or delivered on a day, which skips the fiction), by a
/// channel, to a body whose authority sits in a Land (or none: nationwide holidays only), with a period.
/// </summary>
public sealed record DeadlineRequest
{
    public DeadlineRequest(DateOnly? sent, DateOnly? delivered, Period period, Delivery delivery, string? state)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (sent.HasValue == delivered.HasValue)
        {
            throw new ArgumentException("either the day sent or the day delivered, not both");
        }

        if (state is not null && !Laender.IsKnown(state))
        {
            throw new ArgumentException($"unknown Land '{state}'", nameof(state));
        }

        (Sent, Delivered, Period, Delivery, State) = (sent, delivered, period, delivery, state);
    }

    public DateOnly? Sent { get; }

    public DateOnly? Delivered { get; }

    public Period Period { get; }

    public Delivery Delivery { get; }

    public string? State { get; }

    /// <summary>The day the computation starts from: sent or delivered.</summary>
    public DateOnly Start => Sent ?? Delivered!.Value;

    /// <summary>
    /// Reads the request's words (the CLI's options, the API's fields) and names the field of every problem:
    /// <c>sent</c>, <c>delivered</c>, <c>period</c>, <c>delivery</c>, <c>state</c>.
    /// </summary>
    public static Result<DeadlineRequest> Parse(string? sent, string? delivered, string? period, string? delivery, string? state)
    {
        var errors = new List<Error>();
        if (sent is null == delivered is null)
        {
            errors.Add(Error.Invalid(sent is null ? "sent" : "delivered", sent is null ? "deadline.sentOrDelivered.neither" : "deadline.sentOrDelivered.both"));
        }

        var sentDate = ParseDate(sent, "sent", errors);
        var deliveredDate = ParseDate(delivered, "delivered", errors);
        var parsedPeriod = Period.Parse(period, "period");
        errors.AddRange(parsedPeriod.Errors);
        Delivery? channel = (delivery ?? "post") switch
        {
            "post" => Delivery.Post,
            "electronic" => Delivery.Electronic,
            "hand" => Delivery.Hand,
            _ => null,
        };
        if (channel is null)
        {
            errors.Add(Error.Invalid("delivery", "deadline.delivery.invalid", Short(delivery!)));
        }

        if (state is not null && !Laender.IsKnown(state))
        {
            errors.Add(Error.Invalid("state", "deadline.state.invalid", Short(state), string.Join(", ", Laender.Codes)));
        }

        return errors.Count > 0
            ? Result<DeadlineRequest>.Fail(errors)
            : Result<DeadlineRequest>.Ok(new DeadlineRequest(sentDate, deliveredDate, parsedPeriod.Value, channel!.Value, state));
    }

    private static DateOnly? ParseDate(string? text, string field, List<Error> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1950 and <= 2150)
        {
            return date;
        }

        errors.Add(Error.Invalid(field, "deadline.date.invalid", Short(text)));
        return null;
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..37] + "...";
}

/// <summary>One step of the computation: the rule applied, its source, the day it yields and what it means.</summary>
public sealed record DeadlineStep(LocalizedText Rule, string Source, DateOnly Date, LocalizedText Explanation);

/// <summary>One reading of the law: the day notified, the period's computed end and its real end, with every step.</summary>
public sealed record DeadlineReading(DateOnly Delivered, DateOnly NominalEnd, DateOnly End, IReadOnlyList<DeadlineStep> Steps);

/// <summary>Another reading that gives another end, and why it is shown.</summary>
public sealed record DeadlineAlternative(LocalizedText Reason, DeadlineReading Reading);

/// <summary>
/// The deadline: the reading of the domain file (procedure.md) as the result, the other readings that end on another
/// day, and the day up to which remedies should be accepted (the latest end; procedure.md §8.5).
/// </summary>
public sealed record Deadline(DeadlineRequest Request, DeadlineReading Result, IReadOnlyList<DeadlineAlternative> Alternatives)
{
    public DateOnly AcceptUntil => Alternatives.Select(a => a.Reading.End).Append(Result.End).Max();
}

/// <summary>
/// Computes deadlines by § 41 VwVfG (notification), § 31 VwVfG with §§ 187, 188 BGB (the period) and § 31(3) s. 1
/// VwVfG (an end on a Saturday, Sunday or holiday moves to the next working day). Pure: the holidays and the
/// notification rules come in as values.
/// </summary>
public static class DeadlineCalculator
{
    // Sources of the fixed rules of § 31 VwVfG and §§ 187, 188 BGB (procedure.md §2) and § 41(1) VwVfG.
    private const string PeriodSource = "http://www.anwalt24.de/rund-ums-recht/Fristen_im_Verwaltungsverfahren-d164270.html";
    private const string EndSource = "https://haufe.de/personal/haufe-personal-office-platin/jansen-sgbx-26-fristen-und-termine-23-fristablauf_idesk_PI42323_HI2748216.html";
    private const string NotificationSource = "https://lexetius.com/VwVfG/41/bekanntgabe-des-verwaltungsaktes";

    private static readonly LocalizedText WeekendRule = new("§ 31 Abs. 3 Satz 1 VwVfG", "§ 31(3) s. 1 VwVfG");

    public static Result<Deadline> Compute(DeadlineRequest request, HolidayCalendar calendar, NotificationRules rules)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rules);
        if (calendar.State != request.State)
        {
            throw new ArgumentException($"the calendar is {calendar.State ?? "nationwide"}, the request {request.State ?? "nationwide"}", nameof(calendar));
        }

        // A range of years the calendar does not cover would silently miss holidays: an error instead.
        var last = request.Start.AddDays(10).AddMonths(request.Period.Unit == PeriodUnit.Months ? request.Period.Count : 0)
            .AddDays(request.Period.Unit == PeriodUnit.Days ? request.Period.Count : request.Period.Unit == PeriodUnit.Weeks ? 7 * request.Period.Count : 0)
            .AddDays(14);
        if (!calendar.Covers(request.Start) || !calendar.Covers(last))
        {
            return Error.Invalid(request.Sent is null ? "delivered" : "sent", "deadline.calendar.range",
                calendar.FromYear.ToString(CultureInfo.InvariantCulture), calendar.ToYear.ToString(CultureInfo.InvariantCulture));
        }

        if (request.Delivered is { } delivered)
        {
            var given = new DeadlineStep(
                new("§ 41 Abs. 1 VwVfG", "§ 41(1) VwVfG"), NotificationSource, delivered,
                new($"Bekanntgabe (Zugang) am {DeadlineText.Date(delivered, Language.De)}, wie angegeben.",
                    $"Notified (received) on {DeadlineText.Date(delivered, Language.En)}, as given."));
            return Result<Deadline>.Ok(new Deadline(request, Period(request, calendar, delivered, [given]), []));
        }

        var sent = request.Sent!.Value;
        if (request.Delivery == Delivery.Hand)
        {
            var handed = new DeadlineStep(
                new("§ 41 Abs. 1 VwVfG", "§ 41(1) VwVfG"), NotificationSource, sent,
                new($"Übergabe am {DeadlineText.Date(sent, Language.De)}: bekannt gegeben am selben Tag.",
                    $"Handed over on {DeadlineText.Date(sent, Language.En)}: notified that day."));
            return Result<Deadline>.Ok(new Deadline(request, Period(request, calendar, sent, [handed]), []));
        }

        var rule = rules.FederalRule(request.Delivery, sent);
        if (rule is null)
        {
            return Error.Invalid("sent", "deadline.rule.none", sent.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var state = rules.State(request.State);
        // Before 2025 every Land had the three days of the federal law; from then a Land whose law is not known to
        // have taken over the four days is read as the domain file reads it (four days), with three as an alternative.
        var unknownLand = state is { FourthDay: FourthDayStatus.Unknown } && rule.Days == 4;
        var main = Fiction(request, calendar, rules, rule, state, rule.Days, moved: false, unknownLand);
        var alternatives = new List<DeadlineAlternative>();
        var fictionDay = sent.AddDays(rule.Days);
        if (!calendar.IsWorkingDay(fictionDay))
        {
            alternatives.Add(new DeadlineAlternative(MovedReason, Fiction(request, calendar, rules, rule, state, rule.Days, moved: true, unknownLand: false)));
        }

        if (unknownLand)
        {
            var reason = new LocalizedText(
                $"Ob {state!.Law.De} die Vier-Tage-Fiktion übernommen hat, ist nicht belegt; gilt dort noch der dritte Tag nach der Absendung, endet die Frist zu diesem Tag.",
                $"Whether {state.Law.En} took over the four-day fiction is not established; if the third day after sending still applies there, the period ends on this day.");
            alternatives.Add(new DeadlineAlternative(reason, Fiction(request, calendar, rules, rule, state, 3, moved: false, unknownLand: false)));
            if (!calendar.IsWorkingDay(sent.AddDays(3)))
            {
                alternatives.Add(new DeadlineAlternative(
                    new(reason.De + " " + MovedReason.De, reason.En + " " + MovedReason.En),
                    Fiction(request, calendar, rules, rule, state, 3, moved: true, unknownLand: false)));
            }
        }

        // Only readings that end on another day, each end once.
        var distinct = alternatives.Where(a => a.Reading.End != main.End).DistinctBy(a => a.Reading.End).ToList();
        return Result<Deadline>.Ok(new Deadline(request, main, distinct));
    }

    private static readonly LocalizedText MovedReason = new(
        "Fällt der Bekanntgabetag auf einen Samstag, Sonntag oder Feiertag, verschiebt ihn die Rechtsprechung der Finanzgerichte (BFH IX R 68/98) auf den nächsten Werktag; Rechtsbehelfe bis zum späteren Fristende annehmen.",
        "Where the day of notification is a Saturday, Sunday or holiday, the tax courts (BFH IX R 68/98) move it to the next working day; accept remedies up to the later end.");

    private static DeadlineReading Fiction(
        DeadlineRequest request, HolidayCalendar calendar, NotificationRules rules, FictionRule rule, StateNotification? state, int days, bool moved, bool unknownLand)
    {
        var sent = request.Sent!.Value;
        var fiction = sent.AddDays(days);
        var post = request.Delivery == Delivery.Post;
        var ruleText = state is null ? rule.Rule : state.Law;
        var source = state is null ? rule.Sources[0].Url : state.Sources[0].Url;
        var (whatDe, whatEn) = post ? ("Aufgabe zur Post", "Posted") : ("Elektronische Absendung", "Sent electronically");
        var explanationDe = $"{whatDe} am {DeadlineText.Date(sent, Language.De)}; der Verwaltungsakt gilt am {days}. Tag danach, {DeadlineText.Date(fiction, Language.De)}, als bekannt gegeben.";
        var explanationEn = $"{whatEn} on {DeadlineText.Date(sent, Language.En)}; the act counts as notified on the {Ordinal(days)} day after, {DeadlineText.Date(fiction, Language.En)}.";
        if (state is not null)
        {
            explanationDe += " " + state.Note.De;
            explanationEn += " " + state.Note.En;
        }

        if (unknownLand)
        {
            explanationDe += " Gerechnet wird mit dem vierten Tag des Bundesrechts (§ 41 Abs. 2 VwVfG); die Alternative rechnet mit dem dritten.";
            explanationEn += " The computation takes the fourth day of the federal law (§ 41(2) VwVfG); the alternative takes the third.";
        }

        var steps = new List<DeadlineStep> { new(ruleText, source, fiction, new(explanationDe, explanationEn)) };
        var delivered = fiction;
        if (!calendar.IsWorkingDay(fiction))
        {
            var whyDe = DeadlineText.NotWorking(fiction, calendar.On(fiction), Language.De);
            var whyEn = DeadlineText.NotWorking(fiction, calendar.On(fiction), Language.En);
            if (moved)
            {
                delivered = NextWorkingDay(calendar, fiction);
                steps.Add(new DeadlineStep(
                    new("BFH IX R 68/98 (§ 108 Abs. 3 AO)", "BFH IX R 68/98 (§ 108(3) AO)"), rules.MovedFictionSources[0].Url, delivered,
                    new($"Der Bekanntgabetag {DeadlineText.Date(fiction, Language.De)} ist {whyDe}; nach der Rechtsprechung der Finanzgerichte verschiebt er sich auf den nächsten Werktag, {DeadlineText.Date(delivered, Language.De)}.",
                        $"The day of notification, {DeadlineText.Date(fiction, Language.En)}, is {whyEn}; by the case law of the tax courts it moves to the next working day, {DeadlineText.Date(delivered, Language.En)}.")));
            }
            else
            {
                steps.Add(new DeadlineStep(
                    rules.FixedFictionRule, rules.FixedFictionSources[0].Url, fiction,
                    new($"Der Bekanntgabetag {DeadlineText.Date(fiction, Language.De)} ist {whyDe}; er verschiebt sich nicht, denn er ist ein fester Zeitpunkt, keine Frist (§ 31 Abs. 3 VwVfG gilt nicht).",
                        $"The day of notification, {DeadlineText.Date(fiction, Language.En)}, is {whyEn}; it does not move, being a fixed day, not a period (§ 31(3) VwVfG does not apply).")));
            }
        }

        return Period(request, calendar, delivered, steps);
    }

    private static DeadlineReading Period(DeadlineRequest request, HolidayCalendar calendar, DateOnly delivered, List<DeadlineStep> steps)
    {
        var period = request.Period;
        var start = delivered.AddDays(1);
        steps.Add(new DeadlineStep(
            new("§ 31 Abs. 1 VwVfG i. V. m. § 187 Abs. 1 BGB", "§ 31(1) VwVfG with § 187(1) BGB"), PeriodSource, start,
            new($"Der Tag der Bekanntgabe wird nicht mitgerechnet; die Frist von {DeadlineText.Period(period, Language.De)} beginnt am {DeadlineText.Date(start, Language.De)}.",
                $"The day of notification is not counted; the period of {DeadlineText.Period(period, Language.En)} starts on {DeadlineText.Date(start, Language.En)}.")));

        var nominal = period.EndAfter(delivered);
        var missingDay = period.Unit == PeriodUnit.Months && nominal.Day != delivered.Day;
        var (ruleDe, ruleEn) = period.Unit switch
        {
            PeriodUnit.Days => ("§ 188 Abs. 1 BGB", "§ 188(1) BGB"),
            _ when missingDay => ("§ 188 Abs. 2, 3 BGB", "§ 188(2), (3) BGB"),
            _ => ("§ 188 Abs. 2 BGB", "§ 188(2) BGB"),
        };
        var (endDe, endEn) = period.Unit switch
        {
            PeriodUnit.Days => ($"Die Frist endet mit dem Ablauf ihres letzten Tages, {DeadlineText.Date(nominal, Language.De)}.",
                $"The period ends at the end of its last day, {DeadlineText.Date(nominal, Language.En)}."),
            PeriodUnit.Weeks => ($"Eine Wochenfrist endet mit dem Tag, der durch seine Benennung dem Tag der Bekanntgabe entspricht: {DeadlineText.Date(nominal, Language.De)}.",
                $"A period of weeks ends on the day named like the day of notification: {DeadlineText.Date(nominal, Language.En)}."),
            _ when missingDay => ($"Der {DeadlineText.Month(nominal, Language.De)} hat keinen {delivered.Day}.; die Frist endet am letzten Tag des Monats, {DeadlineText.Date(nominal, Language.De)}.",
                $"{DeadlineText.Month(nominal, Language.En)} has no day {delivered.Day}; the period ends on the month's last day, {DeadlineText.Date(nominal, Language.En)}."),
            _ => ($"Eine Monatsfrist endet mit dem Tag, der durch seine Zahl dem Tag der Bekanntgabe entspricht: {DeadlineText.Date(nominal, Language.De)}.",
                $"A period of months ends on the day numbered like the day of notification: {DeadlineText.Date(nominal, Language.En)}."),
        };
        steps.Add(new DeadlineStep(new(ruleDe, ruleEn), PeriodSource, nominal, new(endDe, endEn)));

        steps.Add(new DeadlineStep(
            new("§ 31 Abs. 3 Satz 1 VwVfG (Feiertage)", "§ 31(3) s. 1 VwVfG (holidays)"), EndSource, nominal,
            calendar.State is { } land
                ? new($"Es zählen die gesetzlichen Feiertage in {Laender.Name(land).De} (Sitz der Behörde) sowie Samstage und Sonntage.",
                    $"The public holidays of {Laender.Name(land).En} (the authority's seat) count, and Saturdays and Sundays.")
                : new("Kein Land angegeben: Es zählen nur die bundesweiten Feiertage sowie Samstage und Sonntage; Feiertage eines Landes bleiben unberücksichtigt.",
                    "No Land given: only the nationwide public holidays count, and Saturdays and Sundays; a Land's own holidays are not considered.")));

        var end = NextWorkingDay(calendar, nominal);
        steps.Add(end == nominal
            ? new DeadlineStep(WeekendRule, PeriodSource, end,
                new($"Das Fristende {DeadlineText.Date(end, Language.De)} ist ein Werktag; es verschiebt sich nicht.",
                    $"The end, {DeadlineText.Date(end, Language.En)}, is a working day; it does not move."))
            : new DeadlineStep(WeekendRule, PeriodSource, end, Moved(calendar, nominal, end)));
        return new DeadlineReading(delivered, nominal, end, steps);
    }

    private static LocalizedText Moved(HolidayCalendar calendar, DateOnly nominal, DateOnly end)
    {
        var skipped = new List<DateOnly>();
        for (var d = nominal.AddDays(1); d < end; d = d.AddDays(1))
        {
            skipped.Add(d);
        }

        string List(Language language) => string.Join(", ", skipped.Select(d => DeadlineText.Date(d, language) + (calendar.On(d) is { } h ? $" ({h.Name.In(language)})" : string.Empty)));
        var moreDe = skipped.Count == 0 ? string.Empty : $"auch {List(Language.De)} {(skipped.Count == 1 ? "ist kein Werktag" : "sind keine Werktage")}; ";
        var moreEn = skipped.Count == 0 ? string.Empty : $"{List(Language.En)} {(skipped.Count == 1 ? "is no working day either" : "are no working days either")}; ";
        return new(
            $"Das rechnerische Fristende {DeadlineText.Date(nominal, Language.De)} ist {DeadlineText.NotWorking(nominal, calendar.On(nominal), Language.De)}; {moreDe}die Frist endet am nächsten Werktag, {DeadlineText.Date(end, Language.De)} (§ 31 Abs. 3 Satz 1 VwVfG).",
            $"The computed end, {DeadlineText.Date(nominal, Language.En)}, is {DeadlineText.NotWorking(nominal, calendar.On(nominal), Language.En)}; {moreEn}the period ends on the next working day, {DeadlineText.Date(end, Language.En)} (§ 31(3) s. 1 VwVfG).");
    }

    private static DateOnly NextWorkingDay(HolidayCalendar calendar, DateOnly day)
    {
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static string Ordinal(int n) => n switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        _ => n.ToString(CultureInfo.InvariantCulture) + "th",
    };
}
