using Aufsicht.Core.Surveys;
using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Surveys.Pages;

/// <summary>The receipt of a submitted version: what was submitted, when, and its receipt number (also as PDF).</summary>
[AllowAnonymous]
public sealed class ReceiptModel : AppPage
{
    public string Token { get; private set; } = string.Empty;

    internal Respondent Respondent { get; private set; } = null!;

    internal ResponseVersionRecord Version { get; private set; } = null!;

    internal Answers Answers { get; private set; } = Answers.Empty;

    public IActionResult OnGet(string token, int fassung)
    {
        Token = token;
        Response.Headers.CacheControl = "no-store";
        var links = Service<RespondentLinks>();
        if (links.IsBlocked(HttpContext.Connection.RemoteIpAddress))
        {
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var (respondent, _) = links.Find(Service<AufsichtDb>(), token, HttpContext.Connection.RemoteIpAddress);
        if (respondent?.Response is null)
        {
            return NotFound();
        }

        var version = Service<AufsichtDb>().ResponseVersions.AsNoTracking().SingleOrDefault(v => v.ResponseId == respondent.Response.Id && v.Version == fassung);
        if (version is null)
        {
            return NotFound();
        }

        (Respondent, Version, Answers) = (respondent, version, Answers.FromJson(version.AnswersJson));
        return Page();
    }

    internal string ServiceName(string key) =>
        key == Answers.Other
            ? Answers.One(Answers.OtherKey(Respondent.Questionnaire.Mapping.ServicesQuestion)) ?? key
            : Service<Catalog.CatalogStore>().Catalog.Latest(key)?.Name ?? key;
}
