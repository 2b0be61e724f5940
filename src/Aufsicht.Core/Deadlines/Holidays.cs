using Aufsicht.Core.Law;

namespace Aufsicht.Core.Deadlines;

/// <summary>A public holiday on a date, named in both languages.</summary>
public sealed record Holiday(DateOnly Date, LocalizedText Name);

/// <summary>
/// The public holidays that count at the authority's seat for a range of years: those of one Land (<see cref="State"/>),
/// or only the nationwide ones when no Land is given. It comes in as a value; the Core knows no holiday library.
/// </summary>
public sealed record HolidayCalendar
{
    private readonly Dictionary<DateOnly, Holiday> _byDate;

    public HolidayCalendar(string? state, int fromYear, int toYear, IEnumerable<Holiday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        if (state is not null && !Laender.IsKnown(state))
        {
            throw new ArgumentException($"unknown Land '{state}'", nameof(state));
        }

        if (fromYear < 1900 || toYear > 2200 || fromYear > toYear)
        {
            throw new ArgumentOutOfRangeException(nameof(toYear), $"{fromYear}–{toYear}: a range of years from 1900 to 2200");
        }

        _byDate = [];
        foreach (var holiday in holidays)
        {
            if (holiday.Date.Year < fromYear || holiday.Date.Year > toYear)
            {
                throw new ArgumentException($"{holiday.Date:yyyy-MM-dd} lies outside {fromYear}–{toYear}", nameof(holidays));
            }

            // Two holidays on one day (it happens: Ascension on 1 May 2008) keep the first name; the day is a holiday either way.
            _byDate.TryAdd(holiday.Date, holiday);
        }

        State = state;
        FromYear = fromYear;
        ToYear = toYear;
    }

    /// <summary>The Land (BW, BY, …, TH), or null: nationwide holidays only.</summary>
    public string? State { get; }

    public int FromYear { get; }

    public int ToYear { get; }

    public IEnumerable<Holiday> Holidays => _byDate.Values.OrderBy(h => h.Date);

    public bool Covers(DateOnly date) => date.Year >= FromYear && date.Year <= ToYear;

    public Holiday? On(DateOnly date) => _byDate.GetValueOrDefault(date);

    /// <summary>Whether a period may end on the day: not a Saturday, Sunday or public holiday (§ 31(3) s. 1 VwVfG).</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_byDate.ContainsKey(date);
}

/// <summary>The sixteen Länder by their usual two-letter codes.</summary>
public static class Laender
{
    public static IReadOnlyList<string> Codes { get; } = ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"];

    public static bool IsKnown(string code) => Codes.Contains(code, StringComparer.Ordinal);

    /// <summary>The Land's name in both languages (German names are used in English too, as is usual).</summary>
    public static LocalizedText Name(string code) => code switch
    {
        "BW" => new("Baden-Württemberg", "Baden-Württemberg"),
        "BY" => new("Bayern", "Bavaria"),
        "BE" => new("Berlin", "Berlin"),
        "BB" => new("Brandenburg", "Brandenburg"),
        "HB" => new("Bremen", "Bremen"),
        "HH" => new("Hamburg", "Hamburg"),
        "HE" => new("Hessen", "Hesse"),
        "MV" => new("Mecklenburg-Vorpommern", "Mecklenburg-Western Pomerania"),
        "NI" => new("Niedersachsen", "Lower Saxony"),
        "NW" => new("Nordrhein-Westfalen", "North Rhine-Westphalia"),
        "RP" => new("Rheinland-Pfalz", "Rhineland-Palatinate"),
        "SL" => new("Saarland", "Saarland"),
        "SN" => new("Sachsen", "Saxony"),
        "ST" => new("Sachsen-Anhalt", "Saxony-Anhalt"),
        "SH" => new("Schleswig-Holstein", "Schleswig-Holstein"),
        "TH" => new("Thüringen", "Thuringia"),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "not a Land"),
    };
}
