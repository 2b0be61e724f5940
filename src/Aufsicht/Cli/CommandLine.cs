using Aufsicht.Core.Law;
using Aufsicht.Features;

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
/// options it knows; anything else is an error that names it, in the language of <c>--lang</c>.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private Arguments(string command, Language language) => (Command, Language) = (command, language);

    public string Command { get; }

    /// <summary>The user's language, for the parser's messages and those of the command that reads the options.</summary>
    public Language Language { get; }

    public List<string> Positional { get; } = [];

    /// <summary>Parses <paramref name="args"/> knowing which options take a value and which are flags.</summary>
    public static Arguments Parse(string command, IEnumerable<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flags, Language language)
    {
        var result = new Arguments(command, language);
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
                    throw new InputException(Texts.T(language, "cli.option.needsValue", command, name));
                }

                result._options[name] = inline ?? e.Current;
            }
            else
            {
                var known = valueOptions.Concat(flags).Order(StringComparer.Ordinal).ToArray();
                throw new InputException(known.Length == 0
                    ? Texts.T(language, "cli.option.unknownNone", command, name)
                    : Texts.T(language, "cli.option.unknown", command, name, string.Join(", ", known)));
            }
        }

        return result;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The value of an option the command cannot do without; its absence is bad input that shows the usage.</summary>
    public string Required(string name, string usage) =>
        Option(name) ?? throw new InputException(Texts.T(Language, "cli.option.required", Command, name, usage));

    public string Choice(string name, string fallback, params string[] choices)
    {
        var text = Option(name) ?? fallback;
        return choices.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new InputException(Texts.T(Language, "cli.option.choice", Command, name, string.Join(", ", choices), text));
    }

    public void ExpectPositional(int min, int max, string usage)
    {
        if (Positional.Count < min)
        {
            throw new InputException(Texts.T(Language, "cli.argument.missing", Command, usage));
        }

        if (Positional.Count > max)
        {
            throw new InputException(Texts.T(Language, "cli.argument.unexpected", Command, Positional[max], usage));
        }
    }
}
