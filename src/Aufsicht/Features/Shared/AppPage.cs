using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aufsicht.Features.Shared;

/// <summary>What every page of the app shares: the user's language, the messages of a refused form.</summary>
public abstract class AppPage : PageModel
{
    public Language Language => UiLanguageMiddleware.Of(HttpContext);

    public IReadOnlyList<string> Errors { get; protected set; } = [];

    /// <summary>Dates and times in the authority's zone, for the page to show (one instance for the app).</summary>
    internal LocalDates Dates => HttpContext.RequestServices.GetRequiredService<LocalDates>();

    /// <summary>Shows the page again with these messages and the given status (a refused form, a bad query).</summary>
    protected PageResult Fail(int status, IReadOnlyList<string> messages)
    {
        Errors = messages;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Shows the page again with the failures' messages in the user's language and the status of the gravest.</summary>
    protected PageResult Fail(IReadOnlyList<Error> errors) => Fail(Failures.Status(errors), Failures.Messages(errors, Language));

    /// <summary>Shows the page again with one message from <see cref="Texts"/>.</summary>
    protected PageResult Fail(string key, int status = StatusCodes.Status400BadRequest) => Fail(status, [Texts.T(Language, key)]);

    /// <summary>Whether the user meets a policy: for a handler that needs more than the page (Razor Pages authorise whole pages only).</summary>
    /// <remarks>
    /// The one service the base class resolves itself, from the request's services: taking it in every derived page's
    /// constructor would burden all of them for a helper only some handlers call. Pages take what they need by injection.
    /// </remarks>
    protected async Task<bool> AllowedAsync(string policy) =>
        (await Microsoft.AspNetCore.Authorization.AuthorizationServiceExtensions.AuthorizeAsync(HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationService>(), User, policy).ConfigureAwait(false)).Succeeded;

    /// <summary>An uploaded file's bytes, or why there are none: no file (invalid, <paramref name="noFileKey"/>) or too large (<paramref name="tooLargeKey"/>).</summary>
    protected static async Task<Result<byte[]>> ReadUploadAsync(IFormFile? file, long maxBytes, string noFileKey, string tooLargeKey, CancellationToken cancel)
    {
        if (file is null || file.Length == 0)
        {
            return Error.Invalid("file", noFileKey);
        }

        if (file.Length > maxBytes)
        {
            return Error.TooLarge("file", tooLargeKey);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancel).ConfigureAwait(false);
        return Result<byte[]>.Ok(buffer.ToArray());
    }
}
