using System.Globalization;
using Aufsicht.Core;
using Aufsicht.Core.Cases;
using Aufsicht.Core.Enforcement;
using Aufsicht.Core.Fines;
using Aufsicht.Core.Law;
using Aufsicht.Data;
using Aufsicht.Documents;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Cases;

/// <summary>How many times one power of Art. 58(2) was decided in the year.</summary>
internal sealed record PowerCount(Power Power, int Count);

/// <summary>
/// The year's enforcement figures for the activity report (Art. 59 GDPR): cases opened, closed by outcome and escalated,
/// the measures decided by letter of Art. 58(2), the fines imposed. A calendar year in the authority's zone.
/// </summary>
/// <remarks><c>PublicBodiesOnly</c>: every case counted in the year concerns a public body (and there is one at least), so the report notes that they cannot be fined.</remarks>
internal sealed record AnnualFigures(
    int Year,
    int Opened,
    int Remedied,
    int Complied,
    int Discontinued,
    int Escalated,
    IReadOnlyList<PowerCount> Measures,
    int Fines,
    long FineTotalCents,
    long LargestFineCents,
    bool PublicBodiesOnly)
{
    public int Closed => Remedied + Complied + Discontinued;

    public int Decisions => Measures.Sum(m => m.Count);
}

/// <summary>Counts the figures of <see cref="AnnualFigures"/> and writes them as a report (page, ODT, PDF, CLI).</summary>
internal static class AnnualReport
{
    public const int FirstYear = 2000;

    /// <summary>The download endpoints' names, for links.</summary>
    public const string OdtRoute = "CasesAnnualReportOdt", PdfRoute = "CasesAnnualReportPdf";

