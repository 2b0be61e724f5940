using Aufsicht.Core.Law;

namespace Aufsicht.Documents;

/// <summary>
/// A report as plain values, written once and rendered by <see cref="OdtWriter"/> and <see cref="PdfWriter"/> (and its
/// charts by <see cref="SvgChart"/> for pages), so every format says the same thing.
/// </summary>
internal sealed record ReportDocument(string Title, string? Subtitle, Language Language, IReadOnlyList<Block> Blocks);

/// <summary>One piece of a report, in reading order.</summary>
internal abstract record Block;

internal sealed record Heading : Block
{
    public Heading(string text, int level = 1)
    {
        // Three levels are what ODT styles and the PDF layout define; a deeper outline would silently look like level 3.
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 3);
        Text = text;
        Level = level;
    }

    public string Text { get; }

    public int Level { get; }
}

internal sealed record Paragraph(string Text) : Block;

/// <summary>
/// A table of text with one header row. <paramref name="Tones"/>, when given, has the shape of <paramref name="Rows"/>
/// and tints single cells (e.g. a verdict); the cell text must say the same, since colour alone is no information.
/// </summary>
internal sealed record Table(
    string Caption,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<IReadOnlyList<Tone>>? Tones = null) : Block
{
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; } = CheckShape(Rows, Headers.Count);

    public IReadOnlyList<IReadOnlyList<Tone>>? Tones { get; } = Tones is null ? null : CheckTones(Tones, Rows, Headers.Count);

    public Tone ToneAt(int row, int column) => Tones is null ? Tone.None : Tones[row][column];

    private static IReadOnlyList<IReadOnlyList<string>> CheckShape(IReadOnlyList<IReadOnlyList<string>> rows, int columns)
    {
        if (columns == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Count != columns)
            {
                throw new ArgumentException($"Row {i} has {rows[i].Count} cells, the table {columns} columns.", nameof(rows));
            }
        }

        return rows;
    }

    private static IReadOnlyList<IReadOnlyList<Tone>> CheckTones(IReadOnlyList<IReadOnlyList<Tone>> tones, IReadOnlyList<IReadOnlyList<string>> rows, int columns)
    {
        if (tones.Count != rows.Count || tones.Any(r => r.Count != columns))
        {
            throw new ArgumentException("Tones must have the shape of the rows.", nameof(tones));
        }

        return tones;
    }
}

internal sealed record Chart(ChartModel Model) : Block;

internal sealed record KeyValues(IReadOnlyList<KeyValue> Items) : Block;

internal sealed record KeyValue(string Label, string Value);

/// <summary>
/// The colour a cell or chart segment carries: the verdict lights plus grey for "not assessed / not answered".
/// <see cref="None"/> is an untinted cell or the neutral colour of a single-series chart.
/// </summary>
internal enum Tone
{
    None,
    Green,
    Yellow,
    Red,
    Grey,
}
