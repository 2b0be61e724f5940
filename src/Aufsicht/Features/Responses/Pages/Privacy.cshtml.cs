using Aufsicht.Data;
using Aufsicht.Features.Shared;

namespace Aufsicht.Features.Responses.Pages;

/// <summary>
/// The privacy notice of the survey (Art. 13 GDPR): the authority's own text (Aufsicht:Portal:PrivacyNotice), else
/// the portal's. Opened through a body's link it names that survey, its contact person and how long its contact data
/// are kept; an unknown link counts against the address like any wrong link, and shows the general notice.
/// </summary>
internal sealed class PrivacyModel(AufsichtDb db, RespondentLinks links) : AppPage
{
    internal CampaignRecord? Campaign { get; private set; }

    internal string? Token { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken cancel)
    {
        if (!string.IsNullOrEmpty(token) && !links.IsBlocked(HttpContext.Connection.RemoteIpAddress))
        {
            var (respondent, _) = await links.FindAsync(db, token, HttpContext.Connection.RemoteIpAddress, cancel).ConfigureAwait(true);
            (Campaign, Token) = (respondent?.Campaign, respondent is null ? null : token);
        }
    }
}
