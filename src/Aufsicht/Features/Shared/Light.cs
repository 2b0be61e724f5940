using Aufsicht.Core.Law;
using Microsoft.AspNetCore.Html;

namespace Aufsicht.Features.Shared;

/// <summary>A traffic light as text with colour — never colour alone (WCAG 1.4.1).</summary>
internal static class Light
{
    public static IHtmlContent Of(Language language, string level) =>
        new HtmlString($"<span class=\"light light-{System.Net.WebUtility.HtmlEncode(level)}\">{System.Net.WebUtility.HtmlEncode(Texts.T(language, "level." + level))}</span>");

    public static IHtmlContent Of(Language language, Verdict verdict) => Of(language, verdict.WireName());

    public static IHtmlContent Of(Language language, Level level) => Of(language, level.WireName());
}
