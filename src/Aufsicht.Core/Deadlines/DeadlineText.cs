using System.Globalization;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Deadlines;

/// <summary>Dates as the explanations write them: <c>Montag, 04.01.2027</c> in German, <c>Monday, 4 Jan 2027</c> in English.</summary>
public static class DeadlineText
{
    private static readonly string[] GermanDays = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"];
    private static readonly string[] GermanMonths = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    public static string Date(DateOnly date, Language language) => language == Language.De
        ? GermanDays[(int)date.DayOfWeek] + ", " + date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
        : date.DayOfWeek.ToString() + ", " + date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static LocalizedText Date(DateOnly date) => new(Date(date, Language.De), Date(date, Language.En));

    public static string Month(DateOnly date, Language language) => language == Language.De
        ? GermanMonths[date.Month - 1] + " " + date.Year.ToString(CultureInfo.InvariantCulture)
        : date.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The period in words: <c>2 Wochen</c> / <c>2 weeks</c>.</summary>
    public static string Period(Period period, Language language)
    {
        ArgumentNullException.ThrowIfNull(period);
        var n = period.Count.ToString(CultureInfo.InvariantCulture);
        var one = period.Count == 1;
        return language == Language.De
            ? n + " " + period.Unit switch
            {
                PeriodUnit.Days => one ? "Tag" : "Tagen",
                PeriodUnit.Weeks => one ? "Woche" : "Wochen",
                _ => one ? "Monat" : "Monaten",
            }
            : n + " " + period.Unit switch
            {
                PeriodUnit.Days => one ? "day" : "days",
                PeriodUnit.Weeks => one ? "week" : "weeks",
                _ => one ? "month" : "months",
            };
    }

    /// <summary>Why a day is no working day: <c>ein Samstag</c>, <c>ein Feiertag (Neujahrstag)</c>.</summary>
    public static string NotWorking(DateOnly date, Holiday? holiday, Language language) => (holiday, date.DayOfWeek, language) switch
    {
        ({ } h, _, Language.De) => $"ein Feiertag ({h.Name.De})",
        ({ } h, _, _) => $"a public holiday ({h.Name.En})",
        (null, DayOfWeek.Saturday, Language.De) => "ein Samstag",
        (null, DayOfWeek.Saturday, _) => "a Saturday",
        (null, _, Language.De) => "ein Sonntag",
        _ => "a Sunday",
    };
}
