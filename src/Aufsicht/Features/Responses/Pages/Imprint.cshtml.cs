using Aufsicht.Features.Shared;

namespace Aufsicht.Features.Responses.Pages;

/// <summary>The portal's imprint: the authority's own text (Aufsicht:Portal:Imprint), else its name and address.</summary>
public sealed class ImprintModel : AppPage
{
    public void OnGet()
    {
    }
}
