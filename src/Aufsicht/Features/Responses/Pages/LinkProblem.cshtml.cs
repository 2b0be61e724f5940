using Aufsicht.Features.Shared;

namespace Aufsicht.Features.Responses.Pages;

/// <summary>Where a link that opens nothing leads: unknown or revoked, or a campaign not started yet. Says what to do, not why in detail.</summary>
public sealed class LinkProblemModel : AppPage
{
    public string Reason { get; private set; } = "unknown";

    public void OnGet(string? reason)
    {
        Reason = reason is "revoked" or "notstarted" ? reason : "unknown";
        Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
