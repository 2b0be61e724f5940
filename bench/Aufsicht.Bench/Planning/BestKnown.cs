using System.Globalization;
using System.Text;

namespace Aufsicht.Bench.Planning;

/// <summary>
/// One row of a PSPLIB best-known table (PyJobShop/Experiments, data/bks/J30.csv, J60_1.csv, J120_0.csv): the best-known
/// lower and upper bound, the proven optimum where there is one, and the critical-path length, by the running number
/// <see cref="Id"/> (which is the n of J30_n.txt; <see cref="PlanLoad"/>'s verify checks that against the instances).
/// </summary>
internal sealed record BestKnown(int Id, string Reference, int LowerBound, int UpperBound, int? Optimum, int CriticalPath, int SumOfDurations)
{
    /// <summary>
    /// The optimum where it is known: the OPT column when it is filled (0 there means "none"), else the bounds when
    /// they meet — some closed instances (one of j60, ten of j120) have equal bounds and an empty OPT column.
    /// </summary>
    public int? KnownOptimum => Optimum ?? (LowerBound == UpperBound ? LowerBound : null);

    /// <summary>
    /// Reads the table: a preamble of four lines, a `;`-separated header naming "ID", "Ref1", "LB value", "UB value",
    /// "OPT value", "CPM" and "Sum PT", rows until the "# Record sets" trailer, decimals with commas. The files are
    /// Windows-1252 in places (names in the trailer); only ASCII digits are read, so Latin-1 does.
    /// </summary>
    public static Dictionary<int, BestKnown> Read(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.Latin1);
        var headerAt = Array.FindIndex(lines, l => l.StartsWith("ID;", StringComparison.Ordinal));
        if (headerAt < 0)
        {
            throw new FormatException($"{path}: no header line starting with 'ID;'");
        }

        var header = lines[headerAt].Split(';');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new FormatException($"{path}: no column '{name}'");
        var (id, reference, lb, ub, opt, cpm, sum) = (Column("ID"), Column("Ref1"), Column("LB value"), Column("UB value"), Column("OPT value"), Column("CPM"), Column("Sum PT"));

        var rows = new Dictionary<int, BestKnown>();
        foreach (var line in lines.Skip(headerAt + 1))
        {
            if (line.StartsWith('#'))
            {
                break;
            }

            var cells = line.Split(';');
            if (cells.Length < header.Length || !int.TryParse(cells[id], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                continue;
            }

            var optimum = Integer(cells[opt], path, n);
            rows[n] = new BestKnown(n, cells[reference], Integer(cells[lb], path, n), Integer(cells[ub], path, n), optimum > 0 ? optimum : null, Integer(cells[cpm], path, n), Integer(cells[sum], path, n));
        }

        return rows;
    }

    private static int Integer(string cell, string path, int row)
    {
        var value = decimal.Parse(cell.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture);
        return value == decimal.Truncate(value) ? (int)value : throw new FormatException($"{path}, ID {row}: '{cell}' is not a whole number");
    }
}
