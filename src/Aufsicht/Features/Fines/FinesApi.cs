using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Fines;
using Aufsicht.Features.Shared;
using Aufsicht.Web;

namespace Aufsicht.Features.Fines;

/// <summary>
/// <c>POST /api/v1/fines</c>: the fine calculator over HTTP, the same JSON in and out as <c>aufsicht fine</c>. It
/// computes and stores nothing, so it is open to anyone who can reach the server, as the assessment endpoint is.
/// </summary>
internal static class FinesApi
{
    private const int MaxBody = 1 << 16;

    public static IEndpointRouteBuilder MapFinesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("fines").AllowAnonymous();
        api.MapPost("/fines", PostFine)
            .WithSummary("Calculate a fine under Art. 83 GDPR (EDPB Guidelines 04/2022 or the DSK concept of 2019), every step explained.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return app;
    }

    private static async Task<IResult> PostFine(HttpRequest request, FineCalculator calculator)
    {
        var http = request.HttpContext;
        var body = await Shared.RequestBody.ReadAsync(request, MaxBody).ConfigureAwait(false);
        if (!body.IsOk)
        {
            return Invalid(http, body.Errors);
        }

        var parsed = ProfileReader.ParseDocument(body.Value);
        if (!parsed.IsOk)
        {
            return Invalid(http, parsed.Errors.Select(e => e with { Field = "body" }));
        }

        using var document = parsed.Value;
        var input = FineInputReader.Read(document.RootElement);
        if (!input.IsOk)
        {
            return Invalid(http, input.Errors);
        }

        var result = calculator.Calculate(input.Value);
        if (!result.IsOk)
        {
            return Invalid(http, result.Errors);
        }

        using var output = new MemoryStream();
        using (var w = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            FineJson.Write(w, result.Value);
        }

        return TypedResults.Bytes(output.ToArray(), "application/json; charset=utf-8");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Invalid(HttpContext http, IEnumerable<Error> errors) =>
        Failures.Problem(errors.Select(e => e.Field.Length == 0 ? e with { Field = "body" } : e).ToArray(), UiLanguageMiddleware.Of(http));
}
