using Aufsicht.Core.Law;

namespace Aufsicht.Core.Assessment;

/// <summary>
/// One finding: the criterion it answers, its level and the reason (a key into the criteria catalogue, whose texts
/// it renders with <see cref="Args"/>).
/// </summary>
public sealed record Finding(string Criterion, Level Level, string Reason, IReadOnlyList<KeyValuePair<string, string>> Args)
{
    public static readonly IReadOnlyList<KeyValuePair<string, string>> NoArgs = [];

    public string? Arg(string key)
    {
        foreach (var pair in Args)
        {
            if (pair.Key == key)
            {
                return pair.Value;
            }
        }

        return null;
    }
}

/// <summary>The legal and technical verdicts on one service, on one date, in one authority's view.</summary>
public sealed record ServiceAssessment(
    string ServiceId,
    Law.LocalizedText ServiceNames,
    DateOnly AsOf,
    AuthorityProfile Authority,
    string ProtectionNeed,
    Verdict Verdict,
    Verdict Technical,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>The service's name in German, the users' language; <see cref="ServiceNames"/> has both.</summary>
    public string ServiceName => ServiceNames.De;
}

/// <summary>The verdict on one body's use of a service: the legal verdict, U01–U06 and what its protection need demands.</summary>
public sealed record DeploymentAssessment(Verdict Verdict, IReadOnlyList<Finding> Findings);
