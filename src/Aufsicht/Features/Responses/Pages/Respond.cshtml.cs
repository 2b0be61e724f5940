using Aufsicht.Core;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Questionnaires.Pages;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Responses.Pages;

/// <summary>
/// The respondent portal: the invitation link opens the body's questionnaire, one section per page, then a review
/// page to submit. No account; the link is the key. Works without JavaScript (a small script only hides questions
/// whose condition is not met on the same page; the server drops their answers anyway).
/// </summary>
internal sealed class RespondModel(RespondentLinks links, Catalog.CatalogStore catalog, AufsichtDb db) : AppPage, IQuestionForm
{
    public string Token { get; private set; } = string.Empty;

    internal Respondent Respondent { get; private set; } = null!;

    public Questionnaire Questionnaire => Respondent.Questionnaire;

    /// <summary>The section shown (index into the questionnaire's sections), or null for the review page.</summary>
    public int? SectionIndex { get; private set; }

    public Answers Draft { get; private set; } = Answers.Empty;

    public int Revision { get; private set; }

    /// <summary>Why the answers were refused, each on its answer key.</summary>
    internal IReadOnlyList<Error> AnswerErrors { get; private set; } = [];

    public bool Saved { get; private set; }

    public bool Closed { get; private set; }

    public bool Conflict { get; private set; }

    public IReadOnlyList<(string Id, string Name)> ServiceChoices(Question question) => QuestionFields.Choices(catalog, question, Language);

    public string ServiceName(string key) =>
        ServiceNames.InAnswers(catalog.Catalog, key, Draft, Questionnaire, Texts.T(Language, "respond.other"), Language);

    public async Task<IActionResult> OnGetAsync(string token, int? abschnitt, CancellationToken cancel)
    {
        if (await OpenAsync(token, cancel).ConfigureAwait(true) is { } problem)
        {
            return problem;
        }

        Draft = SaveResponse.Draft(Respondent);
        Revision = Respondent.Response?.Revision ?? 0;
        SectionIndex = abschnitt is { } i && i >= 0 && i < Questionnaire.Sections.Count ? i : abschnitt is null && Respondent.Response is null ? 0 : null;
        Saved = Request.Query.ContainsKey("gespeichert");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, int? abschnitt, int revision, string? action, [FromServices] SaveResponse save, CancellationToken cancel)
    {
        if (await OpenAsync(token, cancel).ConfigureAwait(true) is { } problem)
        {
            return problem;
        }

        if (Closed)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            Draft = SaveResponse.Draft(Respondent);
            return Page();
        }

        if (action == "submit")
        {
            var submitted = await save.SubmitAsync(Respondent, revision, cancel).ConfigureAwait(true);
            return await FinishAsync(submitted, null, Answers.Empty, cancel).ConfigureAwait(true);
        }

        if (abschnitt is not { } index || index < 0 || index >= Questionnaire.Sections.Count)
        {
            return BadRequest();
        }

        var posted = Posted();
        var saved = await save.SaveAsync(Respondent, Questionnaire.Sections[index], posted, revision, cancel).ConfigureAwait(true);
        if (saved.IsOk)
        {
            var next = action == "next" ? index + 1 : index;
            // "gespeichert" is a flag without a value, which route values cannot express: appended to the page's URL.
            var target = Url.Page("/Responses/Pages/Respond", new { token, abschnitt = next >= Questionnaire.Sections.Count ? (int?)null : next })!;
            return Redirect(target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "gespeichert");
        }

