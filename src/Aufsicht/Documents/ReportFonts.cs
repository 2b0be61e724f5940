using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Aufsicht.Documents;

/// <summary>
/// Gives PDFsharp the Liberation Sans shipped inside the executable (Fonts/, SIL OFL 1.1), so a PDF looks the same on
/// any server, including containers and CI runners without a single installed font. Every family name resolves to it.
/// </summary>
internal sealed class ReportFonts : IFontResolver
{
    public const string Family = "Liberation Sans";

    private const string Regular = "LiberationSans-Regular";
    private const string Bold = "LiberationSans-Bold";

    private static readonly Lock Gate = new();
    private static bool registered;

    private readonly ConcurrentDictionary<string, byte[]> faces = new(StringComparer.Ordinal);

    /// <summary>
    /// Installs the resolver once per process. PDFsharp allows setting it only before its first font operation, and
    /// only once, hence the lock; a resolver set elsewhere in the process is left alone (it must then know
    /// <see cref="Family"/>).
    /// </summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            GlobalFontSettings.FontResolver ??= new ReportFonts();
            registered = true;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var assembly = typeof(ReportFonts).Assembly;
        var suffix = $".Fonts.{faceName}.ttf";
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(suffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
