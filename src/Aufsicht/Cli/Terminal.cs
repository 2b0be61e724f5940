namespace Aufsicht.Cli;

/// <summary>Text output for people: tables, and colours where the terminal supports them (not when piped, not with NO_COLOR).</summary>
internal sealed class Terminal(TextWriter writer, bool colour, Core.Law.Language language = Core.Law.Language.De)
{
    private static readonly Dictionary<string, (string De, string En)> Labels = new(StringComparer.Ordinal)
    {
        ["green"] = ("grün", "green"),
        ["yellow"] = ("gelb", "yellow"),
        ["red"] = ("rot", "red"),
        ["not-assessed"] = ("nicht bewertet", "not assessed"),
        ["note"] = ("Hinweis", "note"),
    };

    public TextWriter Writer => writer;

    /// <summary>A level or verdict (wire name) as a word in the language, without colour.</summary>
    public static string Label(string level, Core.Law.Language language) =>
        Labels.TryGetValue(level, out var l) ? (language == Core.Law.Language.De ? l.De : l.En) : level;

    public bool Colour => colour;

    public static bool SupportsColour(bool redirected) =>
        !redirected
        && Environment.GetEnvironmentVariable("NO_COLOR") is null
        && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb");

    /// <summary>A level or verdict (wire name) as a word in the user's language, in its traffic-light colour.</summary>
    public string Paint(string level)
    {
        var label = Label(level, language);
        if (!colour)
        {
            return label;
        }

        var code = level switch
        {
            "red" => "1;31",
            "yellow" => "1;33",
            "green" => "1;32",
            "note" => "36",
            _ => "2",
        };
        return $"\u001b[{code}m{label}\u001b[0m";
    }

    public string Bold(string text) => colour ? $"\u001b[1m{text}\u001b[0m" : text;

    /// <summary>Writes rows as aligned columns; cells may contain colour codes, which take no width.</summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = new int[header.Count];
        foreach (var row in all)
        {
            for (var i = 0; i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], Visible(row[i]));
            }
        }

        for (var r = 0; r < all.Count; r++)
        {
            var row = all[r];
            var line = new System.Text.StringBuilder();
            for (var i = 0; i < row.Count; i++)
            {
                var cell = r == 0 ? Bold(row[i]) : row[i];
                line.Append(cell);
                if (i < row.Count - 1)
                {
                    line.Append(' ', widths[i] - Visible(row[i]) + 2);
                }
            }

            writer.WriteLine(line.ToString().TrimEnd());
        }
    }

    private static int Visible(string text)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\u001b')
            {
                while (i < text.Length && text[i] != 'm')
                {
                    i++;
                }

                continue;
            }

            length++;
        }

        return length;
    }
}
