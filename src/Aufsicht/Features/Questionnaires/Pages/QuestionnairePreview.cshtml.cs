using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Questionnaires.Pages;

/// <summary>
/// A questionnaire version as a respondent sees it, every section on one page, drawn by the respondent form's own
/// partial. Nothing is posted: there is no form, only the fields, and the script shows conditional questions live.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class QuestionnairePreviewModel(AufsichtDb db, QuestionnaireStore questionnaires, Catalog.CatalogStore catalog) : AppPage, IQuestionForm
{
    internal QuestionnaireRecord Record { get; private set; } = null!;

    public Questionnaire Questionnaire { get; private set; } = null!;

    /// <summary>Empty: a body opening the form for the first time sees no answer.</summary>
    public Answers Draft => Answers.Empty;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel)
    {
        if (!await db.Questionnaires.AnyAsync(q => q.Id == id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        (Record, Questionnaire) = await questionnaires.GetAsync(id, cancel).ConfigureAwait(true);
        return Page();
    }

    public string? ErrorFor(string key) => null;

    /// <summary>
    /// A section asked per service is shown once, for "other" named as an example: every services question can have
    /// that key whatever the catalogue holds for its category, and no real product seems to be judged in the preview.
    /// </summary>
    public string ServiceName(string key) =>
        key == Answers.Other ? ExampleService : ServiceNames.Of(catalog.Catalog, key, Language);

    public IReadOnlyList<(string Id, string Name)> ServiceChoices(Question question) => QuestionFields.Choices(catalog, question, Language);

    internal string ExampleService => Texts.T(Language, "preview.example");

    /// <summary>A section's questions as asked: per service ones for the example; all shown, with their condition note.</summary>
    internal static IReadOnlyList<AskedQuestion> AskedIn(Section section) =>
        section.Questions.Select(q => new AskedQuestion(section, q, section.ForEachService is null ? null : Answers.Other, Visible: true)).ToArray();

    /// <summary>The label of the services question a section is asked for.</summary>
    internal string PickerLabel(string questionId) => Questionnaire.Find(questionId)?.Question.Label.In(Language) ?? questionId;
}
