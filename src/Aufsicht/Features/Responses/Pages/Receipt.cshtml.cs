using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Responses.Pages;

/// <summary>The receipt of a submitted version: what was submitted, when, and its receipt number (also as PDF).</summary>
internal sealed class ReceiptModel(AufsichtDb db, RespondentLinks links, Catalog.CatalogStore catalog) : AppPage
{
    public string Token { get; private set; } = string.Empty;

    internal Respondent Respondent { get; private set; } = null!;

    internal ResponseVersionRecord Version { get; private set; } = null!;

    internal Answers Answers { get; private set; } = Answers.Empty;

    public async Task<IActionResult> OnGetAsync(string token, int fassung, CancellationToken cancel)
    {
        Token = token;
        Response.Headers.CacheControl = "no-store";
        var (status, submitted) = await ReceiptPdf.FindAsync(db, links, token, fassung, HttpContext.Connection.RemoteIpAddress, cancel).ConfigureAwait(true);
        if (submitted is null)
        {
            return StatusCode(status);
        }

        (Respondent, Version, Answers) = submitted;
        return Page();
    }

    internal string ServiceName(string key) => ReceiptPdf.ServiceName(catalog, new(Respondent, Version, Answers), key, Language);
}
