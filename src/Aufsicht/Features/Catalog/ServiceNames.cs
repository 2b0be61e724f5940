using Aufsicht.Core.Catalog;
using Aufsicht.Core.Questionnaires;

namespace Aufsicht.Features.Catalog;

/// <summary>How survey pages, reports and exports name a service: one rule for catalogue ids and free text.</summary>
internal static class ServiceNames
{
    /// <summary>A catalogue service's name (the id if it is unknown).</summary>
    public static string Of(ServiceCatalog catalog, string id)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Latest(id)?.Name ?? id;
    }

    /// <summary>A service key of answers: the catalogue name, or for "other" the name the respondent typed.</summary>
    public static string InAnswers(ServiceCatalog catalog, string key, Answers answers, Questionnaire questionnaire, string otherFallback)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(questionnaire);
        return key == Answers.Other ? answers.One(Answers.OtherKey(questionnaire.Mapping.ServicesQuestion)) ?? otherFallback : Of(catalog, key);
    }
}
