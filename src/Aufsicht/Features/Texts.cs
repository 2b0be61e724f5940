using Aufsicht.Core.Law;

namespace Aufsicht.Features;

/// <summary>
/// Every text of the pages and messages, German first: the one lookup over the tables that live beside their owners —
/// the shared layout's in Web, the renderers' in Documents, each feature's in its folder. A new table is added to the
/// list below; a key defined twice stops the app at its first text.
/// </summary>
internal static class Texts
{
    private static readonly Dictionary<string, (string De, string En)> All = Merge(
        Web.LayoutText.Entries,
        Cli.CliText.Entries,
        Documents.DocumentText.Entries,
        Shared.FailureText.Entries,
        Accounts.AccountText.Entries,
        Bodies.BodyText.Entries,
        Catalog.CatalogText.Entries,
        Catalog.CatalogQueryText.Entries,
        Catalog.DataFileText.Entries,
        Mail.MailText.Entries,
        Questionnaires.QuestionnaireText.Entries,
        Questionnaires.QuestionnaireFileText.Entries,
        Campaigns.CampaignText.Entries,
        Responses.ResponseText.Entries,
        Evaluation.EvaluationText.Entries,
        Cases.CaseText.Entries,
        Deadlines.DeadlineText.Entries,
        Measures.MeasureText.Entries,
        Fines.FineText.Entries,
        Letters.LetterText.Entries,
        Scheduling.SchedulingText.Entries,
        Migration.MigrationPlanText.Entries,
        Inventory.InventoryText.Entries,
        Plans.PlansText.Entries,
        Plans.PlanFilesText.Entries,
        Plans.PlanOutputText.Entries,
        Plans.PlanParametersText.Entries,
        Plans.PlanProgressText.Entries);

    /// <summary>The text of a key in the language; an unknown key shows as itself (a test finds it, a user sees no crash).</summary>
    public static string T(Language language, string key) =>
        All.TryGetValue(key, out var text) ? (language == Language.De ? text.De : text.En) : key;

    public static string T(Language language, string key, params object[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, T(language, key), args);

    public static bool Has(string key) => All.ContainsKey(key);

    public static IEnumerable<string> Keys => All.Keys;

    /// <summary>Both texts of a key; an unknown key is a bug.</summary>
    public static (string De, string En) Entry(string key) =>
        All.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"UI text '{key}' is in no table.");

    private static Dictionary<string, (string De, string En)> Merge(params IReadOnlyDictionary<string, (string De, string En)>[] tables)
    {
        var all = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            foreach (var (key, text) in table)
            {
                if (!all.TryAdd(key, text))
                {
                    throw new InvalidOperationException($"UI text '{key}' is defined twice.");
                }
            }
        }

        return all;
    }
}
