using Aufsicht.Core.Law;
using Aufsicht.Data;

namespace Aufsicht.Features.Campaigns;

/// <summary>A campaign's contact person as the e-mails and the respondent portal name them.</summary>
internal static class CampaignContact
{
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
