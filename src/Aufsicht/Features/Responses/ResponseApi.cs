using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Features.Evaluation;
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

    private static async Task<IResult> PutAsync(string token, HttpContext http, RespondentLinks links, AufsichtDb db, SaveResponse save, CancellationToken cancel)
    {
        ResponseRequest? request;
        try
        {
            request = await System.Text.Json.JsonSerializer.DeserializeAsync<ResponseRequest>(http.Request.Body, CampaignEvaluator.Json, cancel).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: Core.Catalog.ProfileReader.Malformed(e)
                + "; expected {\"answers\": {\"questionId\": [\"value\"]}, \"submit\": true}");
        }

        if (request is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "expected {\"answers\": {...}, \"submit\": true}");
        }

        var address = http.Connection.RemoteIpAddress;
        if (links.IsBlocked(address))
        {
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "too many wrong links from this address; try again later");
        }

        var (respondent, problem) = await links.FindAsync(db, token, address, cancel).ConfigureAwait(false);
        if (problem != LinkProblem.None)
        {
            return problem == LinkProblem.Closed
                ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "the survey is closed")
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "the link opens no questionnaire (unknown, replaced or not started)");
        }

        var answers = new Answers((request.Answers ?? []).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)(p.Value ?? []), StringComparer.Ordinal));
        var (outcome, errors) = await save.ReplaceAsync(respondent!, answers, request.Submit, cancel).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            var language = UiLanguageMiddleware.Of(http);
            return Results.ValidationProblem(
                errors.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Select(e => Message(respondent!, e, language)).ToArray()),
                title: "some answers are not valid; nothing was saved");
        }

        if (outcome is not { IsConflict: false })
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "the answers were changed at the same time by another request; nothing was saved");
        }

        return Results.Ok(new ResponseResult(outcome.Revision, outcome.Version, outcome.Receipt, outcome.Status?.ToStored()));
    }

    private static string Message(Respondent respondent, AnswerError error, Language language)
    {
        var id = error.Key.Split('@', '.')[0];
        var label = respondent.Questionnaire.Find(id)?.Question.Label.In(language) ?? error.Key;
        return UiText.T(language, "answer." + error.Code, label, error.Argument ?? string.Empty);
    }
}
