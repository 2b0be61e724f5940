using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;

namespace Aufsicht.Features.Questionnaires;

/// <summary>An answer value as a person reads it: the option's label, ja/nein, the service's name.</summary>
internal static class AnswerText
{
    public static string Of(Question question, string value, Language language, Func<string, string> serviceName)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(serviceName);
        return question.Kind switch
        {
            QuestionKind.YesNoUnknown => Texts.T(language, "answer.value." + value),
            QuestionKind.Services => serviceName(value),
            QuestionKind.OneOf or QuestionKind.AnyOf => question.Options.FirstOrDefault(o => o.Value == value)?.Label.In(language) ?? value,
            _ => value,
        };
    }
}
