using Aufsicht.Core.Cases;
using Aufsicht.Data;

namespace Aufsicht.Tests.Cases;

/// <summary>Case rows put straight into the database: the pages that open cases and move them along are another slice's.</summary>
internal static class CaseRows
{
    private static readonly DateTime At = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    public static async Task<long> BodyAsync(AufsichtDb db, string name)
    {
        var body = new BodyRecord
        {
            ExternalId = "b-" + Guid.NewGuid().ToString("N"),
            Name = name,
            Kind = "school",
            State = "MV",
            PublicBody = true,
            Language = "de",
            CreatedAt = At,
            UpdatedAt = At,
        };
        db.Bodies.Add(body);
        await db.SaveChangesAsync();
        return body.Id;
    }

    public static async Task<long> CaseAsync(AufsichtDb db, long bodyId, string fileNumber, CaseState state, string? handler, DateOnly? hearing = null, DateOnly? compliance = null)
    {
        var record = new CaseRecord
        {
            FileNumber = fileNumber,
            BodyId = bodyId,
            EvaluationJson = "{}",
            State = state,
            Outcome = state == CaseState.Closed ? CaseOutcome.Discontinued : null,
            HandlerId = handler,
            PublicBody = true,
            Country = "DE",
            Land = "MV",
            HearingDeadline = hearing,
            ComplianceDeadline = compliance,
            OpenedAt = At,
            OpenedBy = "leitung@aufsicht.example",
            UpdatedAt = At,
            ClosedAt = state == CaseState.Closed ? At : null,
        };
        db.Cases.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }
}
