namespace Aufsicht.Features.Questionnaires;

/// <summary>The questionnaire feature's services: the store shared by all requests and the import.</summary>
internal static class QuestionnaireSetup
{
    public static void AddQuestionnaires(this IServiceCollection services)
    {
        services.AddSingleton<QuestionnaireStore>();
        services.AddScoped<ImportQuestionnaire>();
    }
}
