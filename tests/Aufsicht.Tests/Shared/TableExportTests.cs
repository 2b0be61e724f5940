using System.Text;
using Aufsicht.Features.Shared;
using Aufsicht.Tests.Bodies;
using Xunit;

namespace Aufsicht.Tests.Shared;

/// <summary>The one writer of every CSV and XLSX download: the two CSV variants, German values, and no formula in any cell.</summary>
[Trait("Category", "Unit")]
public sealed class TableExportTests
{
    private static readonly string[] Header = ["Kennung", "Anmerkung", "Anteil"];

    private static readonly object?[][] Rows =
    [
        ["S-1", "=HYPERLINK(\"http://x\",\"y\")", 12.5m],
        ["-2", "Müßiggang; „Grüße“", null],
    ];

    private static string Csv(ExportVariant variant, out byte[] bytes)
    {
        using var stream = new MemoryStream();
        TableExport.WriteCsv(stream, Header, Rows, variant);
        bytes = stream.ToArray();
        return Encoding.UTF8.GetString(bytes);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+49 381 123", "'+49 381 123")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Schule", "Schule")]
    [InlineData("a=b", "a=b")]
    [InlineData("'=already", "'=already")]
    [InlineData("", "")]
    public void Neutralise_FormulaStarts_GetAnApostrophe_AndRestoreTakesItOff(string cell, string written)
    {
        Assert.Equal(written, TableExport.Neutralise(cell));
        if (written != cell)
        {
            Assert.Equal(cell, TableExport.Restore(written));
        }
    }

    [Fact]
    public void WriteCsv_German_SemicolonBomCrlf_DecimalComma_NoFormula()
    {
        var text = Csv(ExportVariant.German, out var bytes);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(
            "\uFEFFKennung;Anmerkung;Anteil\r\n" +
            "S-1;\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";12,5\r\n" +
            "'-2;\"Müßiggang; „Grüße“\";\r\n",
            text);
    }

    [Fact]
    public void WriteCsv_Machine_CommaNoBom_DecimalPoint_NoFormula()
    {
        var text = Csv(ExportVariant.Machine, out var bytes);
        Assert.Equal((byte)'K', bytes[0]);
        Assert.Equal(
            "Kennung,Anmerkung,Anteil\r\n" +
            "S-1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",12.5\r\n" +
            "'-2,Müßiggang; „Grüße“,\r\n",
            text);
    }

    [Fact]
    public void WriteXlsx_HeaderTextNumbers_NoFormula()
    {
        using var stream = new MemoryStream();
        TableExport.WriteXlsx(stream, "Antworten", Header, Rows);
        var rows = BodyImportTests.Sheet(stream.ToArray());
        Assert.Equal(["Kennung", "Anmerkung", "Anteil"], rows[0]);
        Assert.Equal("'=HYPERLINK(\"http://x\",\"y\")", rows[1][1]);
        Assert.Equal("'-2", rows[2][0]);

        // The fraction is a number cell, which a German spreadsheet shows as 12,5; no cell is a formula.
        stream.Position = 0;
        var sheet = SheetXml(stream);
        Assert.DoesNotContain("<x:f>", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
        Assert.Matches("<(x:)?v>12\\.5</(x:)?v>", sheet);
    }

    [Fact]
    public void WriteXlsx_NoRows_StillHasTheHeader()
    {
        using var stream = new MemoryStream();
        TableExport.WriteXlsx(stream, "Antworten", Header, []);
        Assert.Equal(["Kennung", "Anmerkung", "Anteil"], Assert.Single(BodyImportTests.Sheet(stream.ToArray())));
    }

    [Theory]
    [InlineData("2026-12-16T13:05:00Z", "16.12.2026 14:05", "2026-12-16T13:05:00Z")] // winter: CET, UTC+1
    [InlineData("2026-07-03T22:30:00Z", "04.07.2026 00:30", "2026-07-03T22:30:00Z")] // summer: CEST, UTC+2, the next day in Berlin
    public void Time_GermanInBerlin_MachineInUtc(string utc, string german, string machine)
    {
        var moment = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(german, TableExport.Time(moment, ExportVariant.German));
        Assert.Equal(machine, TableExport.Time(moment, ExportVariant.Machine));
        Assert.Equal("16.12.2026", TableExport.Date(new DateOnly(2026, 12, 16), ExportVariant.German));
        Assert.Equal("2026-12-16", TableExport.Date(new DateOnly(2026, 12, 16), ExportVariant.Machine));
    }

    private static string SheetXml(Stream xlsx)
    {
        using var zip = new System.IO.Compression.ZipArchive(xlsx, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }
}
