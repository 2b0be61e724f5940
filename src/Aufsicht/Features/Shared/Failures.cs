using Aufsicht.Core;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Shared;

/// <summary>
/// The one edge where an expected failure (<see cref="Error"/>) becomes words and a status: its message in the user's
/// language from the text tables, the HTTP status of its kind (for pages and the API) and the CLI's exit code.
/// Use cases and readers never write a message themselves.
/// </summary>
internal static class Failures
{
    /// <summary>The error's message in the language: its key's text with the arguments filled in.</summary>
    public static string Message(Error error, Language language)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Key == Error.UnkeyedMessage
            ? error.Args[0]
            : Texts.T(language, error.Key, [.. error.Args]);
    }

    /// <summary>Every error's message, in order: what a refused form shows.</summary>
    public static IReadOnlyList<string> Messages(IEnumerable<Error> errors, Language language) =>
        errors.Select(e => Message(e, language)).ToArray();

    /// <summary>The HTTP status of a kind of failure.</summary>
    public static int Status(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Gone => StatusCodes.Status410Gone,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The status of several failures: the gravest kind decides (forbidden, not found, gone, conflict, too large, invalid).</summary>
    public static int Status(IReadOnlyCollection<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ErrorKind[] order = [ErrorKind.Forbidden, ErrorKind.NotFound, ErrorKind.Gone, ErrorKind.Conflict, ErrorKind.TooLarge];
        return Status(order.FirstOrDefault(k => errors.Any(e => e.Kind == k), ErrorKind.Invalid));
    }
}
