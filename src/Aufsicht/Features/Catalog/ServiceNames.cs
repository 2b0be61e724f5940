using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;

namespace Aufsicht.Features.Catalog;

/// <summary>How survey pages, reports and exports name a service: one rule for catalogue ids and free text.</summary>
internal static class ServiceNames
{
    /// <summary>A catalogue service's name in the language (the id if it is unknown).</summary>
    public static string Of(ServiceCatalog catalog, string id, Language language)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Latest(id)?.Names.In(language) ?? id;
    }

    /// <summary>A service key of answers: the catalogue name, or for "other" the name the respondent typed.</summary>
    public static string InAnswers(ServiceCatalog catalog, string key, Answers answers, Questionnaire questionnaire, string otherFallback, Language language)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(questionnaire);
        return key == Answers.Other ? answers.One(Answers.OtherKey(questionnaire.Mapping.ServicesQuestion)) ?? otherFallback : Of(catalog, key, language);
    }
}
