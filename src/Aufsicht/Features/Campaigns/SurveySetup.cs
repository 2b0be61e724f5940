using Aufsicht.Features.Evaluation;
using Aufsicht.Features.Questionnaires;
using Aufsicht.Features.Responses;

namespace Aufsicht.Features.Campaigns;

/// <summary>The survey feature's services: stores shared by all requests, one use-case class per action.</summary>
internal static class SurveySetup
{
    public static void AddSurveys(this IServiceCollection services)
    {
        services.AddSingleton<QuestionnaireStore>();
        services.AddSingleton<RespondentLinks>();
        services.AddSingleton<CampaignEvaluator>();
        services.AddSingleton<DashboardCache>();
        services.AddSingleton<CatalogStoreServices>();
        services.AddScoped<InvitationMail>();
        services.AddScoped<ImportQuestionnaire>();
        services.AddScoped<CreateCampaign>();
        services.AddScoped<StartCampaign>();
        services.AddScoped<CloseCampaign>();
        services.AddScoped<EditCampaignTemplates>();
        services.AddScoped<ReissueInvitation>();
        services.AddScoped<RevokeInvitations>();
        services.AddSingleton<ResponseWriter>();
        services.AddScoped<SaveResponse>();
        services.AddScoped<ReevaluateCampaign>();
        services.AddScoped<LinkOtherService>();
        services.AddSingleton<CampaignHousekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<CampaignHousekeeping>());
    }
}
