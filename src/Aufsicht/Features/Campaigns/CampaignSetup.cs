namespace Aufsicht.Features.Campaigns;

/// <summary>The campaign feature's services: its dashboard cache, one use-case class per action, the housekeeping worker.</summary>
internal static class CampaignSetup
{
    public static void AddCampaigns(this IServiceCollection services)
    {
        services.AddSingleton<DashboardCache>();
        services.AddScoped<InvitationMail>();
        services.AddScoped<CreateCampaign>();
        services.AddScoped<StartCampaign>();
        services.AddScoped<CloseCampaign>();
        services.AddScoped<ReopenCampaign>();
        services.AddScoped<RemindBodies>();
        services.AddScoped<EditCampaignTemplates>();
        services.AddScoped<ReissueInvitation>();
        services.AddScoped<RevokeInvitations>();
        services.AddSingleton<CampaignHousekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<CampaignHousekeeping>());
    }
}
