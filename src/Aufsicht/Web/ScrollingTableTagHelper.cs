using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Aufsicht.Web;

/// <summary>
/// Puts every table of the pages in its own scrolling box, so a wide table scrolls sideways on a phone instead of the
/// whole page. The box is a region named by the table's caption and reachable by keyboard (tabindex 0), so people
/// who cannot swipe can scroll it with the arrow keys — the pattern axe-core's "scrollable-region-focusable" asks for.
/// One place instead of a wrapper written around each of the pages' tables; a new table gets it without thinking.
/// </summary>
[HtmlTargetElement("table")]
public sealed class ScrollingTableTagHelper : TagHelper
{
    private const string CountKey = "Aufsicht.ScrollingTables";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var content = (await output.GetChildContentAsync().ConfigureAwait(false)).GetContent();
        var caption = content.IndexOf("<caption", StringComparison.OrdinalIgnoreCase);
        if (caption < 0)
        {
            // Nothing to name the region by: a plain box (every table of the pages has a caption; a test keeps it so).
            output.PreElement.SetHtmlContent("<div class=\"table-scroll\">");
            output.PostElement.SetHtmlContent("</div>");
            return;
        }

        // Named "Tabelle: <caption>": the caption alone often repeats the heading of the section around the table,
        // and two landmarks with one name are one too many for a screen reader's list of regions (axe: landmark-unique).
        var id = NextId();
        var word = Features.Texts.T(ViewContext is null ? Core.Law.Language.De : UiLanguageMiddleware.Of(ViewContext.HttpContext), "table.region");
        var named = content.Insert(caption + "<caption".Length, $" id=\"{id}\"");
        output.Content.SetHtmlContent(named);
        output.PreElement.SetHtmlContent(
            $"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"{id}-art {id}\"><span id=\"{id}-art\" hidden>{HtmlEncoder.Default.Encode(word)}</span>");
        output.PostElement.SetHtmlContent("</div>");
    }

    /// <summary>tabelle-1, tabelle-2, … in the order of the page: stable, so cached pages and tests see the same ids.</summary>
    private string NextId()
    {
        var items = ViewContext?.HttpContext.Items;
        var count = items?.TryGetValue(CountKey, out var value) == true && value is int n ? n + 1 : 1;
        if (items is not null)
        {
            items[CountKey] = count;
        }

        return "tabelle-" + count.ToString(CultureInfo.InvariantCulture);
    }
}
