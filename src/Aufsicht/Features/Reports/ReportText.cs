namespace Aufsicht.Features.Reports;

/// <summary>The texts of this feature's pages and messages, German first (merged into <see cref="Web.UiText"/>).</summary>
internal static class ReportText
{
    public static readonly IReadOnlyDictionary<string, (string De, string En)> Entries = new Dictionary<string, (string De, string En)>(StringComparer.Ordinal)
    {
    };
}