        return await FinishAsync(saved, index, SaveResponse.Merge(Respondent, Questionnaire.Sections[index], posted), cancel).ConfigureAwait(true);
    }

    private async Task<IActionResult> FinishAsync(Result<SaveOutcome> outcome, int? section, Answers shown, CancellationToken cancel)
    {
        if (outcome.IsOk)
        {
            return RedirectToPage("/Responses/Pages/Receipt", new { token = Token, fassung = outcome.Value.Version });
        }

        // Shown again with what was posted (or the saved draft), the errors, or the conflict notice (this page's own
        // words: it tells a person what happened to what they typed).
        var errors = outcome.Errors;
        Conflict = errors.Any(e => e.Kind == ErrorKind.Conflict);
        var fresh = (await links.FindAsync(db, Token, HttpContext.Connection.RemoteIpAddress, cancel).ConfigureAwait(true)).Respondent!;
        Respondent = fresh;
        Draft = Conflict || section is null ? SaveResponse.Draft(fresh) : shown;
        Revision = Conflict ? fresh.Response?.Revision ?? 0 : Respondent.Response?.Revision ?? 0;
        SectionIndex = section;
        AnswerErrors = Conflict ? [] : errors;
        Errors = Conflict ? [Texts.T(Language, "respond.conflict")] : errors.Select(Message).ToArray();
        Response.StatusCode = Failures.Status(errors);
        return Page();
    }

    private async Task<IActionResult?> OpenAsync(string token, CancellationToken cancel)
    {
        Token = token;
        var address = HttpContext.Connection.RemoteIpAddress;
        Response.Headers.CacheControl = "no-store";
        if (links.IsBlocked(address))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var (respondent, problem) = await links.FindAsync(db, token, address, cancel).ConfigureAwait(true);
        switch (problem)
        {
            case LinkProblem.Unknown or LinkProblem.Revoked or LinkProblem.NotStarted:
                return RedirectToPage("/Responses/Pages/LinkProblem", new { reason = problem.ToString().ToLowerInvariant() });
            case LinkProblem.Closed:
                Closed = true;
                break;
        }

        Respondent = respondent!;
        return null;
    }

    /// <summary>The answers a section's form posted: fields named "a:" and the answer key.</summary>
    private Answers Posted()
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in Request.Form)
        {
            if (name.StartsWith("a:", StringComparison.Ordinal) && name.Length > 2)
            {
                values[name[2..]] = value.Where(v => v is not null).Select(v => v!).ToArray();
            }
        }

        return new Answers(values);
    }

    internal string Message(Error error) => Responses.AnswerErrors.Message(error, LabelOf(error.Field), Language);

    /// <summary>A question's label as the respondent saw it, with the service it was asked for.</summary>
    internal string LabelOf(string key)
    {
        var at = key.IndexOf('@', StringComparison.Ordinal);
        var id = at < 0 ? key : key[..at];
        if (id.EndsWith(".other", StringComparison.Ordinal))
        {
            return Texts.T(Language, "respond.otherName");
        }

        var found = Questionnaire.Find(id);
        var label = found?.Question.Label.In(Language) ?? key;
        return at < 0 ? label : $"{label} ({ServiceName(key[(at + 1)..])})";
    }

    public string? ErrorFor(string key) =>
        AnswerErrors.FirstOrDefault(e => e.Field == key) is { } e ? Message(e) : null;

    /// <summary>An HTML id for an answer key ('@' and '.' are fine in ids but awkward in links).</summary>
    internal IReadOnlyList<AskedQuestion> AskedIn(Section section) =>
        SurveyForm.Asked(Questionnaire, Draft).Where(a => a.Section == section).ToArray();

    /// <summary>Whether a question is asked on the page at all: conditions on earlier pages decide on the server.</summary>
    internal bool ShownOnPage(AskedQuestion asked)
    {
        if (asked.Question.ShowIf is not { } condition)
        {
            return true;
        }

        var target = Questionnaire.Find(condition.Question);
        return target is { } t && t.Section == asked.Section || asked.Visible;
    }

    /// <summary>The last day to answer: a follow-up link's own, else the campaign's deadline.</summary>
    internal string Deadline => LocalDates.Day(Respondent.Invitation.OpenUntil ?? Respondent.Campaign.Deadline, Language);

    internal string When(DateTime utc) => Dates.Moment(utc, Language);
}
