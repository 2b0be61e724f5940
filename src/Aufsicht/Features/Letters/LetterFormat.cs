using System.Globalization;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Letters;

/// <summary>Amounts as a letter writes them, by hand (the app runs with invariant globalization, no de-DE culture).</summary>
internal static class LetterFormat
{
    /// <summary><c>150.000,00 €</c> in German, <c>€150,000.00</c> in English; rounded half-up to the cent only here.</summary>
    public static string Money(decimal amount, Language language)
    {
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var invariant = Math.Abs(rounded).ToString("#,0.00", CultureInfo.InvariantCulture);
        var sign = rounded < 0 ? "-" : string.Empty;
        if (language == Language.En)
        {
            return sign + "€" + invariant;
        }

        var swapped = new string([.. invariant.Select(c => c switch { ',' => '.', '.' => ',', _ => c })]);
        return sign + swapped + "\u00A0€";
    }
}
