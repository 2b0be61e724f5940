namespace Aufsicht.Documents;

/// <summary>
/// Shares a table's width among its columns: each column gets at least its longest word, the rest goes to columns
/// with long text, so a column of findings does not wrap every word while a column of numbers is wide as a page.
/// </summary>
internal static class ColumnWidths
{
    public static double[] Compute(IReadOnlyList<double> natural, IReadOnlyList<double> minimum, double available)
    {
        var count = natural.Count;
        var min = minimum.Select(m => Math.Min(m, available / 2)).ToArray();
        var nat = natural.Select((n, i) => Math.Max(n, min[i])).ToArray();
        var totalNatural = nat.Sum();
        if (totalNatural <= available)
        {
            return [.. nat.Select(n => n * available / totalNatural)];
        }

        var totalMin = min.Sum();
        if (totalMin >= available)
        {
            return [.. min.Select(m => m * available / totalMin)];
        }

        var extra = available - totalMin;
        var wanted = Enumerable.Range(0, count).Select(i => nat[i] - min[i]).ToArray();
        var totalWanted = wanted.Sum();
        return [.. Enumerable.Range(0, count).Select(i => min[i] + (totalWanted == 0 ? extra / count : extra * wanted[i] / totalWanted))];
    }
}
