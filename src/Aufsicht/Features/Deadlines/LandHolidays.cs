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
    private static readonly (string State, string Name)[] MunicipalOnly = [("BY", "Mariä Himmelfahrt")];

    /// <summary>Holidays for <paramref name="state"/> (or nationwide only when null) from one year to another.</summary>
    public static HolidayCalendar Calendar(string? state, int fromYear, int toYear)
    {
        var library = new GermanPublicHoliday { State = state is null ? GermanPublicHoliday.States.ALL : Enum.Parse<GermanPublicHoliday.States>(state) };
        var holidays = new List<Holiday>();
        for (var year = fromYear; year <= toYear; year++)
        {
            foreach (var h in library.PublicHolidaysInformation(year))
            {
                if (MunicipalOnly.Contains((state ?? string.Empty, h.Name)))
                {
                    continue;
                }

                holidays.Add(new Holiday(DateOnly.FromDateTime(h.HolidayDate), new LocalizedText(h.Name, h.EnglishName)));
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
