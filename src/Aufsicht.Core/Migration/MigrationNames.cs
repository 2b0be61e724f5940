using System.Collections.Frozen;
using System.Text;

namespace Aufsicht.Core.Migration;

/// <summary>
/// The wire and stored names of the migration planner's enums (<see cref="Pillar"/>, <see cref="Dependency"/>,
/// <see cref="ApplicationKind"/>, <see cref="Compatibility"/>, <see cref="InventorySource"/>, <see cref="TargetStatus"/>): the member name in
/// kebab-case (<c>OperatingSystem</c> → <c>operating-system</c>), as columns, import files, JSON and text keys use it.
/// </summary>
public static class MigrationNames
{
    public static string Wire<T>(T value) where T : struct, Enum => Names<T>.ToWire[value];

    /// <summary>Reads a wire name (case-insensitive, surrounding space ignored); false for anything else.</summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Names<T>.FromWire.TryGetValue((text ?? "").Trim(), out value);

    /// <summary>Every wire name of the enum, in declaration order (for error messages and documentation).</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Names<T>.Ordered;

    private static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private static class Names<T> where T : struct, Enum
    {
        public static readonly string[] Ordered = Enum.GetValues<T>().Select(v => Kebab(v.ToString())).ToArray();

        public static readonly FrozenDictionary<T, string> ToWire = Enum.GetValues<T>().ToFrozenDictionary(v => v, v => Kebab(v.ToString()));

        public static readonly FrozenDictionary<string, T> FromWire =
            Enum.GetValues<T>().ToFrozenDictionary(v => Kebab(v.ToString()), v => v, StringComparer.OrdinalIgnoreCase);
    }
}
