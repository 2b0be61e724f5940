using Aufsicht.Core.Law;
using Aufsicht.Core.Surveys;

namespace Aufsicht.Features.Surveys.Pages;

/// <summary>
/// What the <c>_Question</c> partial needs from the page it is shown on: the respondent's form and the questionnaire
/// preview render the same markup, so a supervisor previews exactly what a body will see.
/// </summary>
internal interface IQuestionForm
{
    Language Language { get; }

    Questionnaire Questionnaire { get; }

    /// <summary>The answers shown in the fields (the preview has none).</summary>
    Answers Draft { get; }

    /// <summary>The message for an answer key refused on the last post, or null.</summary>
    string? ErrorFor(string key);

    /// <summary>The name of a picked service: a catalogue service's name, or the free-text name of "other".</summary>
    string ServiceName(string key);

    /// <summary>The catalogue services a services question offers, by name.</summary>
    IReadOnlyList<(string Id, string Name)> ServiceChoices(Question question);
}
