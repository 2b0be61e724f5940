using Aufsicht.Core.Catalog;
using Aufsicht.Core.Law;

namespace Aufsicht.Core.Assessment;

/// <summary>Gate 2: where data go (T01), whether each transfer tool holds on the as-of date (T02), foreign access (T03).</summary>
public sealed partial class Assessor
{
    private void AssessTransfers(
        ServiceProfile service, DateOnly asOf, AuthorityProfile authority, string protectionNeed, bool? providerProcesses, List<Finding> findings)
    {
        if (providerProcesses == false)
        {
            findings.Add(Make("T01", "no-provider-processing"));
            findings.Add(Make("T02", "no-provider-processing"));
            findings.Add(Make("T03", "no-provider-processing"));
            return;
        }

        var transfers = new List<(Transfer Transfer, Finding Finding)>(service.Transfers.Count);
        for (var i = 0; i < service.Transfers.Count; i++)
        {
            transfers.Add((service.Transfers[i], TransferFinding(service, service.Transfers[i], i, asOf, authority)));
        }

        findings.Add(Locations(service, asOf, transfers));

        var thirdCountries = service.Countries?.Where(c => c != "worldwide" && !_law.IsFreeDestination(c, asOf)).ToArray() ?? [];
        foreach (var (transfer, finding) in transfers)
        {
            findings.Add(finding);
            if (finding.Reason == "dpf-certified" && asOf >= _law.DpfLatombe)
            {
                findings.Add(Make("T02", "dpf-pending-litigation", "country", transfer.To));
            }
        }

        foreach (var country in thirdCountries)
        {
            if (!transfers.Any(t => t.Transfer.To == country))
            {
                findings.Add(new Finding("T02", _criteria.Reason("T02", "no-tool").Level, "no-tool",
                    [new("country", country), new("recipient", service.Provider.Name), new("tool", "none")]));
            }
        }

        if (transfers.Count == 0 && thirdCountries.Length == 0)
        {
            findings.Add(service.Countries is null ? Unknown("T02", "processing.countries") : Make("T02", "no-transfer"));
        }

        findings.Add(ForeignAccess(service, authority, protectionNeed));
    }

    /// <summary>T01: every processing country must be in the EEA, adequate on the date, or covered by a transfer whose tool holds.</summary>
    private Finding Locations(ServiceProfile service, DateOnly asOf, List<(Transfer Transfer, Finding Finding)> transfers)
    {
        if (service.Countries is null)
        {
            return Unknown("T01", "processing.countries");
        }

        var uncovered = new List<string>();
        var unclear = new List<string>();
        var covered = false;
        var worldwide = false;
        foreach (var country in service.Countries)
        {
            if (country == "worldwide")
            {
                worldwide = true;
                continue;
            }

            if (_law.IsFreeDestination(country, asOf))
            {
                continue;
            }

            var levels = transfers.Where(t => t.Transfer.To == country).Select(t => t.Finding.Level).ToArray();
            if (levels.Length == 0 || levels.Contains(Level.Red))
            {
                uncovered.Add(country);
            }
            else if (levels.Contains(Level.NotAssessed))
            {
                unclear.Add(country);
            }
            else
            {
                covered = true;
            }
        }

        if (uncovered.Count > 0)
        {
            return Make("T01", "uncovered", "countries", string.Join(", ", uncovered));
        }

        if (unclear.Count > 0)
        {
            return Make("T01", "unknown", "fact", "transfers");
        }

        if (worldwide)
        {
            return Make("T01", "worldwide");
        }

        return Make("T01", covered ? "covered" : "eea-or-adequate");
    }

    /// <summary>T02 for one transfer, as the law stood on <paramref name="asOf"/> (domain/assessment.md §4).</summary>
    private Finding TransferFinding(ServiceProfile service, Transfer transfer, int index, DateOnly asOf, AuthorityProfile authority)
    {
        var reason = TransferReason(service, transfer, index, asOf, authority, out var unknownFact);
        var args = new KeyValuePair<string, string>[]
        {
            new("country", transfer.To),
            new("recipient", transfer.Recipient ?? service.Provider.Name),
            new("tool", transfer.Tool),
            new("fact", unknownFact ?? string.Empty),
        };
        return new Finding("T02", _criteria.Reason("T02", reason).Level, reason, args);
    }

