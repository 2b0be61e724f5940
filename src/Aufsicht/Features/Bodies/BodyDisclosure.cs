using System.Text.Json;
using System.Text.Json.Nodes;
using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Bodies;

/// <summary>
/// Everything stored about one body, as one JSON document (in the manner of an Art. 15 GDPR request): its registry
/// entry, the campaigns that asked it, its invitations (without the token hash, which would only help an attacker),
/// its responses with every submitted version, and its evaluations. Stored JSON is embedded as JSON, not as text.
/// </summary>
internal static class BodyDisclosure
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document, or null if there is no such body.</summary>
    public static async Task<byte[]?> BuildAsync(AufsichtDb db, long id, DateTime now, CancellationToken cancel)
    {
        var body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancel).ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        var campaigns = await (from t in db.CampaignBodies
                               join c in db.Campaigns on t.CampaignId equals c.Id
                               where t.BodyId == id
                               orderby c.Id
                               select new { c.Id, c.Title, c.State, c.Deadline, c.CreatedAt, c.StartedAt, c.ClosedAt, c.ContactsErasedAt })
            .ToListAsync(cancel).ConfigureAwait(false);
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.BodyId == id).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.CampaignId, i.IssuedAt, i.RevokedAt, i.Email, i.Language, i.Reminder })
            .ToListAsync(cancel).ConfigureAwait(false);
        var responses = await db.Responses.AsNoTracking().Where(r => r.BodyId == id).OrderBy(r => r.Id).ToListAsync(cancel).ConfigureAwait(false);
        var responseIds = responses.Select(r => r.Id).ToList();
        var versions = await db.ResponseVersions.AsNoTracking().Where(v => responseIds.Contains(v.ResponseId)).OrderBy(v => v.ResponseId).ThenBy(v => v.Version)
            .ToListAsync(cancel).ConfigureAwait(false);
        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.BodyId == id).OrderBy(e => e.CampaignId).ToListAsync(cancel).ConfigureAwait(false);
        var services = await db.EvaluationServices.AsNoTracking().Where(e => e.BodyId == id).OrderBy(e => e.CampaignId).ThenBy(e => e.Service)
            .Select(e => new { e.CampaignId, e.Service, e.Verdict })
            .ToListAsync(cancel).ConfigureAwait(false);

        var document = new
        {
            kind = "aufsicht-body-disclosure",
            exportedAt = Utc(now),
            body = new
            {
                body.Id,
                body.ExternalId,
                body.Name,
                body.Kind,
                body.Region,
                body.State,
                body.PublicBody,
                body.PublicUndertaking,
                body.ContactName,
                body.ContactEmail,
                body.Language,
                CreatedAt = Utc(body.CreatedAt),
                UpdatedAt = Utc(body.UpdatedAt),
            },
            campaigns = campaigns.Select(c => new
            {
                c.Id,
                c.Title,
                State = c.State.ToStored(),
                c.Deadline,
                CreatedAt = Utc(c.CreatedAt),
                StartedAt = Utc(c.StartedAt),
                ClosedAt = Utc(c.ClosedAt),
                ContactsErasedAt = Utc(c.ContactsErasedAt),
            }),
            invitations = invitations.Select(i => new
            {
                i.Id,
                i.CampaignId,
                IssuedAt = Utc(i.IssuedAt),
                RevokedAt = Utc(i.RevokedAt),
                i.Email,
                i.Language,
                i.Reminder,
            }),
            responses = responses.Select(r => new
            {
                r.Id,
                r.CampaignId,
                Draft = Embed(r.DraftJson),
                r.Revision,
                r.SubmittedVersion,
                StartedAt = Utc(r.StartedAt),
                UpdatedAt = Utc(r.UpdatedAt),
                SubmittedAt = Utc(r.SubmittedAt),
                Versions = versions.Where(v => v.ResponseId == r.Id).Select(v => new
                {
                    v.Version,
                    Answers = Embed(v.AnswersJson),
                    SubmittedAt = Utc(v.SubmittedAt),
                    v.Receipt,
                }),
            }),
            evaluations = evaluations.Select(e => new
            {
                e.CampaignId,
                e.Version,
                Status = e.Status.ToStored(),
                e.MainFindings,
                Result = Embed(e.ResultJson),
                e.AsOf,
                e.Authority,
                EvaluatedAt = Utc(e.EvaluatedAt),
            }),
            evaluatedServices = services,
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Options);
    }

    /// <summary>Stored timestamps are UTC; SQLite hands them back without saying so.</summary>
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    /// <summary>Stored JSON as JSON; should a row ever hold something else, it is still disclosed, as text.</summary>
    private static JsonNode? Embed(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
