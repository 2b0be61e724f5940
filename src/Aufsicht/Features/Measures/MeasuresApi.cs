using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Measures;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Shared;
using Aufsicht.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aufsicht.Features.Measures;

/// <summary><c>POST /api/v1/measures</c>: the same input and output as <c>aufsicht measure</c> (docs/formats/measure.md).</summary>
internal static class MeasuresApi
{
    private const int MaxBody = 1 << 16;

    public static IEndpointRouteBuilder MapMeasuresApi(this IEndpointRouteBuilder app)
    {
        // A recommendation reads no stored data and changes nothing: open like the assessment endpoint.
        app.MapGroup("/api/v1").WithTags("enforcement").AllowAnonymous()
            .MapPost("/measures", Post)
            .WithSummary("The Art. 58(2) measure recommended for a case, with the reasons, the unavailable powers and the procedure.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return app;
    }

    private static async Task<IResult> Post(HttpRequest request, CatalogStore store, MeasureRecommender recommender)
    {
        var http = request.HttpContext;
        var body = await Shared.RequestBody.ReadAsync(request, MaxBody).ConfigureAwait(false);
        if (!body.IsOk)
        {
            return Invalid(http, body.Errors);
        }

        var read = MeasureCaseReader.Read(body.Value, store.Data.Criteria);
        if (!read.IsOk)
        {
            return Invalid(http, read.Errors);
        }

        using var output = new MemoryStream();
        using (var w = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            MeasureJson.Write(w, recommender.Recommend(read.Value));
        }

        return TypedResults.Bytes(output.ToArray(), "application/json; charset=utf-8");
    }

    private static ProblemHttpResult Invalid(HttpContext http, IEnumerable<Error> errors) =>
        Failures.Problem(errors.Select(e => e.Field.Length == 0 ? e with { Field = "body" } : e).ToArray(), UiLanguageMiddleware.Of(http));
}
