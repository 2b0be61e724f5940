using Aufsicht.Core.Catalog;

namespace Aufsicht.Core.Assessment;

/// <summary>U01–U06: how one body uses a service (domain/assessment.md §2, "Use by one body").</summary>
public sealed partial class Assessor
{
    /// <summary>U01: a processor (SaaS, external provider, or self-operated software that sends personal data to its maker) needs an AVV.</summary>
    private Finding ContractSetUp(ServiceProfile service, DeploymentProfile deployment)
    {
        bool? needsProcessor = deployment.OperatingModel switch
        {
            "saas" or "external-provider" => true,
            "self-operated" => service.ProviderReceivesPersonalDataStated == true,
            _ => service.ProviderReceivesPersonalDataStated == true ? true : null,
        };
        return needsProcessor switch
        {
            null => Unknown("U01", "operatingModel"),
            false => Make("U01", "no-processor"),
            true => deployment.ProcessorAgreementConcluded switch
            {
                true => Make("U01", "agreement-concluded"),
                false => Make("U01", "no-agreement"),
                null => Unknown("U01", "processorAgreementConcluded"),
            },
        };
    }

    /// <summary>U02: a legal basis for the purposes; an Art. 9 exception for special categories; consent of staff is rarely voluntary.</summary>
    private Finding LegalBasis(DeploymentProfile deployment)
    {
        var bases = deployment.LegalBasis;
        if (bases.Count == 0)
        {
            return Make("U02", "none");
        }

        var hasArt9 = false;
        var onlyConsent = true;
        foreach (var basis in bases)
        {
            if (basis.StartsWith("art9", StringComparison.Ordinal))
            {
                hasArt9 = true;
            }
            else if (basis != "art6-1-a")
            {
                onlyConsent = false;
            }
        }

        if (deployment.SpecialCategories == true && !hasArt9)
        {
            return Make("U02", "special-without-art9");
        }

        if (deployment.SpecialCategories is null && !hasArt9)
        {
            return Unknown("U02", "specialCategories");
        }

        if (onlyConsent && (Contains(deployment.DataSubjects, "employees") || Contains(deployment.DataSubjects, "teachers")))
        {
            return Make("U02", "consent-not-voluntary");
        }

        return Make("U02", "clear");
    }

    /// <summary>U05: a DPIA is required for minors, special categories or a protection need above normal.</summary>
    private Finding Dpia(DeploymentProfile deployment)
    {
        bool? required = deployment.SpecialCategories == true || AboveNormal(deployment.ProtectionNeed) || Contains(deployment.DataSubjects, "pupils")
            ? true
            : deployment.SpecialCategories is null || deployment.ProtectionNeed == FactDomains.Unknown ? null : false;
        return deployment.Dpia switch
        {
            FactDomains.Unknown => Unknown("U05", "dpia"),
            "done" => Make("U05", "done"),
            _ when required == false => Make("U05", "not-required"),
            _ when required is null => Unknown("U05", "specialCategories"),
            "threshold-only" => Make("U05", "threshold-only"),
            _ => Make("U05", "required-missing"),
        };
    }

    /// <summary>
    /// U06: the safeguards the protection need demands. Always: telemetry blocked where the service sends any; for video
    /// conferencing also a lobby and recording off. Above normal need also E2EE — unless the service is self-operated
    /// or run by an EEA provider that cannot read content; at very high need E2EE always.
    /// </summary>
    private Finding Safeguards(ServiceProfile service, DeploymentProfile deployment)
    {
        var s = deployment.Safeguards;
        var video = service.Category == "video-conferencing";
        var telemetry = service.Fact("technical.telemetry");
        var e2eeRequired = deployment.ProtectionNeed == "very-high"
            || (AboveNormal(deployment.ProtectionNeed)
                && deployment.OperatingModel != "self-operated"
                && !(service.ProviderCanReadContent == false && _law.IsEea(service.Provider.Seat)));

        if (e2eeRequired && s.E2eeEnabled == false)
        {
            return Make("U06", "high-need-without-e2ee");
        }

        var missing = new List<string>(4);
        var unknown = (string?)null;
        void Require(bool required, bool? value, string name)
        {
            if (!required)
            {
                return;
            }

            if (value == false)
            {
                missing.Add(name);
            }
            else if (value is null)
            {
                unknown ??= "safeguards." + name;
            }
        }

        Require(e2eeRequired, s.E2eeEnabled, "e2eeEnabled");
        Require(video, s.Lobby, "lobby");
        Require(video, s.RecordingOff, "recordingOff");
        Require(telemetry is not ("none" or FactDomains.NotApplicable), s.TelemetryBlocked, "telemetryBlocked");
        // An unknown safeguard outranks a missing one: not-assessed is the worse verdict, and a worse answer must never improve it.
        if (unknown is not null)
        {
            return Unknown("U06", unknown);
        }

        return missing.Count > 0 ? Make("U06", "some-missing", "missing", string.Join(",", missing)) : Make("U06", "all");
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }
}
