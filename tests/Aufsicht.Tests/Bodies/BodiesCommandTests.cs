using Xunit;

namespace Aufsicht.Tests.Bodies;

/// <summary>`aufsicht bodies import|export`: the same use case and format as the pages, with exit code 2 and every error on bad input.</summary>
[Trait("Category", "Database")]
public sealed class BodiesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aufsicht-bodies-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Import_BadRows_Exit2_EveryErrorNamed_NothingWritten()
    {
        var file = Write("bad.csv", "Kennung;Name;Art;Land\nS-1;Schule;Schule;XX\nS-2;;Schule;BE\n");
        var german = Cli.Run("bodies", "import", file, "--data-dir", _dir);
        Assert.Equal(2, german.ExitCode);
        Assert.Contains($"{file}: Zeile 2, Spalte „state“: „XX“ ist keiner der Werte BW, BY", german.Stderr, StringComparison.Ordinal);
        Assert.Contains($"{file}: Zeile 3, Spalte „name“: ein Wert ist erforderlich", german.Stderr, StringComparison.Ordinal);
        Assert.Contains("aufsicht: Es wurde nichts importiert.", german.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing was imported", german.Stderr, StringComparison.Ordinal);

        var result = Cli.Run("bodies", "import", file, "--data-dir", _dir, "--lang", "en");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("row 2, column \"state\": \"XX\" is not one of", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("row 3, column \"name\": a value is required", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.Stderr, StringComparison.Ordinal);

        var export = Path.Combine(_dir, "leer.csv");
        Assert.Equal(0, Cli.Run("bodies", "export", export, "--data-dir", _dir).ExitCode);
        Assert.Equal("externalId,name,kind,region,state,publicBody,publicUndertaking,contactName,contactEmail,language,parent\r\n", File.ReadAllText(export));
    }

    [Fact]
    public void Export_MachineByDefault_GermanOnRequest()
    {
        Assert.Equal(0, Cli.Run("bodies", "import", Write("gut.csv", "Kennung;Name;Art;Land\nS-1;Schule Eins;Schule;BE\n"), "--data-dir", _dir).ExitCode);

        var machine = Path.Combine(_dir, "maschine.csv");
        Assert.Equal(0, Cli.Run("bodies", "export", machine, "--data-dir", _dir).ExitCode);
        Assert.Equal(
            "externalId,name,kind,region,state,publicBody,publicUndertaking,contactName,contactEmail,language,parent\r\nS-1,Schule Eins,school,,BE,true,false,,,de,\r\n",
            System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(machine)));

        var german = Path.Combine(_dir, "deutsch.csv");
        Assert.Equal(0, Cli.Run("bodies", "export", german, "--variant", "german", "--data-dir", _dir).ExitCode);
        Assert.Equal(
            "\uFEFFKennung;Name;Art;Region;Land;Öffentliche Stelle;Wettbewerbsunternehmen;Ansprechperson;E-Mail;Sprache;Übergeordnet\r\nS-1;Schule Eins;Schule;;BE;ja;nein;;;de;\r\n",
            System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(german)));

        var wrong = Cli.Run("bodies", "export", german, "--variant", "deutsch", "--data-dir", _dir);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--variant: möglich sind machine, german; angegeben war „deutsch“", wrong.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alle.csv", "machine")]
    [InlineData("alle.xlsx", "machine")]
    [InlineData("alle.csv", "german")]
    [InlineData("alle.xlsx", "german")]
    public void Import_ThenExport_ThenImport_Unchanged(string exportName, string variant)
    {
        var file = Write("gut.csv", "Kennung;Name;Art;Land;Region\nS-1;Schule Eins;Schule;BE;Mitte\nS-2;Schule Zwei;Schule;BE;\n");
        var imported = Cli.Run("bodies", "import", file, "--data-dir", _dir);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("2 hinzugefügt, 0 geändert, 0 unverändert", imported.Stdout, StringComparison.Ordinal);

        var export = Path.Combine(_dir, exportName);
        Assert.Contains("2 bodies exported", Cli.Run("bodies", "export", export, "--variant", variant, "--data-dir", _dir, "--lang", "en").Stdout, StringComparison.Ordinal);
        var again = Cli.Run("bodies", "import", export, "--data-dir", _dir, "--lang", "en");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 added, 0 updated, 2 unchanged", again.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "export", "alle.txt", "muss auf .csv oder .xlsx enden")]
    [InlineData("de", "import", "fehlt.csv", "lässt sich nicht lesen")]
    [InlineData("en", "export", "alle.txt", "must end in .csv or .xlsx")]
    [InlineData("en", "import", "fehlt.csv", "cannot read")]
    public void BadArguments_Exit2_WithAMessage(string language, string verb, string name, string message)
    {
        var result = Cli.Run("bodies", verb, Path.Combine(_dir, name), "--data-dir", _dir, "--lang", language);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }
}
