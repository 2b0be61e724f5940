namespace Aufsicht.Core.Enforcement;

/// <summary>
/// The controller facts that matter for enforcement: whether it is a public body, whether (as a public body) it takes
/// part in competition as a public-law undertaking, and where it sits — the country (ISO 3166-1 alpha-2) and, in
/// Germany, the Land (two-letter code such as <c>MV</c>), whose law governs its public bodies.
/// </summary>
public sealed record Controller
{
    public Controller(bool publicBody, bool inCompetition, string country, string? state)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(country);
        if (inCompetition && !publicBody)
        {
            // Competition only changes how a public body is treated; a non-public body competes anyway.
            throw new ArgumentException("Only a public body can be flagged as competing.", nameof(inCompetition));
        }

        PublicBody = publicBody;
        InCompetition = inCompetition;
        Country = country;
        State = string.IsNullOrEmpty(state) ? null : state;
    }

    public bool PublicBody { get; }

    public bool InCompetition { get; }

    public string Country { get; }

    public string? State { get; }
}
