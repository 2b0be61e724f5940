using Xunit;

namespace Aufsicht.Tests.Inventory;

/// <summary>`aufsicht inventory import|export|from-campaign`: exit 0 on success, 2 with every error named on bad input.</summary>
[Trait("Category", "Database")]
public sealed class InventoryCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aufsicht-inventory-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Import_GoodThenBad_Exit0ThenExit2_ErrorsNameRowAndColumnInBothLanguages_ExportReadsBack()
    {
        Assert.Equal(0, Cli.Run("bodies", "import", Write("stellen.csv", "Kennung;Name;Art;Land\nS-1;Schule Eins;Schule;MV\n"), "--data-dir", _dir).ExitCode);
        var good = Cli.Run("inventory", "import", Write("gut.csv", "body,product,pillar,workplaces,licenceCost\nS-1,Microsoft Office,office,25,99.90\n"), "--data-dir", _dir);
        Assert.Equal(0, good.ExitCode);
        Assert.Contains("1 Produkte hinzugefügt", good.Stdout, StringComparison.Ordinal);

        var badFile = Write("schlecht.csv", "Organisation;Produkt;Säule;Lizenzkosten\nS-1;Windows 11;operating-system;\nS-1;Exchange;mail;viel\n");
        var german = Cli.Run("inventory", "import", badFile, "--data-dir", _dir);
        Assert.Equal(2, german.ExitCode);
        Assert.Contains($"{badFile}: Zeile 3, Spalte „Lizenzkosten“: „viel“ ist kein Betrag in Euro", german.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nichts wurde importiert.", german.Stderr, StringComparison.Ordinal);
        var english = Cli.Run("inventory", "import", badFile, "--data-dir", _dir, "--lang", "en");
        Assert.Equal(2, english.ExitCode);
        Assert.Contains("Row 3, column \"licence cost\": \"viel\" is not an amount in euros", english.Stderr, StringComparison.Ordinal);

        var export = Path.Combine(_dir, "bestand.csv");
        Assert.Equal(0, Cli.Run("inventory", "export", "--out", export, "--data-dir", _dir).ExitCode);
        Assert.Equal("body,product,pillar,workplaces,users,mailboxes,version,licenceCost,contractEnd,noticeMonths\r\nS-1,Microsoft Office,office,25,0,0,,99.90,,\r\n", File.ReadAllText(export));
        var again = Cli.Run("inventory", "import", export, "--data-dir", _dir);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 Produkte hinzugefügt, 1 aktualisiert", again.Stdout, StringComparison.Ordinal);

        var xlsx = Path.Combine(_dir, "bestand.xlsx");
        Assert.Equal(0, Cli.Run("inventory", "export", "--out", xlsx, "--data-dir", _dir).ExitCode);
        Assert.Equal(0, Cli.Run("inventory", "import", xlsx, "--data-dir", _dir).ExitCode);
    }

    [Fact]
    public void FromCampaign_UnknownOrBadId_Exit2()
    {
        var unknown = Cli.Run("inventory", "from-campaign", "999", "--data-dir", _dir);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("es gibt keine Umfrage mit der Nummer 999", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Cli.Run("inventory", "from-campaign", "zwölf", "--data-dir", _dir).ExitCode);
        Assert.Equal(2, Cli.Run("inventory", "export", "--data-dir", _dir).ExitCode);
    }
}
