using Aufsicht.Core;

namespace Aufsicht.Features.Shared;

/// <summary>The JSON API's one way to take a request body: at most a limit of bytes, else bad input naming the body.</summary>
internal static class RequestBody
{
    /// <summary>
    /// The body's bytes, or the error <c>api.tooLarge</c> on the field <c>body</c> when the declared or the actual
    /// length passes <paramref name="maxBytes"/> (refused as invalid, 400, as the API always answered).
    /// </summary>
    public static async Task<Result<byte[]>> ReadAsync(HttpRequest request, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tooLarge = Error.Invalid("body", "api.tooLarge", maxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (request.ContentLength > maxBytes)
        {
            return tooLarge;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return buffer.Length > maxBytes ? tooLarge : Result<byte[]>.Ok(buffer.ToArray());
    }
}
