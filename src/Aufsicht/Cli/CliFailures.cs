using Aufsicht.Core;

namespace Aufsicht.Cli;

/// <summary>
/// The CLI's edge for expected failures (<see cref="Error"/>): each becomes one line on standard error, in the
/// language of <c>--lang</c>, and the failures together an exit code. Verbs that run a use case call
/// <see cref="Print"/> with its errors instead of writing messages of their own.
/// </summary>
internal static class CliFailures
{
    /// <summary>Writes every error as <c>aufsicht: {what}: {field}: {message}</c>; the exit code for them.</summary>
    public static int Print(IReadOnlyList<Error> errors, CliContext context, string what)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var error in errors)
        {
            context.Error.WriteLine(Line(error, context.Language, what));
        }

        return Exit(errors);
    }

    /// <summary>One error's line: what the command worked on (a verb, a file), the field if any, the message.</summary>
    public static string Line(Error error, Core.Law.Language language, string what)
    {
        var prefix = string.IsNullOrEmpty(what) ? "aufsicht: " : $"aufsicht: {what}: ";
        return prefix + DataFolder.Line(error, language);
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
        _ => ExitCode.Failure,
    };
}
