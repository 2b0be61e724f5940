using System.Globalization;
using System.Text.Json;
using Aufsicht.Core;
using Aufsicht.Core.Scheduling;
using Aufsicht.Features.Shared;
using Aufsicht.Scheduling;
using Aufsicht.Web;

namespace Aufsicht.Features.Scheduling;

/// <summary>
/// <c>POST /api/v1/plans/solve</c>: the scheduler over HTTP, the same JSON in and out as <c>aufsicht plan solve</c>. It
/// stores nothing, so it is open like the other calculators; but solving costs CPU, so only as many solves run at once
/// as the machine has cores, and a request beyond that is answered 503 with Retry-After.
/// </summary>
internal static class PlansApi
{
    public const int MaxBody = 4 << 20;

    public const int DefaultSeconds = 10;

    public const int MaxSeconds = 60;

    internal static readonly SemaphoreSlim Solves = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("plans").AllowAnonymous();
        api.MapPost("/plans/solve", PostSolve)
            .WithSummary("Schedule a resource-constrained project (migration plan) with CP-SAT: start and end of every task, the proven lower bound, and why each task starts where it does.")
            .Accepts<JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> PostSolve(HttpRequest request)
    {
        var http = request.HttpContext;
        // timeLimit is wall clock from here: reading, checking, model building and search (plan-solve.md).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var language = UiLanguageMiddleware.Of(http);
        var seconds = DefaultSeconds;
        if (request.Query.TryGetValue("timeLimit", out var limit))
        {
            if (!int.TryParse(limit.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds < 1)
            {
                return Failures.Problem([Error.Invalid("timeLimit", "plan.api.timeLimit", MaxSeconds.ToString(CultureInfo.InvariantCulture))], language);
            }

            seconds = Math.Min(seconds, MaxSeconds);
        }

        var body = await RequestBody.ReadAsync(request, MaxBody).ConfigureAwait(false);
        if (!body.IsOk)
        {
            return Invalid(http, body.Errors);
        }

        var read = PlanCommand.Read(body.Value);
        if (!read.IsOk)
        {
            return Invalid(http, read.Errors);
        }

        if (!await Solves.WaitAsync(0, http.RequestAborted).ConfigureAwait(false))
        {
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: Texts.T(language, "plan.api.busy"));
        }

        Schedule schedule;
        try
        {
            var problem = read.Value;
            schedule = await Task.Run(() => CpSatScheduler.Solve(problem, SolveOptions.Default with { TimeLimit = TimeSpan.FromSeconds(seconds), Elapsed = () => clock.Elapsed }), http.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            Solves.Release();
        }

        using var output = new MemoryStream();
        using (var w = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            PlanJson.Write(w, read.Value, schedule);
        }

        return TypedResults.Bytes(output.ToArray(), "application/json; charset=utf-8");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Invalid(HttpContext http, IEnumerable<Error> errors) =>
        Failures.Problem(errors.Select(e => e.Field.Length == 0 ? e with { Field = "body" } : e).ToArray(), UiLanguageMiddleware.Of(http));
}
