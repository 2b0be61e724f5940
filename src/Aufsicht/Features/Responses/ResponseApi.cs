using Aufsicht.Core;
using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Features.Evaluation;
using Aufsicht.Features.Shared;
using Aufsicht.Web;

namespace Aufsicht.Features.Responses;

/// <summary>What a body's system sends: every answer (key → values), and whether to submit them.</summary>
internal sealed record ResponseRequest(Dictionary<string, string[]>? Answers, bool Submit);

/// <summary>The answer: the draft's revision, and for a submission its version, receipt and the body's status.</summary>
internal sealed record ResponseResult(int Revision, int? Version, string? Receipt, string? Status);

/// <summary>
/// <c>PUT /api/v1/responses/{token}</c> (also at its first path, <c>/api/v1/antworten/{token}</c>): the respondent portal for machines — the same link, the same checks, the same
/// use case as the form. Errors are ProblemDetails naming each answer key.
/// </summary>
internal static class ResponseApi
{
    /// <summary>
    /// The respondent portal's endpoints beside its pages: this API and the receipt as PDF. Anonymous, as the portal's
    /// pages are: the invitation token in the path is the only key.
    /// </summary>
    public static IEndpointRouteBuilder MapResponsesApi(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup(string.Empty).AllowAnonymous();
        var api = portal.MapGroup("/api/v1");
        api.MapPut("/responses/{token}", PutAsync)
            .WithName("PutResponse")
            .WithSummary("Save, or save and submit, a body's answers with its invitation token")
            .Accepts<ResponseRequest>("application/json")
            .ProducesValidationProblem()
            .Produces<ResponseResult>();
        // The path the API had first: bodies' systems written against it keep working (issue 11).
        api.MapPut("/antworten/{token}", PutAsync).ExcludeFromDescription();
        portal.MapReceiptPdf();
        return app;
    }

    /// <summary>What the request must look like: said when it is not.</summary>
    private const string Expected = "{\"answers\": {\"questionId\": [\"value\"]}, \"submit\": true}";

    private static async Task<IResult> PutAsync(string token, HttpContext http, RespondentLinks links, AufsichtDb db, SaveResponse save, CancellationToken cancel)
    {
        var language = UiLanguageMiddleware.Of(http);
        ResponseRequest? request;
        try
        {
            request = await System.Text.Json.JsonSerializer.DeserializeAsync<ResponseRequest>(http.Request.Body, CampaignEvaluator.Json, cancel).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException e)
        {
            return Failures.Problem([Error.Invalid("", "response.api.malformed", Core.Catalog.ProfileReader.Malformed(e), Expected)], language);
        }

        if (request is null)
        {
            return Failures.Problem([Error.Invalid("", "response.api.empty", Expected)], language);
        }

        // JSON allows null inside the arrays ({"q": [null]}); an answer value is a string, so say which answer holds one.
        var nulls = (request.Answers ?? []).Where(p => p.Value is { } values && values.Any(v => v is null)).Select(p => Error.Invalid(p.Key, "response.api.nullValue")).ToArray();
        if (nulls.Length > 0)
        {
            return Failures.Problem(nulls, language, "response.api.invalid");
        }

        var address = http.Connection.RemoteIpAddress;
        if (links.IsBlocked(address))
        {
            // Not a failure of this request's content but a pause for its sender: no kind of Error, its own status.
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Texts.T(language, "response.api.blocked"));
        }

        var (respondent, problem) = await links.FindAsync(db, token, address, cancel).ConfigureAwait(false);
        if (problem != LinkProblem.None)
        {
            return Failures.Problem([LinkProblems.ToError(problem)], language);
        }

        var answers = new Answers((request.Answers ?? []).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)(p.Value ?? []), StringComparer.Ordinal));
        var saved = await save.ReplaceAsync(respondent!, answers, request.Submit, cancel).ConfigureAwait(false);
        if (!saved.IsOk)
        {
            var errors = saved.Errors.Select(e => e.Kind == ErrorKind.Invalid ? AnswerErrors.Labelled(e, Label(respondent!, e.Field, language)) : e).ToArray();
            return Failures.Problem(errors, language, "response.api.invalid");
        }

        var outcome = saved.Value;
        return Results.Ok(new ResponseResult(outcome.Revision, outcome.Version, outcome.Receipt, outcome.Status?.ToStored()));
    }

    /// <summary>The question an answer key belongs to, by its label (the key itself if the questionnaire has no such question).</summary>
    private static string Label(Respondent respondent, string key, Language language)
    {
        var id = key.Split('@', '.')[0];
        return respondent.Questionnaire.Find(id)?.Question.Label.In(language) ?? key;
    }
}
