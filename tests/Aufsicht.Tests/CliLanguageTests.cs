using Xunit;

namespace Aufsicht.Tests;

/// <summary>
/// Every message of the command line in the language of <c>--lang</c>: German by default, with no English fragment in
/// it, and English on request; the exit code of bad input is 2 in both, since scripts test for it.
/// </summary>
public sealed class CliLanguageTests : IDisposable
{
    /// <summary>English words that betray an untranslated message (usage lines, options and names aside).</summary>
    private static readonly string[] EnglishWords = ["expected", "unknown", "missing", "usage", "required", "cannot", "does not", "exists already", "got '", "unexpected", "needs a value", "did you mean"];

    private readonly string _dir = Directory.CreateTempSubdirectory("aufsicht-cli-language-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(new[] { "frobnicate" }, "Den Befehl „frobnicate“ gibt es nicht; „aufsicht --help“ zeigt alle Befehle.", "unknown command 'frobnicate'; run 'aufsicht --help'")]
    [InlineData(new[] { "assess" }, "assess: Gemeint ist „assess service“ oder „assess batch“.", "assess: expected 'assess service' or 'assess batch'")]
    [InlineData(new[] { "catalog", "frob" }, "catalog: Gemeint ist „catalog list“, „catalog show“ oder „catalog validate“.", "catalog: expected 'catalog list', 'catalog show' or 'catalog validate'")]
    [InlineData(new[] { "admin", "create-user", "--data-dir", "{dir}" }, "admin create-user: Die Option --email ist anzugeben. Aufruf: aufsicht admin create-user --email ADDRESS", "admin create-user: --email is required; usage: aufsicht admin create-user --email ADDRESS")]
    [InlineData(new[] { "admin", "reset-password", "--data-dir", "{dir}" }, "admin reset-password: Die Option --email ist anzugeben. Aufruf: aufsicht admin reset-password", "admin reset-password: --email is required; usage: aufsicht admin reset-password")]
    [InlineData(new[] { "admin", "create-user", "--email", "a@aufsicht.example", "--role", "Boss", "--data-dir", "{dir}" }, "admin create-user: --role: möglich sind Administrator, Supervisor, Reader; angegeben war „Boss“.", "admin create-user: --role: expected one of Administrator, Supervisor, Reader; got 'Boss'")]
    [InlineData(new[] { "catalog", "list", "--colour" }, "catalog list: Die Option --colour gibt es nicht; möglich sind --as-of, --authority, --category, --data, --format.", "catalog list: unknown option --colour; known options: --as-of, --authority, --category, --data, --format")]
    [InlineData(new[] { "catalog", "show" }, "catalog show: Es fehlt ein Argument. Aufruf: aufsicht catalog show <id>", "catalog show: missing argument; usage: aufsicht catalog show <id>")]
    [InlineData(new[] { "catalog", "show", "zoom", "teams" }, "catalog show: Das Argument „teams“ ist hier nicht vorgesehen. Aufruf: aufsicht catalog show", "catalog show: unexpected argument 'teams'; usage: aufsicht catalog show")]
    [InlineData(new[] { "db", "migrate", "--data-dir" }, "db migrate: Die Option --data-dir braucht einen Wert.", "db migrate: option --data-dir needs a value")]
    [InlineData(new[] { "assess", "service", "nope" }, "assess service: Den Dienst „nope“ gibt es im Katalog nicht; „aufsicht catalog list“ zeigt den Katalog.", "assess service: unknown service 'nope'; 'aufsicht catalog list' shows the catalogue")]
    [InlineData(new[] { "assess", "service", "zoom", "--as-of", "2026-13-01" }, "assess service: --as-of: erwartet wird ein Datum im Format JJJJ-MM-TT", "assess service: --as-of: expected a date as YYYY-MM-DD")]
    [InlineData(new[] { "authorities", "--format", "xml" }, "authorities: --format: möglich sind json, text; angegeben war „xml“.", "authorities: --format: expected one of json, text; got 'xml'")]
    [InlineData(new[] { "backup", "{dir}/vorhanden.db", "--data-dir", "{dir}" }, "/vorhanden.db gibt es schon; bitte einen neuen Dateinamen wählen.", "/vorhanden.db exists already; choose a new file name")]
    [InlineData(new[] { "restore", "{dir}/fehlt.db", "--data-dir", "{dir}" }, "/fehlt.db gibt es nicht.", "/fehlt.db does not exist")]
    [InlineData(new[] { "bodies", "export", "{dir}/liste.txt", "--data-dir", "{dir}" }, "/liste.txt: Der Name muss auf .csv oder .xlsx enden", "/liste.txt: the name must end in .csv or .xlsx")]
    [InlineData(new[] { "assess", "batch", "{dir}/fehlt.jsonl" }, "/fehlt.jsonl: Die Datei lässt sich nicht lesen: ", "/fehlt.jsonl: cannot be read: ")]
    public void BadInvocation_GermanByDefault_EnglishOnRequest_Exit2(string[] template, string german, string english)
    {
        // backup finds a database and a file of the name it is to write: it must refuse to overwrite it.
        File.WriteAllText(Path.Combine(_dir, "aufsicht.db"), string.Empty);
        File.WriteAllText(Path.Combine(_dir, "vorhanden.db"), string.Empty);
        var args = template.Select(a => a.Replace("{dir}", _dir, StringComparison.Ordinal)).ToArray();

        var de = Cli.Run(args);
        Assert.Equal(2, de.ExitCode);
        Assert.Empty(de.Stdout);
        Assert.StartsWith("aufsicht: ", de.Stderr, StringComparison.Ordinal);
        Assert.Contains(german, de.Stderr, StringComparison.Ordinal);
        // The directory's own name is the machine's, not a message's: only the rest must be German.
        var message = de.Stderr.Replace(_dir, "DIR", StringComparison.Ordinal);
        Assert.All(EnglishWords, word => Assert.DoesNotContain(word, message, StringComparison.OrdinalIgnoreCase));

        var en = Cli.Run([.. args, "--lang", "en"]);
        Assert.Equal(2, en.ExitCode);
        Assert.Contains(english, en.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("„", en.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BadLanguage_Exit2_InBothLanguages()
    {
        var r = Cli.Run("--lang", "fr", "catalog", "list");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--lang: möglich sind de oder en; angegeben war „fr“ / --lang: expected de or en; got 'fr'", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "Aufruf:", "Exit-Codes: 0 Erfolg")]
    [InlineData("en", "Usage:", "Exit codes: 0 success")]
    public void Help_InTheLanguage_KeepsTheUsageLines(string language, string usage, string exitCodes)
    {
        var r = Cli.Run("--help", "--lang", language);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(usage, r.Stdout, StringComparison.Ordinal);
        Assert.Contains(exitCodes, r.Stdout, StringComparison.Ordinal);
        Assert.Contains("aufsicht admin create-user --email ADDRESS", r.Stdout, StringComparison.Ordinal);
    }
}
