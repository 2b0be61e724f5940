using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;

namespace Aufsicht.Features.Questionnaires.Pages;

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

/// <summary>What the question markup shares with the pages that show it: field ids and the services offered.</summary>
internal static class QuestionFields
{
    /// <summary>The HTML id of an answer key's field.</summary>
    public static string FieldId(string key) =>
        "f-" + new string(key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>The catalogue services a services question offers (of its category, if it names one), by name.</summary>
    public static IReadOnlyList<(string Id, string Name)> Choices(Catalog.CatalogStore store, Question question, Core.Law.Language language)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(question);
        return store.Catalog.ServiceIds
            .Select(id => store.Catalog.Latest(id)!)
            .Where(s => question.Category is null || s.Category == question.Category)
            .Select(s => (s.Id, Name: s.Names.In(language)))
            .OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToArray();
    }
}
