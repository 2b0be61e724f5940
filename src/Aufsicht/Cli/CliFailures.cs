using Aufsicht.Core;
using Aufsicht.Core.Law;

namespace Aufsicht.Cli;

/// <summary>
/// The CLI's one edge for expected failures (<see cref="Error"/>): each becomes one line in the language of
/// <c>--lang</c> — the message from the feature's text table, after the field it concerns — and the failures together
/// an exit code. Verbs never word an error themselves; they choose only what stands before it (a file, a verb) and,
/// for a feature with its own notion of place (a registry's row and column), how the field is named.
/// </summary>
internal static class CliFailures
{
    /// <summary>
    /// Writes every error as <c>{what}: {field}: {message}</c> (only the message for an error of the whole input) on
    /// standard error; returns the exit code for them.
    /// </summary>
    public static int Print(IReadOnlyList<Error> errors, CliContext context, string what, Func<string, Language, string>? where = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var error in errors)
        {
            context.Error.WriteLine(string.IsNullOrEmpty(what) ? Line(error, context.Language, where) : $"{what}: {Line(error, context.Language, where)}");
        }

        return Exit(errors);
    }

    /// <summary>One error as <c>{field}: {message}</c> in the language, or only the message when no field is named.</summary>
    public static string Line(Error error, Language language, Func<string, Language, string>? where = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = Features.Shared.Failures.Message(error, language);
        return error.Field.Length == 0 ? message : $"{(where is null ? error.Field : where(error.Field, language))}: {message}";
    }

    /// <summary>
    /// The exit code of failures: every expected failure is the caller's to fix (bad input, a name that matches
    /// nothing, a stale state), so each kind is <see cref="ExitCode.InvalidInput"/>, as before there were kinds.
    /// </summary>
    public static int Exit(IReadOnlyCollection<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? ExitCode.Ok : errors.Max(e => Exit(e.Kind));
    }

    public static int Exit(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid or ErrorKind.NotFound or ErrorKind.Conflict or ErrorKind.Forbidden or ErrorKind.Gone or ErrorKind.TooLarge => ExitCode.InvalidInput,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "an error kind without an exit code"),
    };
}
