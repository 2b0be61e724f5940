using System.Text.Encodings.Web;
using System.Text.Unicode;
using Aufsicht.Core.Law;
using Microsoft.AspNetCore.Html;

namespace Aufsicht.Features.Shared;

/// <summary>
/// A criterion as readers see it: the id with its short title beside it („L01 Auftragsverarbeitungsvertrag
/// angeboten“), the full question in the id's tooltip. A bare id told readers nothing without hovering (issue 12).
/// </summary>
internal static class CriterionLabel
{
    /// <summary>Between the labels of a list: the titles have spaces, so a comma alone would not part them clearly.</summary>
    public const string Separator = "; ";

    // The page's setting (WebApp): umlauts stay characters; markup-significant characters are still encoded. Content
    // appended to an HtmlContentBuilder would be written with the default encoder instead (&#xFC;).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IHtmlContent Of(CriteriaCatalog criteria, string id, Language language) => new HtmlString(Html(criteria, id, language));

    /// <summary>A stored list of ids („L03,U06“, a body's main findings), each with its title.</summary>
    public static IHtmlContent List(CriteriaCatalog criteria, string ids, Language language) =>
        new HtmlString(string.Join(Encoder.Encode(Separator), Ids(ids).Select(id => Html(criteria, id, language))));

    /// <summary>The same list as plain text: one a line in reports (<c>"\n"</c>), <see cref="Separator"/> in a CSV cell.</summary>
    public static string Text(CriteriaCatalog criteria, string ids, Language language, string separator = Separator)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return string.Join(separator, Ids(ids).Select(id => criteria.Label(id, language)));
    }

    public static IReadOnlyList<string> Ids(string ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Html(CriteriaCatalog criteria, string id, Language language)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (!criteria.Contains(id))
        {
            return Encoder.Encode(id);
        }

        var criterion = criteria[id];
        return $"<abbr class=\"criterion-id\" title=\"{Encoder.Encode(criterion.Question.In(language))}\">{Encoder.Encode(id)}</abbr> " +
            $"<span class=\"criterion-title\">{Encoder.Encode(criterion.Title.In(language))}</span>";
    }
}
