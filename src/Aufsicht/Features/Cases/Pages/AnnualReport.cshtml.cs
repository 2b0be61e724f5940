using Aufsicht.Data;
using Aufsicht.Documents;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Cases.Pages;

/// <summary>The year's enforcement figures (Art. 59 GDPR) as a page, with the same report to download as ODT and PDF.</summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class AnnualReportModel(AufsichtDb db, Letters.LetterSources sources, TimeProvider clock) : AppPage
{
    /// <summary>The year shown, or asked for when it was refused (for the form).</summary>
    internal string Year { get; private set; } = string.Empty;

    internal int? ShownYear { get; private set; }

    /// <summary>The report; null when the year was refused.</summary>
    internal ReportDocument? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? jahr, CancellationToken cancel)
    {
        var today = Dates.DayOf(clock.GetUtcNow().UtcDateTime);
        var year = AnnualReport.ParseYear(jahr, "jahr", today.Year);
        if (!year.IsOk)
        {
            Year = jahr ?? string.Empty;
            return Fail(year.Errors);
        }

        ShownYear = year.Value;
        Year = year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var figures = await AnnualReport.CountAsync(db, year.Value, Dates.Zone, cancel).ConfigureAwait(true);
        var authority = (await sources.AuthorityAsync(Language, cancel).ConfigureAwait(true)).Name;
        Report = AnnualReport.Build(figures, authority, today, Language);
        return Page();
    }
}
