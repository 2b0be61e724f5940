using System.Globalization;

namespace Aufsicht.Core.Deadlines;

/// <summary>The unit of a period: days (§ 188(1) BGB), weeks (§ 188(2)) or months (§ 188(2), (3)).</summary>
public enum PeriodUnit
{
    Days,
    Weeks,
    Months,
}

/// <summary>
/// A period set by law or by the authority, written <c>14d</c>, <c>2w</c> or <c>1m</c>. At least one unit; at most
/// about three years (1095 days, 156 weeks, 36 months) — longer is a typing error, not a hearing or remedy period.
/// </summary>
public sealed record Period
{
    public const int MaxDays = 1095;
    public const int MaxWeeks = 156;
    public const int MaxMonths = 36;

    public Period(int count, PeriodUnit unit)
    {
        var max = Max(unit);
        if (count < 1 || count > max)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"a period of 1 to {max} units");
        }

        Count = count;
        Unit = unit;
    }

    public int Count { get; }

    public PeriodUnit Unit { get; }

    /// <summary>The period as written: <c>2w</c>.</summary>
    public override string ToString() => Count.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        PeriodUnit.Days => "d",
        PeriodUnit.Weeks => "w",
        _ => "m",
    };

    public static int Max(PeriodUnit unit) => unit switch
    {
        PeriodUnit.Days => MaxDays,
        PeriodUnit.Weeks => MaxWeeks,
        _ => MaxMonths,
    };

    /// <summary>Reads <c>14d</c>, <c>2w</c> or <c>1m</c>; an error of <paramref name="field"/> otherwise.</summary>
    public static Result<Period> Parse(string? text, string field)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 6)
        {
            return Error.Invalid(field, "deadline.period.invalid", text ?? string.Empty);
        }

        PeriodUnit? unit = text[^1] switch
        {
            'd' => PeriodUnit.Days,
            'w' => PeriodUnit.Weeks,
            'm' => PeriodUnit.Months,
            _ => null,
        };
        var digits = text[..^1];
        if (unit is null || digits.Length == 0 || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return Error.Invalid(field, "deadline.period.invalid", text);
        }

        var max = Max(unit.Value);
        return count < 1 || count > max
            ? Error.Invalid(field, "deadline.period.range", text, max.ToString(CultureInfo.InvariantCulture) + text[^1])
            : Result<Period>.Ok(new Period(count, unit.Value));
    }

    /// <summary>The last day of the period that starts after <paramref name="eventDay"/> (§ 187(1), § 188(1)–(3) BGB).</summary>
    public DateOnly EndAfter(DateOnly eventDay) => Unit switch
    {
        PeriodUnit.Days => eventDay.AddDays(Count),
        PeriodUnit.Weeks => eventDay.AddDays(7 * Count),
        // AddMonths keeps the day number and takes the month's last day where that day is missing: § 188(2), (3) BGB.
        _ => eventDay.AddMonths(Count),
    };
}
