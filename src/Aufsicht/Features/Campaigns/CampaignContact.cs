using Aufsicht.Core.Law;
using Aufsicht.Data;

namespace Aufsicht.Features.Campaigns;

/// <summary>Who speaks for a campaign, in the e-mails and on the respondent portal: the authority and its contact person.</summary>
internal static class CampaignContact
{
    /// <summary>
    /// The authority's name: the installation's (<c>Aufsicht:AuthorityName</c>), else that of the campaign's authority
    /// view, else that of the installation's default view.
    /// </summary>
    public static string AuthorityName(IConfiguration configuration, Core.Catalog.ServiceCatalog catalog, CampaignRecord? campaign, Language language)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(catalog);
        return configuration["Aufsicht:AuthorityName"] is { Length: > 0 } name
            ? name
            : ((campaign is null ? null : catalog.FindAuthority(campaign.Authority)) ?? catalog.DefaultAuthority).Name.In(language);
    }

    /// <summary>Each part given (name, e-mail, telephone) with its label in <paramref name="language"/>.</summary>
    public static IReadOnlyList<(string Label, string Value)> Lines(CampaignRecord campaign, Language language)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new (string Key, string? Value)[] { ("contact.name", campaign.ContactName), ("contact.email", campaign.ContactEmail), ("contact.phone", campaign.ContactPhone) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => (Texts.T(language, p.Key), p.Value!))
            .ToList();
    }
}
