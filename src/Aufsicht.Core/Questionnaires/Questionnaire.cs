using Aufsicht.Core.Law;

namespace Aufsicht.Core.Questionnaires;

/// <summary>One choice of a single- or multiple-choice question; <see cref="Value"/> is what is stored and mapped.</summary>
public sealed record Option(string Value, LocalizedText Label);

/// <summary>Shows a question only when an earlier question's answer is one of <see cref="AnyOf"/>.</summary>
public sealed record Condition(string Question, IReadOnlyList<string> AnyOf);

/// <summary>One question. For a service picker, <see cref="Category"/> limits the catalogue and <see cref="AllowOther"/> adds "other, namely".</summary>
public sealed record Question(
    string Id,
    QuestionKind Kind,
    LocalizedText Label,
    LocalizedText? Help,
    bool Required,
    IReadOnlyList<Option> Options,
    Condition? ShowIf,
    decimal? Min,
    decimal? Max,
    int MaxLength,
    string? Category,
    bool AllowOther);

/// <summary>
/// A group of questions shown together. A section <see cref="ForEachService"/> is asked once per service picked in
/// that service question; its answers are kept per service.
/// </summary>
public sealed record Section(string Id, LocalizedText Title, LocalizedText? Intro, string? ForEachService, IReadOnlyList<Question> Questions);

/// <summary>
/// How answers become deployment profiles (domain/assessment.md §6): one profile per service picked in
/// <see cref="ServicesQuestion"/>; each deployment field takes the answer of the question named in <see cref="Fields"/>.
/// </summary>
public sealed record DeploymentMapping(string ServicesQuestion, IReadOnlyDictionary<string, string> Fields);

/// <summary>A questionnaire definition: sections of questions, with conditions and the mapping to deployment profiles.</summary>
public sealed record Questionnaire(string Key, LocalizedText Title, LocalizedText? Intro, IReadOnlyList<Section> Sections, DeploymentMapping Mapping)
{
    /// <summary>The section and question of an id, or null.</summary>
    public (Section Section, Question Question)? Find(string questionId)
    {
        foreach (var section in Sections)
        {
            foreach (var question in section.Questions)
            {
                if (question.Id == questionId)
                {
                    return (section, question);
                }
            }
        }

        return null;
    }

    public IEnumerable<(Section Section, Question Question)> AllQuestions() =>
        Sections.SelectMany(s => s.Questions.Select(q => (s, q)));
}
