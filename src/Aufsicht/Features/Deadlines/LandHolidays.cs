using Aufsicht.Core.Deadlines;
using Aufsicht.Core.Law;
using PublicHoliday;
using Holiday = Aufsicht.Core.Deadlines.Holiday;

namespace Aufsicht.Features.Deadlines;

/// <summary>
/// The Länder's public holidays from the <c>PublicHoliday</c> library, as the Core's <see cref="HolidayCalendar"/>,
/// corrected where the sourced table (<c>data/enforcement/holidays.json</c>, procedure.md §6) says otherwise.
/// </summary>
internal static class LandHolidays
{
    public const string SourcedFile = "enforcement/holidays.json";

    /// <summary>
    /// Holidays the library counts Land-wide that hold only in some municipalities (holidays.json, scope "municipal"):
    /// Assumption in Bavaria only where most people are Catholic. Not knowing the authority's municipality, the
    /// calendar leaves them out; the library's Augsburg Peace Festival is not in it anyway.
    /// </summary>
    private static readonly (string State, string Key)[] MunicipalOnly = [("BY", "Assumption")];

    /// <summary>
    /// Our names by the library's holiday key: the library names holidays by the process's culture, which under
    /// invariant globalisation is English, and its German names mix Austrian ones in ("Stephanstag" for Boxing Day).
    /// A key not listed keeps the library's own names.
    /// </summary>
    private static readonly Dictionary<string, LocalizedText> Names = new(StringComparer.Ordinal)
    {
        ["NewYear"] = new("Neujahr", "New Year's Day"),
        ["Epiphany"] = new("Heilige Drei Könige", "Epiphany"),
        ["WomensDay"] = new("Internationaler Frauentag", "International Women's Day"),
        ["GoodFriday"] = new("Karfreitag", "Good Friday"),
        ["Easter"] = new("Ostersonntag", "Easter Sunday"),
        ["EasterMonday"] = new("Ostermontag", "Easter Monday"),
        ["LabourDay"] = new("Tag der Arbeit", "Labour Day"),
        ["LiberationDayDE"] = new("Tag der Befreiung", "Liberation Day"),
        ["Ascension"] = new("Christi Himmelfahrt", "Ascension Day"),
        ["WhitSunday"] = new("Pfingstsonntag", "Whit Sunday"),
        ["PentecostMonday"] = new("Pfingstmontag", "Whit Monday"),
        ["CorpusChristi"] = new("Fronleichnam", "Corpus Christi"),
        ["Assumption"] = new("Mariä Himmelfahrt", "Assumption Day"),
        ["WorldChildrensDayDE"] = new("Weltkindertag", "World Children's Day"),
        ["GermanUnityDE"] = new("Tag der Deutschen Einheit", "German Unity Day"),
        ["ReformationDay"] = new("Reformationstag", "Reformation Day"),
        ["AllSaints"] = new("Allerheiligen", "All Saints' Day"),
        ["RepentanceDayDE"] = new("Buß- und Bettag", "Day of Repentance and Prayer"),
        ["Christmas"] = new("1. Weihnachtstag", "Christmas Day"),
        ["SaintStephensDay"] = new("2. Weihnachtstag", "Boxing Day"),
    };

    /// <summary>Holidays for <paramref name="state"/> (or nationwide only when null) from one year to another.</summary>
    public static HolidayCalendar Calendar(string? state, int fromYear, int toYear)
    {
        var library = new GermanPublicHoliday { State = state is null ? GermanPublicHoliday.States.ALL : Enum.Parse<GermanPublicHoliday.States>(state) };
        var holidays = new List<Holiday>();
        for (var year = fromYear; year <= toYear; year++)
        {
            foreach (var h in library.PublicHolidaysInformation(year))
            {
                var key = h.HolidayKey ?? string.Empty;
                if (MunicipalOnly.Contains((state ?? string.Empty, key)))
                {
                    continue;
                }

                var name = Names.GetValueOrDefault(key) ?? new LocalizedText(h.GetName("de"), h.EnglishName);
                holidays.Add(new Holiday(DateOnly.FromDateTime(h.HolidayDate), name));
            }
        }

        return new HolidayCalendar(state, fromYear, toYear, holidays);
    }

    /// <summary>The calendar a request needs: from the year it starts to four years on (a period is at most three years).</summary>
    public static HolidayCalendar For(DeadlineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Calendar(request.State, request.Start.Year, request.Start.Year + 4);
    }
}
