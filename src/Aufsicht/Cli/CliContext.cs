namespace Aufsicht.Cli;

/// <summary>What a command may touch: its streams, the clock and the user's language. Tests pass their own.</summary>
internal sealed class CliContext(Func<Stream> stdout, TextWriter error, Func<Stream> stdin, TimeProvider clock, bool colour)
{
    public TextWriter Error => error;

    public TimeProvider Clock => clock;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>JSON is the default for the CLI's machine interface (DESIGN.md §5); text is for people.</summary>
    public string DefaultFormat { get; init; } = "json";

    public Core.Law.Language Language { get; init; } = Core.Law.Language.De;

    public Stream OpenStdout() => stdout();

    /// <summary>Writes one indented JSON document and a newline to standard output; the commands' JSON output.</summary>
    public int WriteJson(Action<System.Text.Json.Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = stdout();
        using (var w = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            write(w);
        }

        stream.WriteByte((byte)'\n');
        return ExitCode.Ok;
    }

    public Stream OpenStdin() => stdin();

    public Terminal Terminal => new(new StreamWriter(stdout(), new System.Text.UTF8Encoding(false)) { AutoFlush = true }, colour, Language);
}
