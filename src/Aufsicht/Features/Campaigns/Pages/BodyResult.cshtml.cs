using Aufsicht.Core.Assessment;
using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Evaluation;
using Aufsicht.Features.Questionnaires;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns.Pages;

internal sealed record InvitationRow(long Id, DateTime IssuedAt, DateTime? RevokedAt, string? Email, OutboxState? MailState, string? MailError);

/// <summary>One body in a campaign: its status, the findings per service with their texts, its answers and versions, its invitations.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class BodyResultModel(AufsichtDb db, Web.PublicAddress address, QuestionnaireStore questionnaires, Catalog.CatalogStore catalog) : AppPage
{
    internal CampaignRecord Campaign { get; private set; } = null!;

    internal BodyRecord Body { get; private set; } = null!;

    internal EvaluationRecord? Evaluation { get; private set; }

    internal IReadOnlyList<StoredOutcome> Outcomes { get; private set; } = [];

    internal IReadOnlyList<ResponseVersionRecord> Versions { get; private set; } = [];

    internal IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    internal Questionnaire Questionnaire { get; private set; } = null!;

    internal Answers Answers { get; private set; } = Answers.Empty;

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long bodyId, CancellationToken cancel) =>
        await LoadAsync(id, bodyId, cancel).ConfigureAwait(true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReissueAsync(long id, long bodyId, [FromServices] ReissueInvitation reissue, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanRunSurveys).ConfigureAwait(true))
        {
            return Forbid();
        }

        var url = address.For(Request);
        var result = await reissue.RunAsync(id, bodyId, url, cancel).ConfigureAwait(true);
        if (!await LoadAsync(id, bodyId, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        if (!result.IsOk)
        {
            return Fail(result.Errors);
        }

        Message = Texts.T(Language, result.Value ? "body.reissued" : "body.reissuedNoAddress");
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, long bodyId, [FromServices] RevokeInvitations revoke, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanRunSurveys).ConfigureAwait(true))
        {
            return Forbid();
        }

        var result = await revoke.RunAsync(id, bodyId, cancel).ConfigureAwait(true);
        if (!await LoadAsync(id, bodyId, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        if (!result.IsOk)
        {
            return Fail(result.Errors);
        }

        Message = Texts.T(Language, result.Value > 0 ? "body.revoked" : "body.nothingToRevoke");
        return Page();
    }

    private async Task<bool> LoadAsync(long id, long bodyId, CancellationToken cancel)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancel).ConfigureAwait(true);
        var body = await BodyInCampaign.FindAsync(db, id, bodyId, cancel).ConfigureAwait(true);
        if (campaign is null || body is null)
        {
            return false;
        }

        (Campaign, Body) = (campaign, body);
        Questionnaire = (await questionnaires.GetAsync(campaign.QuestionnaireId, cancel).ConfigureAwait(true)).Definition;
        Evaluation = await db.Evaluations.AsNoTracking().SingleOrDefaultAsync(e => e.CampaignId == id && e.BodyId == bodyId, cancel).ConfigureAwait(true);
        Outcomes = Evaluation is null ? [] : CampaignEvaluator.Outcomes(Evaluation.ResultJson);
        var responseId = await db.Responses.Where(r => r.CampaignId == id && r.BodyId == bodyId).Select(r => (long?)r.Id).SingleOrDefaultAsync(cancel).ConfigureAwait(true);
        Versions = responseId is null
            ? []
            : await db.ResponseVersions.AsNoTracking().Where(v => v.ResponseId == responseId).OrderByDescending(v => v.Version).ToListAsync(cancel).ConfigureAwait(true);
        Answers = Versions.Count > 0 ? Answers.FromJson(Versions[0].AnswersJson) : Answers.Empty;
#pragma warning disable RS0030 // inside a projection: translated to a SQL subquery
        Invitations = await db.Invitations.AsNoTracking().Where(i => i.CampaignId == id && i.BodyId == bodyId).OrderByDescending(i => i.Id)
            .Select(i => new InvitationRow(i.Id, i.IssuedAt, i.RevokedAt, i.Email,
                db.Outbox.Where(o => o.InvitationId == i.Id).OrderByDescending(o => o.Id).Select(o => (OutboxState?)o.State).FirstOrDefault(),
                db.Outbox.Where(o => o.InvitationId == i.Id).OrderByDescending(o => o.Id).Select(o => o.LastError).FirstOrDefault()))
            .ToListAsync(cancel).ConfigureAwait(true);
#pragma warning restore RS0030
        return true;
    }

    /// <summary>An authority's name in the page's language (its id only if the catalogue no longer knows it).</summary>
    internal CriteriaCatalog Criteria => catalog.Data.Criteria;

    internal string AuthorityName(string id) => catalog.Catalog.FindAuthority(id)?.Name.In(Language) ?? id;

    internal string ServiceName(string? id, string? other) =>
        id is not null ? ServiceNames.Of(catalog.Catalog, id, Language) : "„" + other + "“";

    internal string AnswerServiceName(string key) =>
        ServiceNames.InAnswers(catalog.Catalog, key, Answers, Questionnaire, key, Language);

    /// <summary>A stored finding's explanation and remedy in the page's language.</summary>
    internal (string Explanation, string? Remedy, IReadOnlyList<string> Articles) Text(StoredFinding stored, StoredOutcome outcome)
    {
        var level = Levels.TryParseLevel(stored.Level, out var parsed) ? parsed : Level.NotAssessed;
        var finding = new Finding(stored.Criterion, level, stored.Reason,
            stored.Args?.Select(a => KeyValuePair.Create(a.Key, a.Value)).ToArray() ?? Finding.NoArgs);
        var texts = catalog.Texts;
        var service = ServiceName(outcome.Service, outcome.Other);
        var authority = AuthorityName(Evaluation!.Authority);
        return (texts.Explanation(finding, Language, service, Evaluation.AsOf, authority),
            texts.Remedy(finding, Language, service, Evaluation.AsOf, authority), texts.Articles(finding));
    }
}
