using System.Globalization;
using System.Net;
using Aufsicht.Core.Law;
using Aufsicht.Core.Questionnaires;
using Aufsicht.Data;
using Aufsicht.Documents;
using Aufsicht.Features.Catalog;
using Aufsicht.Features.Questionnaires;
using Aufsicht.Features.Shared;
using Aufsicht.Web;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Responses;

/// <summary>One submitted version as its link opens it: whose, in which campaign, and what was answered.</summary>
internal sealed record SubmittedVersion(Respondent Respondent, ResponseVersionRecord Version, Answers Answers);

/// <summary>
/// The receipt of a submitted version as PDF, for the respondent's files. Anyone holding the link may fetch it, with
/// the same checks as the receipt page: a valid link, the rate limit on wrong links, an existing version.
/// </summary>
internal static class ReceiptPdf
{
    /// <summary>The receipt's endpoint name, for links (<c>Url.RouteUrl</c>).</summary>
    public const string Route = "ReceiptPdf";

    /// <summary>Maps the receipt into the portal's group (<see cref="ResponseApi.MapResponsesApi"/>), which lets anyone in.</summary>
    public static void MapReceiptPdf(this RouteGroupBuilder portal) =>
        portal.MapGet("/antwort/{token}/quittung.pdf", async (string token, int? fassung, HttpContext context, AufsichtDb db, RespondentLinks links, CatalogStore catalog, LocalDates dates, CancellationToken cancel) =>
        {
            // The receipt names the body and its answers: no cache may keep it.
            context.Response.Headers.CacheControl = "no-store";
            var (status, submitted) = await FindAsync(db, links, token, fassung ?? 0, context.Connection.RemoteIpAddress, cancel).ConfigureAwait(false);
            if (submitted is null)
            {
                return Results.StatusCode(status);
            }

            var document = Build(submitted, key => ServiceName(catalog, submitted, key, UiLanguageMiddleware.Of(context)), dates, UiLanguageMiddleware.Of(context));
            using var stream = new MemoryStream();
            PdfWriter.Write(document, stream);
            return Results.File(stream.ToArray(), "application/pdf", $"eingangsbestaetigung-{submitted.Version.Receipt}.pdf");
        }).ExcludeFromDescription().WithName(Route);

    /// <summary>The version a link and number open, or the status to answer with (429 while blocked, else 404).</summary>
    public static async Task<(int Status, SubmittedVersion? Submitted)> FindAsync(AufsichtDb db, RespondentLinks links, string token, int version, IPAddress? address, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(links);
        if (links.IsBlocked(address))
        {
            return (StatusCodes.Status429TooManyRequests, null);
        }

        var (respondent, _) = await links.FindAsync(db, token, address, cancel).ConfigureAwait(false);
        if (respondent?.Response is null)
        {
            return (StatusCodes.Status404NotFound, null);
        }

        var record = await db.ResponseVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ResponseId == respondent.Response.Id && v.Version == version, cancel).ConfigureAwait(false);
        return record is null
            ? (StatusCodes.Status404NotFound, null)
            : (StatusCodes.Status200OK, new SubmittedVersion(respondent, record, Answers.FromJson(record.AnswersJson)));
    }

    public static ReportDocument Build(SubmittedVersion submitted, Func<string, string> serviceName, LocalDates dates, Language language)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(submitted);
        ArgumentNullException.ThrowIfNull(serviceName);
        string T(string key) => Texts.T(language, key);
        var (respondent, version, answers) = submitted;
        var questionnaire = respondent.Questionnaire;
        var when = dates.Moment(version.SubmittedAt, language);
        List<Block> blocks =
        [
            new KeyValues(
            [
                new(T("receipt.number"), version.Receipt),
                new(T("receipt.campaign"), respondent.Campaign.Title),
                new(T("receipt.questionnaire"), questionnaire.Title.In(language)),
                new(T("receipt.body"), respondent.Body.Name),
                new(T("receipt.version"), version.Version.ToString(CultureInfo.InvariantCulture)),
                new(T("receipt.when"), when),
            ]),
            new Heading(T("receipt.answers")),
        ];
        foreach (var group in SurveyForm.Asked(questionnaire, answers).Where(a => a.Visible).GroupBy(a => a.Section))
        {
            blocks.Add(new Heading(group.Key.Title.In(language), 2));
            blocks.Add(new KeyValues([.. group.Select(a =>
            {
                var values = answers.Get(a.Key);
                var label = a.Question.Label.In(language) + (a.ServiceKey is null ? string.Empty : " (" + serviceName(a.ServiceKey) + ")");
                var value = values.Count == 0 ? T("respond.unanswered") : string.Join(", ", values.Select(v => AnswerText.Of(a.Question, v, language, serviceName)));
                return new KeyValue(label, value);
            })]));
        }

        return new ReportDocument(T("receipt.title"), Texts.T(language, "receipt.pdfSubtitle", respondent.Body.Name, when), language, blocks);
    }

    /// <summary>A service key of the answers: the catalogue name, or for "other" the name the respondent typed.</summary>
    public static string ServiceName(CatalogStore catalog, SubmittedVersion submitted, string key, Language language)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(submitted);
        return ServiceNames.InAnswers(catalog.Catalog, key, submitted.Answers, submitted.Respondent.Questionnaire, key, language);
    }
}