    /// <summary>
    /// The year asked for: a number from <see cref="FirstYear"/> to next year (figures for a year that has not begun
    /// are all zero, which is allowed for planning; anything further is a typing mistake). Empty means this year.
    /// </summary>
    public static Result<int> ParseYear(string? text, string field, int currentYear)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<int>.Ok(currentYear);
        }

        var last = currentYear + 1;
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= FirstYear && year <= last
            ? Result<int>.Ok(year)
            : Error.Invalid(field, "cases.report.yearInvalid", text.Trim(), FirstYear.ToString(CultureInfo.InvariantCulture), last.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The figures of <paramref name="year"/>, its bounds taken in <paramref name="zone"/> (the authority's).</summary>
    public static async Task<AnnualFigures> CountAsync(AufsichtDb db, int year, TimeZoneInfo zone, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(zone);
        var from = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), zone);

        var opened = await db.Cases.CountAsync(c => c.OpenedAt >= from && c.OpenedAt < to, cancel).ConfigureAwait(false);
        var closed = await db.Cases.Where(c => c.ClosedAt >= from && c.ClosedAt < to && c.Outcome != null)
            .GroupBy(c => c.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel).ConfigureAwait(false);
        int Closed(CaseOutcome outcome) => closed.Where(c => c.Key == outcome).Sum(c => c.Count);

        // A case may be escalated, decided again and closed: the audit log keeps each escalation with its moment.
        var escalateAction = "case." + CaseWorkflow.Stored(CaseAction.Escalate);
        var escalated = await db.AuditLog.Where(a => a.Action == escalateAction && a.At >= from && a.At < to && a.CaseId != null)
            .Select(a => a.CaseId).Distinct().CountAsync(cancel).ConfigureAwait(false);

        // The measures as stored (comma-separated wire names), split here: a case with two powers counts for each.
        var decided = await db.Cases.Where(c => c.DecidedAt >= from && c.DecidedAt < to)
            .Select(c => new { c.Measure, c.FineCents }).ToListAsync(cancel).ConfigureAwait(false);
        var measures = new int[Powers.All.Count];
        foreach (var wire in decided.SelectMany(d => (d.Measure ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Powers.TryParse(wire, out var power))
            {
                measures[(int)power]++;
            }
        }

        var fines = decided.Where(d => d.FineCents is > 0).Select(d => d.FineCents!.Value).ToList();

        // Public bodies cannot be fined (§ 43(3) BDSG, the Länder laws): when nothing else was in the year, a zero says so.
        var inYear = db.Cases.Where(c => (c.OpenedAt >= from && c.OpenedAt < to) || (c.DecidedAt >= from && c.DecidedAt < to) || (c.ClosedAt >= from && c.ClosedAt < to));
        var kinds = await inYear.GroupBy(c => c.PublicBody).Select(g => g.Key).ToListAsync(cancel).ConfigureAwait(false);

        return new AnnualFigures(
            year,
            opened,
            Closed(CaseOutcome.Remedied),
            Closed(CaseOutcome.Complied),
            Closed(CaseOutcome.Discontinued),
            escalated,
            [.. Powers.All.Select(p => new PowerCount(p, measures[(int)p]))],
            fines.Count,
            fines.Sum(),
            fines.Count == 0 ? 0 : fines.Max(),
            kinds.Count == 1 && kinds[0]);
    }

    /// <summary>The figures as a report: the same blocks for the page, the ODT and the PDF.</summary>
    public static ReportDocument Build(AnnualFigures figures, string authority, DateOnly made, Language language)
    {
        ArgumentNullException.ThrowIfNull(figures);
        string T(string key) => Texts.T(language, key);
        string N(int n) => ReportFormat.Number(n, language);
        var year = figures.Year.ToString(CultureInfo.InvariantCulture);

        List<Block> blocks =
        [
            new KeyValues(
            [
                new(T("cases.report.authority"), authority),
                new(T("cases.report.year"), year),
                new(T("cases.report.made"), ReportFormat.Date(made, language)),
            ]),
            new Heading(T("cases.report.cases")),
            new Table(
                Texts.T(language, "cases.report.casesCaption", year),
                [T("cases.report.figure"), T("cases.report.number")],
                [
                    [T("cases.report.opened"), N(figures.Opened)],
                    [T("cases.report.closed"), N(figures.Closed)],
                    [T("cases.report.closed.remedied"), N(figures.Remedied)],
                    [T("cases.report.closed.complied"), N(figures.Complied)],
                    [T("cases.report.closed.discontinued"), N(figures.Discontinued)],
                    [T("cases.report.escalated"), N(figures.Escalated)],
                ]),
            new Heading(T("cases.report.measures")),
            new Paragraph(T("cases.report.measuresNote")),
            new Table(
                Texts.T(language, "cases.report.measuresCaption", year),
                [T("cases.report.power"), T("cases.report.article"), T("cases.report.number")],
                [.. figures.Measures.Select(m => (IReadOnlyList<string>)[m.Power.Term().In(language), m.Power.Article(language), N(m.Count)])]),
            new Heading(T("cases.report.fines")),
            new Table(
                Texts.T(language, "cases.report.finesCaption", year),
                [T("cases.report.figure"), T("cases.report.value")],
                [
                    [T("cases.report.fines.count"), N(figures.Fines)],
                    [T("cases.report.fines.total"), FineFormat.Money(figures.FineTotalCents / 100m, language)],
                    [T("cases.report.fines.largest"), figures.Fines == 0 ? "–" : FineFormat.Money(figures.LargestFineCents / 100m, language)],
                ]),
        ];
        if (figures.Fines == 0 && figures.PublicBodiesOnly)
        {
            blocks.Add(new Paragraph(T("cases.report.publicNote")));
        }

        blocks.Add(new Paragraph(T("cases.report.method")));
        return new ReportDocument(Texts.T(language, "cases.report.title", year), authority, language, blocks);
    }

    /// <summary>Maps the downloads beside the case pages: <c>/verfahren/jahresbericht.odt?jahr=2026</c> and <c>.pdf</c>, for staff.</summary>
    public static IEndpointRouteBuilder MapCasesAnnualReport(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/verfahren").RequireAuthorization(Accounts.Roles.Staff).ExcludeFromDescription();
        cases.MapGet("/jahresbericht.odt", (string? jahr, HttpContext context, AufsichtDb db, Letters.LetterSources sources, Shared.LocalDates dates, TimeProvider clock, CancellationToken cancel) =>
            FileAsync(jahr, "odt", context, db, sources, dates, clock, cancel)).WithName(OdtRoute);
        cases.MapGet("/jahresbericht.pdf", (string? jahr, HttpContext context, AufsichtDb db, Letters.LetterSources sources, Shared.LocalDates dates, TimeProvider clock, CancellationToken cancel) =>
            FileAsync(jahr, "pdf", context, db, sources, dates, clock, cancel)).WithName(PdfRoute);
        return app;
    }

    /// <summary>Writes the document as ODT or PDF.</summary>
    public static byte[] Render(ReportDocument document, string format)
    {
        using var stream = new MemoryStream();
        if (format == "odt")
        {
            OdtWriter.Write(document, stream);
        }
        else
        {
            PdfWriter.Write(document, stream);
        }

        return stream.ToArray();
    }

    private static async Task<IResult> FileAsync(string? jahr, string format, HttpContext context, AufsichtDb db, Letters.LetterSources sources, Shared.LocalDates dates, TimeProvider clock, CancellationToken cancel)
    {
        var language = Web.UiLanguageMiddleware.Of(context);
        var today = dates.DayOf(clock.GetUtcNow().UtcDateTime);
        var year = ParseYear(jahr, "jahr", today.Year);
        if (!year.IsOk)
        {
            return Shared.Failures.Problem(year.Errors, language);
        }

        var figures = await CountAsync(db, year.Value, dates.Zone, cancel).ConfigureAwait(false);
        var authority = (await sources.AuthorityAsync(language, cancel).ConfigureAwait(false)).Name;
        var bytes = Render(Build(figures, authority, today, language), format);
        var name = $"jahresbericht-{year.Value.ToString(CultureInfo.InvariantCulture)}.{format}";
        return format == "odt"
            ? Results.File(bytes, "application/vnd.oasis.opendocument.text", name)
            : Results.File(bytes, "application/pdf", name);
    }
}
