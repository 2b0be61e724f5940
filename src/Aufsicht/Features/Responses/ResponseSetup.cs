using Aufsicht.Features.Catalog;

namespace Aufsicht.Features.Responses;

/// <summary>The respondent portal's services: links, the answer checks' view of the catalogue, the writer and the save.</summary>
internal static class ResponseSetup
{
    public static void AddResponses(this IServiceCollection services)
    {
        services.AddSingleton<RespondentLinks>();
        services.AddSingleton<PortalIdentity>();
        services.AddSingleton<CatalogStoreServices>();
        services.AddSingleton<ResponseWriter>();
        services.AddScoped<SaveResponse>();
    }
}
