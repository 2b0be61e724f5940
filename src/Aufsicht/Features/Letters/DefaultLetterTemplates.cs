using System.Text;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Letters;

/// <summary>
/// The default templates shipped in <c>data/letters/&lt;kind&gt;.&lt;de|en&gt;.liquid</c>, beside the other data an
/// authority can read and change: the case side starts an authority's own templates from these.
/// </summary>
internal static class DefaultLetterTemplates
{
    public const string Folder = "letters";

    /// <summary>The path of a default template in a data folder (as <c>Cli.DataFolder.Locate</c> finds it).</summary>
    public static string PathOf(string dataFolder, LetterKind kind, Language language) =>
        Path.Combine(dataFolder, Folder, $"{kind.WireName()}.{(language == Language.De ? "de" : "en")}.liquid");

    /// <summary>The default template's text; a missing file is a broken installation (an exception, not bad input).</summary>
    public static string Read(string dataFolder, LetterKind kind, Language language) =>
        File.ReadAllText(PathOf(dataFolder, kind, language), Encoding.UTF8);
}
