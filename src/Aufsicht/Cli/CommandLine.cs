namespace Aufsicht.Cli;

/// <summary>Exit codes of the CLI (DESIGN.md §5): 0 on any verdict, 2 on invalid input.</summary>
internal static class ExitCode
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
}

/// <summary>Bad input on the command line or in a file it names: the message is shown as it is, with exit code 2.</summary>
internal sealed class InputException(string message) : Exception(message);

/// <summary>
/// The parsed words of one command: positional arguments and <c>--name value</c> options. Each command says which
/// options it knows; anything else is an error that names it.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private Arguments(string command) => Command = command;

    public string Command { get; }

    public List<string> Positional { get; } = [];

    /// <summary>Parses <paramref name="args"/> knowing which options take a value and which are flags.</summary>
    public static Arguments Parse(string command, IEnumerable<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags)
    {
        var result = new Arguments(command);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg == "-" || !arg.StartsWith('-'))
            {
                result.Positional.Add(arg);
                continue;
            }

            var name = arg;
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }

            if (flags.Contains(name) && inline is null)
            {
                result._flags.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                if (inline is null && !e.MoveNext())
                {
                    throw new InputException($"{command}: option {name} needs a value");
                }

                result._options[name] = inline ?? e.Current;
            }
            else
            {
                var known = valueOptions.Concat(flags).Order(StringComparer.Ordinal).ToArray();
                throw new InputException(known.Length == 0
                    ? $"{command}: unknown option {name}; this command takes none"
                    : $"{command}: unknown option {name}; known options: {string.Join(", ", known)}");
            }
        }

        return result;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    public string Choice(string name, string fallback, params string[] choices)
    {
        var text = Option(name) ?? fallback;
        return choices.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new InputException($"{Command}: {name}: expected one of {string.Join(", ", choices)}; got '{text}'");
    }

    public void ExpectPositional(int min, int max, string usage)
    {
        if (Positional.Count < min)
        {
            throw new InputException($"{Command}: missing argument; usage: {usage}");
        }

        if (Positional.Count > max)
        {
            throw new InputException($"{Command}: unexpected argument '{Positional[max]}'; usage: {usage}");
        }
    }
}