    private string TransferReason(ServiceProfile service, Transfer t, int index, DateOnly asOf, AuthorityProfile authority, out string? unknownFact)
    {
        unknownFact = null;
        var at = $"transfers[{index}].";
        if (_law.IsEea(t.To))
        {
            // Data staying in the EEA is no third-country transfer, whatever tool the contract names.
            return "no-transfer";
        }

        var adequacy = _law.AdequacyOn(t.To, asOf);
        var free = _law.IsFreeDestination(t.To, asOf);
        switch (t.Tool)
        {
            case FactDomains.Unknown:
                unknownFact = at + "tool";
                return "unknown";
            case "none":
                return free ? "adequate" : "no-tool";
            case "art49":
                return "art49-systematic";
            case "privacy-shield":
                return asOf >= _law.PrivacyShieldStart && asOf < _law.SchremsII ? "privacy-shield-valid" : "privacy-shield-invalid";
            case "adequacy" when t.To != "US":
                return free ? "adequate" : "not-adequate";
            case "adequacy":
            case "dpf":
                return Dpf(t, at, asOf, authority, ref unknownFact);
            case "scc-2010":
            case "scc-2021":
            case "bcr":
                break;
            default:
                throw new InvalidOperationException($"Unknown transfer tool '{t.Tool}'.");
        }

        if (t.Tool != "bcr")
        {
            if (t.SccAltered == true)
            {
                return "scc-altered";
            }

            if (t.SccAltered is null)
            {
                unknownFact = at + "sccAltered";
                return "unknown";
            }
        }

        if (t.Tool == "scc-2010")
        {
            if (asOf >= _law.Scc2010Expired)
            {
                return "scc-2010-expired";
            }

            if (asOf >= _law.Scc2010NoNewContracts && t.Concluded >= _law.Scc2010NoNewContracts)
            {
                return "scc-2010-new-contract";
            }
        }
        else if (t.Tool == "scc-2021" && asOf < _law.Scc2021Available)
        {
            return "scc-2021-not-in-force";
        }

        if (free)
        {
            return "adequate";
        }

        if (asOf < _law.SchremsII)
        {
            return "before-schrems-ii";
        }

        if (adequacy == AdequacyScope.DpfCertified && t.RecipientDpfCertified == true && authority.AcceptDpf)
        {
            return "dpf-certified";
        }

        return SupplementaryMeasures(service, t, at, authority, ref unknownFact);
    }

    private string Dpf(Transfer t, string at, DateOnly asOf, AuthorityProfile authority, ref string? unknownFact)
    {
        if (t.To != "US")
        {
            return "not-adequate";
        }

        if (_law.AdequacyOn("US", asOf) != AdequacyScope.DpfCertified)
        {
            return "dpf-not-in-force";
        }

        if (!authority.AcceptDpf)
        {
            return "dpf-not-accepted";
        }

        switch (t.RecipientDpfCertified)
        {
            case true:
                return "dpf-certified";
            case false:
                return "dpf-not-certified";
            default:
                unknownFact = at + "recipientDpfCertified";
                return "unknown";
        }
    }

    /// <summary>After Schrems II: SCCs or BCRs hold only where the recipient cannot read clear text or effective supplementary measures exist.</summary>
    private static string SupplementaryMeasures(ServiceProfile service, Transfer t, string at, AuthorityProfile authority, ref string? unknownFact)
    {
        if (service.ProviderCanReadContent == false)
        {
            return "no-clear-text";
        }

        if (t.SupplementaryMeasures == "effective")
        {
            return "effective-measures";
        }

        if (authority.SccAloneSuffices)
        {
            return "sufficient-by-profile";
        }

        if (t.SupplementaryMeasures == "contestable" && t.Tia == true)
        {
            return "contestable-measures";
        }

        if (service.ProviderCanReadContent is null)
        {
            unknownFact = "processing.providerCanReadContent";
            return "unknown";
        }

        if (t.SupplementaryMeasures == FactDomains.Unknown)
        {
            unknownFact = at + "supplementaryMeasures";
            return "unknown";
        }

        if (t.SupplementaryMeasures == "contestable" && t.Tia is null)
        {
            unknownFact = at + "tia";
            return "unknown";
        }

        return "insufficient-measures";
    }

    /// <summary>T03: exposure of the provider or its parent to third-country access laws, counted as the authority profile says.</summary>
    private Finding ForeignAccess(ServiceProfile service, AuthorityProfile authority, string protectionNeed)
    {
        var exposed = service.Provider.IsExposedToThirdCountryAccess(_law.IsEea);
        Finding finding;
        if (exposed == false)
        {
            return Make("T03", "not-exposed");
        }

        if (exposed is null)
        {
            finding = Unknown("T03", "provider.thirdCountryAccess");
        }
        else
        {
            var reason = authority.ThirdCountryAccess switch
            {
                ThirdCountryAccessRule.Advisory => "exposed-advisory",
                ThirdCountryAccessRule.Yellow => "exposed-yellow",
                _ => AboveNormal(protectionNeed) ? "exposed-red" : "exposed-yellow",
            };
            finding = Make("T03", reason, "provider", service.Provider.Name);
        }

        // Under an advisory profile even an unknown exposure only informs.
        return authority.ThirdCountryAccess == ThirdCountryAccessRule.Advisory ? finding with { Level = Level.Note } : finding;
    }
}
