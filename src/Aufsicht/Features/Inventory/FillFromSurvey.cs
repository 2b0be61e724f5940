using System.Globalization;
using Aufsicht.Core;
using Aufsicht.Core.Migration;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Inventory;

/// <summary>
/// What filling from a survey did: rows added, Survey rows updated, rows kept because a person imported or typed them,
/// services skipped because their catalogue category belongs to no pillar, and how many bodies gave a user count.
/// </summary>
internal sealed record SurveyFillReport(int Bodies, int Added, int Updated, int Kept, int Skipped, int WithCount);

/// <summary>
/// Fills the inventory from a campaign: for every body with a submitted response, each catalogue service its evaluation
/// names becomes a product row (pillar from the service's catalogue category, <see cref="InventorySource.Survey"/>, the
/// campaign noted). Services typed as "other" are skipped. Counts stay 0 (not known) except the users: the answer to the
/// questionnaire's question <c>users</c> (video conferencing asks how many people take part) where there is one. Rows
/// that came from an import or the browser are never touched; a second run updates only its own Survey rows.
/// </summary>
internal sealed class FillFromSurvey(AufsichtDb db, CatalogStore catalog, TimeProvider clock)
{
    /// <summary>The question whose number answer is taken as the users of every product of the body (videokonferenz.json).</summary>
    public const string UsersQuestion = "users";

    public async Task<Result<SurveyFillReport>> RunAsync(long campaignId, CancellationToken cancel)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancel).ConfigureAwait(false))
        {
            return Error.NotFound("campaign", "inventory.survey.noCampaign", campaignId.ToString(CultureInfo.InvariantCulture));
        }

        var responses = await (from r in db.Responses.AsNoTracking()
                               where r.CampaignId == campaignId && r.SubmittedVersion > 0
                               join v in db.ResponseVersions.AsNoTracking() on new { ResponseId = r.Id, Version = r.SubmittedVersion } equals new { v.ResponseId, v.Version }
                               select new { r.BodyId, v.AnswersJson }).ToListAsync(cancel).ConfigureAwait(false);
        var users = new Dictionary<long, int>();
        foreach (var response in responses)
        {
            if (Answers.FromJson(response.AnswersJson).One(UsersQuestion) is { } text
                && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count) && count is >= 0 and <= int.MaxValue)
            {
                users[response.BodyId] = (int)count;
            }
        }

        var bodyIds = responses.Select(r => r.BodyId).Distinct().ToList();
        var services = await db.EvaluationServices.AsNoTracking()
            .Where(s => s.CampaignId == campaignId && bodyIds.Contains(s.BodyId))
            .Select(s => new { s.BodyId, s.Service }).Distinct().ToListAsync(cancel).ConfigureAwait(false);
        // Services typed as "other, namely …" await a link to the catalogue: no product id, no pillar.
        services.RemoveAll(s => s.Service.StartsWith("other:", StringComparison.Ordinal));
        var stored = await db.InventoryProducts.Where(p => bodyIds.Contains(p.BodyId)).ToDictionaryAsync(p => (p.BodyId, p.Product), cancel).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0, kept = 0, skipped = 0;
        foreach (var service in services.OrderBy(s => s.BodyId).ThenBy(s => s.Service, StringComparer.Ordinal))
        {
            var category = catalog.Data.Catalog.Latest(service.Service)?.Category;
            if (category is null || Pillars.FromCategory(category) is not { } pillar)
            {
                skipped++;
                continue;
            }

            var count = users.GetValueOrDefault(service.BodyId);
            if (stored.TryGetValue((service.BodyId, service.Service), out var record))
            {
                if (record.Source != InventorySource.Survey)
                {
                    kept++;
                    continue;
                }

                if (record.Pillar == pillar && record.Users == count && record.CampaignId == campaignId)
                {
                    continue;
                }

                record.Revision++;
                updated++;
            }
            else
            {
                record = new InventoryProductRecord { BodyId = service.BodyId, Product = service.Service, Source = InventorySource.Survey };
                db.InventoryProducts.Add(record);
                stored[(service.BodyId, service.Service)] = record;
                added++;
            }

            record.Pillar = pillar;
            record.Users = count;
            record.CampaignId = campaignId;
            record.UpdatedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("campaign", "inventory.survey.conflict");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return Result<SurveyFillReport>.Ok(new SurveyFillReport(bodyIds.Count, added, updated, kept, skipped, users.Count));
    }
}
