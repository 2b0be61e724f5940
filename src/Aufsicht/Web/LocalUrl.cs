namespace Aufsicht.Web;

/// <summary>
/// Where a "go back to" parameter (the language switch's <c>back</c>, sign-in's <c>returnUrl</c>) may lead: a path on
/// this server and nothing else. Browsers drop tabs and line breaks from a URL before they follow it, so
/// <c>/\t/evil.example</c> arrives as <c>//evil.example</c>, another host; and a line break in a Location header is
/// refused by the server (a 500). Hence: one leading <c>/</c>, not <c>//</c> or <c>/\</c>, and no control, space or
/// invisible format character anywhere (issue 12).
/// </summary>
internal static class LocalUrl
{
    public static bool IsLocal(string? url)
    {
        if (url is not { Length: > 0 } || url[0] != '/' || (url.Length > 1 && url[1] is '/' or '\\'))
        {
            return false;
        }

        foreach (var c in url)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><paramref name="url"/> if it is a local path, else the home page.</summary>
    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";
}
