using System.Text.RegularExpressions;

namespace Aufsicht.Tests.Web;

/// <summary>
/// What a German page, letter or export must not show (an internal key, an English word once seen there, an ISO date,
/// "UTC", a repository path) and what an English page must not show (a German word of the interface): the language
/// walks apply them to every page they reach, the catalogue-text test to every text the service pages can show.
/// </summary>
internal static partial class LanguageChecks
{
    /// <summary>English words and internal values once seen on German pages (issue 12), and the authorities' ids.</summary>
    private static readonly string[] EnglishOnGermanPages =
    [
        "restricted", "shipped", "self-operated", "saas", "external-provider", "third-country", "unknown", "not-assessed", "yes", "none",
        "true", "false", "null", "Reader", "Supervisor", "draft", "running", "closed", "pending", "sent", "failed", "rejected",
        "compliant", "deficient", "unclear", "not-answered", "school", "municipality", "district", "state-authority", "university", "company",
        "Engine", "blnbdi", "dsk", "lfdi-bw", "baylfd", "baylda", "hbdi", "udz-saarland", "lfdi-mv", "green", "yellow", "red",
    ];

    /// <summary>German words of the interface that an English page must not show (data such as body names may be German).</summary>
    private static readonly string[] GermanOnEnglishPages =
    [
        "Anmelden", "Abmelden", "Speichern", "Zurück", "Umfragen", "Fragebögen", "Organisationen", "Postausgang", "Konten", "Frist", "mangelhaft",
        "konform", "unklar", "noch nicht", "Stand ", "Seite", "Einladung", "Erinnerung", "Dienstekatalog", "Vergleich", "Bewertung", "Befund",
        "Abhilfe", "Quelle", "gültig", "gesperrt", "Ansprechperson", "Datenschutzhinweise", "Impressum", " und ", " oder ", " nicht ", " der ", " die ", " das ",
    ];

    public static IEnumerable<string> GermanProblems(string text)
    {
        var plain = UrlsAndMail().Replace(text, " ");
        foreach (Match m in IsoDate().Matches(plain))
        {
            yield return "ISO date " + m.Value;
        }

        if (Utc().IsMatch(plain))
        {
            yield return "UTC";
        }

        foreach (Match m in DottedKey().Matches(plain))
        {
            yield return "internal key " + m.Value;
        }

        // A text key of lower-case parts ("templates.var.contact"), not a host name ("www.example.de").
        foreach (Match m in LowerKey().Matches(plain))
        {
            var parts = m.Value.Split('.');
            if (parts[0] != "www" && !HostEndings.Contains(parts[^1]))
            {
                yield return "internal key " + m.Value;
            }
        }

        foreach (Match m in RepositoryPath().Matches(plain))
        {
            yield return "path " + m.Value;
        }

        foreach (var word in EnglishOnGermanPages.Where(w => Regex.IsMatch(plain, $@"(?<![\w-]){Regex.Escape(w)}(?![\w-])")))
        {
            yield return "English or internal '" + word + "'";
        }
    }

    public static IEnumerable<string> EnglishProblems(string text)
    {
        var plain = UrlsAndMail().Replace(text, " ");
        foreach (var word in GermanOnEnglishPages.Where(w => plain.Contains(w, StringComparison.Ordinal)))
        {
            yield return "German '" + word.Trim() + "'";
        }

        foreach (Match m in DottedKey().Matches(plain))
        {
            yield return "internal key " + m.Value;
        }
    }

    private static readonly HashSet<string> HostEndings = new(StringComparer.Ordinal) { "de", "com", "org", "net", "eu", "at", "ch", "example", "invalid", "io", "info", "gov", "int", "fr", "uk", "nl", "lu", "ie", "se", "in", "es", "us", "me", "host", "social", "wiki", "edu", "co", "cn", "dev", "app", "legal", "one", "tech", "nu", "it", "be", "dk", "no", "pt", "nz", "pl", "fi" };

    [GeneratedRegex(@"\b[a-z]+\.[a-z]+\.[a-z]+(\.[a-z]+)*\b")]
    private static partial Regex LowerKey();

    [GeneratedRegex(@"https?://\S+|\S+@\S+")]
    private static partial Regex UrlsAndMail();

    [GeneratedRegex(@"(?<![\d.])(19|20)\d\d-[01]\d-[0-3]\d(?!\d)")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\bUTC\b")]
    private static partial Regex Utc();

    [GeneratedRegex(@"\b[a-z]+\.[a-z]+[A-Z]\w*\b")]
    private static partial Regex DottedKey();

    [GeneratedRegex(@"\b(docs|shared|data|src|tests)/[\w./-]+|\b[\w-]+\.json\b")]
    private static partial Regex RepositoryPath();
}
