using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Deadlines;
using Aufsicht.Features.Shared;
using Aufsicht.Web;

namespace Aufsicht.Features.Deadlines;

/// <summary><c>POST /api/v1/deadlines</c>: the same computation and JSON as <c>aufsicht deadline</c>.</summary>
internal static class DeadlineApi
{
    private const int MaxBody = 16 * 1024;
    private static readonly string[] Fields = ["sent", "delivered", "period", "delivery", "state"];

    public static IEndpointRouteBuilder MapDeadlinesApi(this IEndpointRouteBuilder app)
    {
        // A computation over the request alone: it changes nothing, so anyone who can reach the server may ask.
        app.MapGroup("/api/v1").WithTags("deadlines").AllowAnonymous()
            .MapPost("/deadlines", Post)
            .WithSummary("When a letter counts as notified and when its period really ends (§ 41, § 31 VwVfG; §§ 187, 188 BGB).")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return app;
    }

    private static async Task<IResult> Post(HttpRequest request, DeadlineRules rules)
    {
        var http = request.HttpContext;
        var body = await Shared.RequestBody.ReadAsync(request, MaxBody).ConfigureAwait(false);
        if (!body.IsOk)
        {
            return Invalid(http, body.Errors);
        }

        var parsed = Core.Catalog.ProfileReader.ParseDocument(body.Value);
        if (!parsed.IsOk)
        {
            return Invalid(http, parsed.Errors.Select(e => e with { Field = "body" }).ToArray());
        }

        using var document = parsed.Value;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid(http, [Error.Invalid("body", "datafile.notObject", Describe(root))]);
        }

        var errors = new List<Error>();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add(Error.Invalid(property.Name, "datafile.unknownField", string.Join(", ", Fields)));
            }
            else if (property.Value.ValueKind == JsonValueKind.String)
            {
                values[property.Name] = property.Value.GetString();
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                errors.Add(Error.Invalid(property.Name, "datafile.notString", Describe(property.Value)));
            }
        }

        if (errors.Count > 0)
        {
            return Invalid(http, errors);
        }

        var deadlineRequest = DeadlineRequest.Parse(values.GetValueOrDefault("sent"), values.GetValueOrDefault("delivered"), values.GetValueOrDefault("period"),
            values.GetValueOrDefault("delivery"), values.GetValueOrDefault("state"));
        if (!deadlineRequest.IsOk)
        {
            return Invalid(http, deadlineRequest.Errors);
        }

        var deadline = rules.Compute(deadlineRequest.Value);
        if (!deadline.IsOk)
        {
            return Invalid(http, deadline.Errors);
        }

        using var output = new MemoryStream();
        using (var w = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            DeadlineJson.Write(w, deadline.Value);
        }

        return TypedResults.Bytes(output.ToArray(), "application/json; charset=utf-8");
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{…}",
        JsonValueKind.Array => "[…]",
        _ => value.GetRawText().Length <= 40 ? value.GetRawText() : value.GetRawText()[..37] + "...",
    };

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Invalid(HttpContext http, IReadOnlyList<Error> errors) =>
        Failures.Problem(errors, UiLanguageMiddleware.Of(http));
}
