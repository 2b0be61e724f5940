using Aufsicht.Features.Accounts;

namespace Aufsicht.Features.Campaigns;

/// <summary>A campaign's endpoints beside its pages: the staff's downloads of its results (export and report).</summary>
internal static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        // Under the campaign page's path, for staff only; files to download, so not part of the JSON API's description.
        var campaign = app.MapGroup("/umfragen/{id:long}").RequireAuthorization(Roles.Staff).ExcludeFromDescription();
        campaign.MapCampaignExport();
        campaign.MapCampaignReport();
        return app;
    }
}
