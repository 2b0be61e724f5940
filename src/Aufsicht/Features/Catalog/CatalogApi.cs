using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;
using Aufsicht.Features.Assessment;
using Aufsicht.Features.Shared;
using Aufsicht.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aufsicht.Features.Catalog;

/// <summary>
/// The JSON API under /api/v1 (DESIGN.md §5): the catalogue and assessments, over the same queries as the pages.
/// Every error is a ProblemDetails that names the parameter or field.
/// </summary>
internal static class CatalogApi
{
    private const int MaxBody = 1 << 20;

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        // Reading the catalogue and computing an assessment change nothing: open to anyone who can reach the server.
        var api = app.MapGroup("/api/v1").WithTags("catalog").AllowAnonymous();
        api.MapGet("/catalog/services", ListServices).WithSummary("All services with their verdicts on a date, in an authority's view.").CacheOutput(CataloguePages.CachePolicy);
        api.MapGet("/catalog/services/{id}", GetService).WithSummary("One service: its newest facts and the history of snapshots.").CacheOutput(CataloguePages.CachePolicy);
        api.MapGet("/catalog/services/{id}/assessment", GetAssessment).CacheOutput(CataloguePages.CachePolicy)
            .WithSummary("The assessment of a catalogue service (same JSON as `aufsicht assess service`).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        api.MapPost("/assessments", PostAssessment)
            .WithSummary("Assess a service profile, or a deployment profile of a catalogue service, sent in the body.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        return app;
    }

    private static Results<Ok<ServiceList>, ProblemHttpResult> ListServices(
        CatalogStore store, TimeProvider clock, HttpContext http, string? asOf, string? authority, string? category, string? verdict, string? country, string? open, string? q,
        string? review)
    {
        var view = CatalogQueries.ResolveView(store, asOf, authority, Today(clock));
        var filter = CatalogQueries.ResolveFilter(q, category, verdict, country, open, review);
        if (!view.IsOk || !filter.IsOk)
        {
            return Invalid(http, view.Errors.Concat(filter.Errors));
        }

        var rows = CatalogQueries.List(store, view.Value, filter.Value)
            .Select(r => new ServiceSummary(r.Id, r.Names.De, r.Category, r.Provider.De, r.Seat, r.OpenSource, r.OperatingModel, r.Verdict.WireName(), r.Technical.WireName(),
                [.. r.Predated.Select(e => new EventLink(e.Id, AssessmentJson.Date(e.Date)))]))
            .ToList();
        return TypedResults.Ok(new ServiceList(AssessmentJson.Date(view.Value.AsOf), view.Value.Authority.Id, rows));
    }

    private static Results<Ok<ServiceDetail>, ProblemHttpResult> GetService(CatalogStore store, HttpContext http, string id)
    {
        if (!store.Catalog.Contains(id))
        {
            return NotFound(http, id);
        }

        var history = store.Catalog.History(id);
        var latest = history[^1];
        return TypedResults.Ok(new ServiceDetail(
            id, latest.Name, latest.Category, latest.Provider.Name, latest.Provider.Seat, latest.OperatingModel, latest.OpenSource,
            history.Select(h => AssessmentJson.Date(h.FactsAsOf)).ToList(),
            latest.Facts.ToDictionary(f => f.Key, f => f.Value),
            latest.Countries ?? [FactDomains.Unknown],
            latest.Sources.Select(s => new SourceLink(s.Url, AssessmentJson.Date(s.Seen), s.About, s.Passage, s.Inferred?.En)).ToList()));
    }

    private static IResult GetAssessment(CatalogStore store, TimeProvider clock, HttpContext http, string id, string? asOf, string? authority)
    {
        var view = CatalogQueries.ResolveView(store, asOf, authority, Today(clock));
        if (!view.IsOk)
        {
            return Invalid(http, view.Errors);
        }

        var result = CatalogQueries.Assess(store, id, view.Value);
        return result is { } r ? Json(store, r.Assessment, r.Snapshot?.FactsAsOf) : NotFound(http, id);
    }

    private static async Task<IResult> PostAssessment(HttpRequest request, CatalogStore store, TimeProvider clock, string? asOf, string? authority)
    {
        var http = request.HttpContext;
        var view = CatalogQueries.ResolveView(store, asOf, authority, Today(clock));
        if (!view.IsOk)
        {
            return Invalid(http, view.Errors);
        }

        // Too large is refused as invalid (400), as it always was: clients know that status from this endpoint.
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
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("body", out _))
        {
            var deployment = ProfileReader.ReadDeployment(root);
            if (!deployment.IsOk)
            {
                return Invalid(http, deployment.Errors);
            }

            var snapshot = store.Catalog.SnapshotOn(deployment.Value.Service, view.Value.AsOf);
            // A field of the body that names no catalogue service is invalid input (400), not a missing resource.
            if (!store.Catalog.Contains(deployment.Value.Service))
            {
                return Invalid(http, [Error.Invalid("service", "api.unknownService", deployment.Value.Service)]);
            }

            if (snapshot is null)
            {
                return Invalid(http, [Error.Invalid("service", "api.noFacts", deployment.Value.Service, AssessmentJson.Date(view.Value.AsOf))]);
            }

            return Json(store, store.Assessor.Assess(snapshot, deployment.Value, view.Value.AsOf, view.Value.Authority), snapshot.FactsAsOf);
        }

        var service = ProfileReader.ReadService(root);
        return service.IsOk
            ? Json(store, store.Assessor.Assess(service.Value, null, view.Value.AsOf, view.Value.Authority), service.Value.FactsAsOf)
            : Invalid(http, service.Errors);
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static FileContentHttpResult Json(CatalogStore store, CatalogAssessment assessment, DateOnly? factsAsOf)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            new AssessmentJson(store.Texts).Write(w, assessment, store.Catalog, factsAsOf);
        }

        return TypedResults.Bytes(buffer.ToArray(), "application/json; charset=utf-8");
    }

    /// <summary>A validation problem in the request's language; an error about the whole document is the body's.</summary>
    private static ProblemHttpResult Invalid(HttpContext http, IEnumerable<Error> errors) =>
        Failures.Problem(errors.Select(e => e.Field.Length == 0 ? e with { Field = "body" } : e).ToArray(), UiLanguageMiddleware.Of(http));

    private static ProblemHttpResult NotFound(HttpContext http, string id) =>
        Failures.Problem([Error.NotFound("", "api.unknownService", id.Length > 80 ? id[..80] : id)], UiLanguageMiddleware.Of(http));
}

internal sealed record ServiceList(string AsOf, string Authority, IReadOnlyList<ServiceSummary> Services);

/// <summary>A service in the list; <see cref="Review"/>: the legal events its facts predate (review the verdict when any).</summary>
internal sealed record ServiceSummary(
    string Id, string Name, string Category, string Provider, string Seat, bool? OpenSource, string OperatingModel, string Verdict, string Technical, IReadOnlyList<EventLink> Review);

/// <summary>A legal event of data/law/legal-events.json by its id and date.</summary>
internal sealed record EventLink(string Id, string Date);

internal sealed record ServiceDetail(
    string Id, string Name, string Category, string Provider, string Seat, string OperatingModel, bool? OpenSource,
    IReadOnlyList<string> Snapshots, IReadOnlyDictionary<string, string> Facts, IReadOnlyList<string> Countries, IReadOnlyList<SourceLink> Sources);

/// <summary>A source: <see cref="Passage"/> quotes it; <see cref="Inferred"/> (English) says why a value is inferred, not stated.</summary>
internal sealed record SourceLink(string Url, string Seen, string About, string? Passage, string? Inferred);
