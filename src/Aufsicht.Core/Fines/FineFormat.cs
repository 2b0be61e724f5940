using System.Globalization;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Fines;

/// <summary>
/// How amounts and shares are shown: rounded half-up to the cent only here, never in the calculation. German
/// <c>150.000,00 €</c>, English <c>€150,000.00</c>; JSON <c>150000.00</c>.
/// </summary>
public static class FineFormat
{
    // Standard formats ("N2") rather than custom patterns: a calculation formats some hundred numbers for its texts.
    private static readonly NumberFormatInfo German = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-", NumberDecimalDigits = 2 };

    /// <summary>The amount rounded half-up to the cent.</summary>
    public static decimal Cents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>The amount for JSON: invariant, two decimals (<c>20000000.00</c>).</summary>
    public static string Json(decimal amount) => Cents(amount).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A fraction or factor for JSON as written, without trailing zeros (<c>0.15</c>).</summary>
    public static string Number(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static string Money(decimal amount, Language language) => language == Language.De
        ? Cents(amount).ToString("N2", German) + " €"
        : (amount < 0 ? "-€" : "€") + Math.Abs(Cents(amount)).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage: 0.15 → „15 %“ / "15%"; up to four decimals, trailing zeros dropped.</summary>
    public static string Percent(decimal fraction, Language language) => Plain(fraction * 100, language) + (language == Language.De ? " %" : "%");

    /// <summary>A number as the language writes it, up to four decimals: „0,2“ / "0.2".</summary>
    public static string Plain(decimal value, Language language) =>
        (Math.Round(value, 4, MidpointRounding.AwayFromZero) / 1.0000000000000000000000000000m).ToString(language == Language.De ? German : CultureInfo.InvariantCulture);
}
