using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Features.Catalog;

namespace Aufsicht.Features.Responses;

/// <summary>
/// Who speaks on the respondent portal: the authority's name (<c>Aufsicht:AuthorityName</c>, else the name of the
/// campaign's authority, else of the installation's own), its postal address (<c>Aufsicht:Portal:Address</c>, lines
/// separated by "|" or line breaks), its data-protection officer (<c>Aufsicht:Portal:DataProtectionOfficer</c>), and
/// the texts of its imprint and privacy notice when the authority writes its own (<c>Aufsicht:Portal:Imprint</c>,
/// <c>Aufsicht:Portal:PrivacyNotice</c>; paragraphs separated by blank lines).
/// </summary>
internal sealed class PortalIdentity(IConfiguration configuration, CatalogStore catalog)
{
    /// <summary>The ViewData keys through which a portal page tells the layout its campaign and link.</summary>
    public const string CampaignKey = "portal.campaign";

    public const string TokenKey = "portal.token";

    public string AuthorityName(CampaignRecord? campaign, Language language) =>
        Campaigns.CampaignContact.AuthorityName(configuration, catalog.Catalog, campaign, language);

    public IReadOnlyList<string> Address => Lines(configuration["Aufsicht:Portal:Address"]);

    public IReadOnlyList<string> DataProtectionOfficer => Lines(configuration["Aufsicht:Portal:DataProtectionOfficer"]);

    /// <summary>The authority's own imprint, as paragraphs; empty: the portal writes one from the name and address.</summary>
    public IReadOnlyList<string> Imprint => Paragraphs(configuration["Aufsicht:Portal:Imprint"]);

    /// <summary>The authority's own privacy notice, as paragraphs; empty: the portal's own (Art. 13 GDPR) is shown.</summary>
    public IReadOnlyList<string> PrivacyNotice => Paragraphs(configuration["Aufsicht:Portal:PrivacyNotice"]);

    private static string[] Lines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(['\n', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
