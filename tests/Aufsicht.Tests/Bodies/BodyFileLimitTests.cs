using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Aufsicht.Core.Law;
using Aufsicht.Features.Bodies;
using Aufsicht.Features.Shared;
using Xunit;

namespace Aufsicht.Tests.Bodies;

/// <summary>
/// What a registry file may expand to (issue 12, point 2: an XLSX of 400 KB whose one cell unpacked to 400 MB took the
/// server from 294 MB to 3.4 GB): refused before it is read, with a message naming the limit.
/// </summary>
[Trait("Category", "Unit")]
public sealed class BodyFileLimitTests
{
    [Fact]
    public void Xlsx_ThatUnpacksBeyondTheLimit_IsRefusedBeforeReading()
    {
        var bomb = BombXlsx(BodyFile.MaxExpandedBytes + (1024 * 1024));
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is small on disk ({bomb.Length} bytes)");

        var read = BodyFile.Read(bomb, "bomb.xlsx");

        Assert.False(read.IsOk);
        Assert.Equal("bodies.file.expands", read.Errors[0].Key);
        Assert.Equal("die XLSX-Datei ergibt entpackt mehr als 50 MB; erlaubt sind höchstens 50 MB", Failures.Message(read.Errors[0], Language.De));
        Assert.Equal("the XLSX file unpacks to more than 50 MB; at most 50 MB are allowed", Failures.Message(read.Errors[0], Language.En));
    }

    [Fact]
    public void Xlsx_WhoseHeadersUnderstateTheSize_IsRefusedWhileReading()
    {
        var bomb = BombXlsx(BodyFile.MaxExpandedBytes + (1024 * 1024));
        var lying = Understate(bomb);

        var read = BodyFile.Read(lying, "bomb.xlsx");

        Assert.False(read.IsOk);
        Assert.Contains(read.Errors[0].Key, (string[])["bodies.file.expands", "bodies.file.badZip"]);
    }

    [Fact]
    public void Xlsx_WithACellLongerThanTheLimit_IsRefusedNamingTheCell()
    {
        using var table = new System.Data.DataTable("Organisationen") { Locale = System.Globalization.CultureInfo.InvariantCulture };
        table.Columns.Add("Kennung");
        table.Columns.Add("Name");
        table.Rows.Add("S-1", new string('x', BodyFile.MaxCellLength + 1));
        using var buffer = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(buffer, table, printHeader: true, excelType: MiniExcelLibs.ExcelType.XLSX);

        var read = BodyFile.Read(buffer.ToArray(), "lang.xlsx");

        Assert.False(read.IsOk);
        Assert.Equal(("2:#2", "bodies.file.cellTooLong"), (read.Errors[0].Field, read.Errors[0].Key));
        Assert.Equal("a cell is longer than 10000 characters", Failures.Message(read.Errors[0], Language.En));
    }

    [Fact]
    public void Csv_WithACellLongerThanTheLimit_IsRefusedNamingTheCell()
    {
        var csv = "Kennung;Name\nS-1;" + new string('x', BodyFile.MaxCellLength + 1) + "\n";

        var read = BodyFile.Read(Encoding.UTF8.GetBytes(csv), "lang.csv");

        Assert.False(read.IsOk);
        Assert.Equal(("2:#2", "bodies.file.cellTooLong"), (read.Errors[0].Field, read.Errors[0].Key));
    }

    [Fact]
    public void Files_AtTheLimits_AreRead()
    {
        var csv = "Kennung;Name\nS-1;" + new string('x', BodyFile.MaxCellLength) + "\n";
        Assert.True(BodyFile.Read(Encoding.UTF8.GetBytes(csv), "lang.csv").IsOk);
    }

    /// <summary>
    /// A minimal XLSX whose one cell holds <paramref name="size"/> bytes of one letter: a few hundred KB on disk,
    /// built with System.IO.Compression so nothing large is ever in memory.
    /// </summary>
    internal static byte[] BombXlsx(long size)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"""u8);
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'A');
            for (long written = 0; written < size; written += chunk.Length)
            {
                sheet.Write(chunk);
            }

            sheet.Write("""</t></is></c></row></sheetData></worksheet>"""u8);
        }

        return buffer.ToArray();
    }

    /// <summary>The same archive with every entry's uncompressed size in its headers set to 1 KB: a lie the reader must not believe.</summary>
    private static byte[] Understate(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 46 <= bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), 1024);
            }
            else if (signature == 0x02014b50)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), 1024);
            }
        }

        return bytes;
    }
}
