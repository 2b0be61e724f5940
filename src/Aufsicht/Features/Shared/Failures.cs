using Aufsicht.Core;
using Aufsicht.Core.Law;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Shared;

/// <summary>
/// The one edge where an expected failure (<see cref="Error"/>) becomes words and a status: its message in the user's
/// language from the text tables, the HTTP status of its kind (for pages and the API) and the CLI's exit code.
/// Use cases and readers never write a message themselves.
/// </summary>
internal static class Failures
{
    /// <summary>
    /// The error's message in the language: its key's text with the arguments filled in. An argument that is an ISO
    /// date (the Core's one way to pass a date) is written as the language writes dates: 16.12.2026 / 16 Dec 2026.
    /// </summary>
    public static string Message(Error error, Language language)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Texts.T(language, error.Key, [.. error.Args.Select(a => LocalDate(a, language))]);
    }

    private static string LocalDate(string arg, Language language) =>
        arg.Length == 10 && DateOnly.TryParseExact(arg, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? Core.Assessment.FindingText.Date(date, language)
            : arg;

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

    /// <summary>
    /// The API's answer to failures: a ProblemDetails with the status of <see cref="Status(IReadOnlyCollection{Error})"/>,
    /// a title from <paramref name="titleKey"/> (default: one per status), the messages of errors about the request as a
    /// whole (no field) as its detail, and — if any error names a field (a parameter, a JSON path, an answer key) — the
    /// <c>errors</c> of a validation problem: each field with its messages.
    /// </summary>
    /// <remarks>A <see cref="ProblemHttpResult"/> either way, so a handler can keep its typed results (and their OpenAPI description).</remarks>
    public static ProblemHttpResult Problem(IReadOnlyList<Error> errors, Language language, string? titleKey = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var whole = errors.Where(e => e.Field.Length == 0).ToArray();
        var fields = errors.Where(e => e.Field.Length > 0).GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Messages(g, language).ToArray(), StringComparer.Ordinal);
        var problem = fields.Count > 0 ? new HttpValidationProblemDetails(fields) : new ProblemDetails();
        problem.Status = Status(errors);
        problem.Title = Texts.T(language, titleKey ?? TitleKey(errors));
        problem.Detail = whole.Length > 0 ? string.Join(" ", Messages(whole, language)) : null;
        return TypedResults.Problem(problem);
    }

    private static string TitleKey(IReadOnlyCollection<Error> errors) => Status(errors) switch
    {
        StatusCodes.Status404NotFound => "problem.notFound",
        StatusCodes.Status409Conflict => "problem.conflict",
        StatusCodes.Status403Forbidden => "problem.forbidden",
        StatusCodes.Status410Gone => "problem.gone",
        StatusCodes.Status413PayloadTooLarge => "problem.tooLarge",
        _ => "problem.invalid",
    };
}
