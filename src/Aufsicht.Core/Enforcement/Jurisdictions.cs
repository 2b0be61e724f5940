using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Enforcement;

/// <summary>
/// One rule of a jurisdiction's law on enforcement against public bodies: whether it holds (<c>null</c> where it is
/// not known), the provision it rests on, an explanation and the sources.
/// </summary>
public sealed record JurisdictionRule(bool? Holds, LocalizedText Basis, LocalizedText Explanation, IReadOnlyList<Source> Sources);

/// <summary>
/// The rules for public bodies of one jurisdiction: a country (<see cref="State"/> null) or a German Land. Land rows
/// override the country row rule by rule; a rule the Land row leaves out is the country's.
/// </summary>
/// <param name="Country">The country, ISO 3166-1 alpha-2.</param>
/// <param name="State">The German Land (two letters), or null for the country's own row.</param>
/// <param name="Name">The jurisdiction's name.</param>
/// <param name="PublicBodyFines">Whether fines under Art. 83 may be imposed on public bodies (Art. 83(7) GDPR leaves it to the Member State).</param>
/// <param name="CompetingBodiesFineable">Whether a public body taking part in competition as a public-law undertaking counts as non-public and can be fined.</param>
/// <param name="SupervisoryHearing">Whether the supervising ministry must be heard before the powers of <paramref name="HearingPowers"/>.</param>
/// <param name="HearingPowers">The powers the hearing of the supervising body precedes.</param>
/// <param name="CoerciveEnforcement">Whether an order against a public body can be enforced by coercion.</param>
public sealed record Jurisdiction(
    string Country,
    string? State,
    LocalizedText Name,
    JurisdictionRule? PublicBodyFines,
    JurisdictionRule? CompetingBodiesFineable,
    JurisdictionRule? SupervisoryHearing,
    IReadOnlyList<Power>? HearingPowers,
    JurisdictionRule? CoerciveEnforcement);

/// <summary>Whether a fine may be imposed on a controller, why, and on which provision that rests.</summary>
public sealed record FineAdmissibility(bool Admissible, LocalizedText Reason, LocalizedText Basis, IReadOnlyList<Source> Sources);

/// <summary>The jurisdictions of the data file <c>enforcement/jurisdictions.json</c>, keyed by country and Land.</summary>
public sealed class JurisdictionTable
{
    private static readonly LocalizedText Gdpr = new("Art. 83 Abs. 1 bis 6 DSGVO", "Art. 83(1) to (6) GDPR");

    private readonly Dictionary<(string Country, string? State), Jurisdiction> _rows;

    public JurisdictionTable(IEnumerable<Jurisdiction> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = new Dictionary<(string, string?), Jurisdiction>();
        foreach (var row in rows)
        {
            if (!_rows.TryAdd((row.Country, row.State), row))
            {
                throw new ArgumentException($"Jurisdiction {row.Country}/{row.State} is listed twice.", nameof(rows));
            }
        }

        foreach (var row in _rows.Values.Where(r => r.State is not null && !_rows.ContainsKey((r.Country, null))))
        {
            throw new ArgumentException($"Land {row.State} of {row.Country} has no country row.", nameof(rows));
        }
    }

    public IReadOnlyCollection<Jurisdiction> Rows => _rows.Values;

    public bool Knows(string country) => _rows.ContainsKey((country, null));

    /// <summary>The Land's row, if any, and the country's: the Land's rules first, the country's where it has none.</summary>
    public (Jurisdiction? Land, Jurisdiction? Country) For(string country, string? state) =>
        (state is null ? null : _rows.GetValueOrDefault((country, state)), _rows.GetValueOrDefault((country, null)));

    /// <summary>A rule as it holds for the controller's Land, else its country; null where neither row names it.</summary>
    public JurisdictionRule? Rule(Controller controller, Func<Jurisdiction, JurisdictionRule?> rule)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(rule);
        var (land, country) = For(controller.Country, controller.State);
        return (land is null ? null : rule(land)) ?? (country is null ? null : rule(country));
    }

    /// <summary>
    /// Whether a fine may be imposed on the controller: always on a non-public body (Art. 83 GDPR); on a public body
    /// as its jurisdiction's law says, and on a public body in competition where that law treats it as non-public. A
    /// public body of a jurisdiction whose rule is unknown is not fined: a fine needs a legal basis that is known.
    /// </summary>
    public FineAdmissibility FineAdmissibility(Controller controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        if (!controller.PublicBody)
        {
            return new FineAdmissibility(
                true,
                new LocalizedText(
                    "Der Verantwortliche ist eine nichtöffentliche Stelle; gegen sie kann die Aufsichtsbehörde nach Art. 83 DSGVO Geldbußen verhängen.",
                    "The controller is a non-public body; the supervisory authority may impose fines on it under Art. 83 GDPR."),
                Gdpr,
                []);
        }

        if (controller.InCompetition && Rule(controller, j => j.CompetingBodiesFineable) is { Holds: true } competing)
        {
            return new FineAdmissibility(true, competing.Explanation, competing.Basis, competing.Sources);
        }

        var fines = Rule(controller, j => j.PublicBodyFines);
        return fines switch
        {
            { Holds: true } => new FineAdmissibility(true, fines.Explanation, fines.Basis, fines.Sources),
            { Holds: false } => new FineAdmissibility(false, fines.Explanation, fines.Basis, fines.Sources),
            _ => new FineAdmissibility(
                false,
                new LocalizedText(
                    "Ob gegen öffentliche Stellen dieses Rechtsraums Geldbußen verhängt werden dürfen, ist in Aufsicht nicht hinterlegt (Art. 83 Abs. 7 DSGVO überlässt es den Mitgliedstaaten); ohne bekannte Rechtsgrundlage wird keine Geldbuße berechnet.",
                    "Whether fines may be imposed on public bodies of this jurisdiction is not on record in Aufsicht (Art. 83(7) GDPR leaves it to the Member States); without a known legal basis no fine is calculated."),
                new LocalizedText("Art. 83 Abs. 7 DSGVO", "Art. 83(7) GDPR"),
                fines?.Sources ?? []),
        };
    }
}
