using System.Globalization;
using Aufsicht.Core.Law;
using Aufsicht.Web;

namespace Aufsicht.Features.Shared;

/// <summary>
/// Dates and times as the people of the authority read them: German dates as 16.12.2026, times in the authority's time
/// zone (<c>Aufsicht:TimeZone</c>, default Europe/Berlin), never UTC on a page meant for people. Timestamps stay UTC in
/// the database; they become local only here, at the edge. Written by hand because the app runs with invariant
/// globalization (no ICU), where a de-DE culture is not available.
/// </summary>
internal sealed class LocalDates(TimeZoneInfo zone)
{
    public const string Setting = "Aufsicht:TimeZone";

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The zone named by <see cref="Setting"/>; a name the system does not know stops the start with a message naming the setting.</summary>
    public static LocalDates From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration[Setting];
        if (string.IsNullOrWhiteSpace(name) || name == Berlin.Id)
        {
            return new LocalDates(Berlin);
        }

        try
        {
            return new LocalDates(TimeZoneInfo.FindSystemTimeZoneById(name));
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new SettingException($"{Setting}: '{name}' is not a time zone this system knows (e.g. Europe/Berlin)");
        }
    }

    /// <summary>A calendar date: 16.12.2026, or 16 Dec 2026 in English.</summary>
    public static string Day(DateOnly date, Language language) => Core.Assessment.FindingText.Date(date, language);

    /// <summary>A moment stored in UTC, in the authority's zone: 16.12.2026, 14:05 Uhr, or 16 Dec 2026, 14:05.</summary>
    public string Moment(DateTime utc, Language language)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        return language == Language.De
            ? local.ToString("dd.MM.yyyy, HH:mm", CultureInfo.InvariantCulture) + " Uhr"
            : local.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The time of day of a moment stored in UTC, in the authority's zone: 14:05 Uhr, or 14:05 in English.</summary>
    public string TimeOfDay(DateTime utc, Language language)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        return local.ToString("HH:mm", CultureInfo.InvariantCulture) + (language == Language.De ? " Uhr" : "");
    }

    /// <summary>The local calendar day of a moment stored in UTC.</summary>
    public DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>
    /// Central European Time, from the system's tz database where there is one, else by the EU's rule (summer time from
    /// the last Sunday of March, 01:00 UTC, to the last Sunday of October, 01:00 UTC): a container without tzdata still
    /// shows German times.
    /// </summary>
    public static readonly TimeZoneInfo Berlin = FindBerlin();

    private static TimeZoneInfo FindBerlin()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
            return TimeZoneInfo.CreateCustomTimeZone("Europe/Berlin", TimeSpan.FromHours(1), "Europe/Berlin", "CET", "CEST", [rule]);
        }
    }
}
