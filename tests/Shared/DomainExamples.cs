namespace Aufsicht.Tests.Shared;

/// <summary>The profile examples of shared/domain/assessment.md §6, verbatim: the formats must accept them as they stand.</summary>
public static class DomainExamples
{
    /// <summary>The service-profile example of domain/assessment.md §6, verbatim.</summary>
    public const string Service = """
        {
          "id": "webex-telekom", "name": "Cisco Webex Meetings via Telekom", "category": "video-conferencing",
          "factsAsOf": "2020-07-03",
          "provider": { "name": "Deutsche Telekom AG", "seat": "DE", "parentSeat": "DE" },
          "operatingModel": "saas", "openSource": false,
          "contract": { "processorAgreement": "offered", "incorporation": "clear", "ownPurposes": "excluded",
            "instructions": "fixable", "transparency": "partial", "subProcessors": "incomplete", "audit": "full",
            "toms": "generic", "deletion": "guaranteed", "assistance": "present",
            "authorityDisclosure": "partial", "consistency": "minor" },
          "processing": { "countries": ["DE", "NL", "US"], "providerCanReadContent": true },
          "transfers": [ { "to": "US", "recipient": "Cisco Systems", "tool": "scc-2010", "sccAltered": false,
            "tia": false, "supplementaryMeasures": "none", "recipientDpfCertified": false } ],
          "technical": { "transportEncryption": "full", "e2ee": "available", "authentication": "risk-appropriate",
            "browserClient": true, "roleSeparation": "granular", "telemetry": "configurable",
            "privacyDefaults": "mixed", "recordingTransparency": "indicated" },
          "sources": [ { "url": "https://www.finanzen.net/...", "seen": "2020-07-03", "about": "contract" } ]
        }
        """;

    /// <summary>The deployment-profile example of domain/assessment.md §6, verbatim.</summary>
    public const string Deployment = """
        {
          "service": "webex-telekom", "body": { "kind": "school", "publicBody": true, "state": "MV" },
          "operatingModel": "saas", "purposes": ["teaching"], "dataSubjects": ["pupils", "teachers"],
          "specialCategories": false, "protectionNeed": "high",
          "legalBasis": ["art6-1-e"], "processorAgreementConcluded": true, "dpia": "none",
          "recordOfProcessing": true, "participantsInformed": "partial",
          "safeguards": { "e2eeEnabled": false, "lobby": true, "recordingOff": true, "telemetryBlocked": false }
        }
        """;
}
