using Aufsicht.Core;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>
/// One work package: its name, planned months, what holds it and what it waits for; forms for its actual start and
/// end (<see cref="PlanProgress"/>) and its earliest and latest month (<see cref="PlanPackages"/>). Both forms carry
/// the revision shown: a package changed meanwhile is refused, nothing changed.
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class PackageModel(PlanProgressReader reader, PlanProgress progress, PlanPackages packages, AufsichtDb db, TimeProvider clock) : AppPage
{
    internal PlanPackagesView View { get; private set; } = null!;

    internal PackageLine Line { get; private set; } = null!;

    public bool CanChange { get; private set; }

    /// <summary>The form's values as typed, shown again after a refusal.</summary>
    public string ActualStart { get; private set; } = "";

    public string ActualEnd { get; private set; } = "";

    public string Earliest { get; private set; } = "";

    public string Latest { get; private set; } = "";

    /// <summary>The field whose input was refused, for aria-invalid.</summary>
    public IReadOnlySet<string> Invalid { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancel) =>
        await LoadAsync(id, cancel).ConfigureAwait(true) ? Page() : NotFound();

    public async Task<IActionResult> OnPostActualsAsync(long id, int revision, string? actualStart, string? actualEnd, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        (ActualStart, ActualEnd) = (actualStart ?? "", actualEnd ?? "");
        var errors = new List<Error>();
        var start = Month("actualStart", actualStart, errors);
        var end = Month("actualEnd", actualEnd, errors);
        if (errors.Count == 0 && Line.Row.Revision != revision)
        {
            errors.Add(Error.Conflict("revision", "plans.package.stale"));
        }

        if (errors.Count > 0)
        {
            return Refuse(errors);
        }

        var row = Line.Row;
        var user = User.Identity?.Name ?? "";
        // Saved in the same unit of work as the actuals, and only when they changed (SetActualsAsync saves then).
        await AuditLog.AddAsync(db, clock.GetUtcNow().UtcDateTime, user, "plans.audit.packageActuals", null,
            System.Text.Json.JsonSerializer.Serialize(new { plan = row.PlanId, package = row.Key, start = start?.ToString(), end = end?.ToString() }), cancel).ConfigureAwait(true);
        var stored = await progress.SetActualsAsync(row.PlanId, [new ActualInput(row.Key, start, end)], cancel).ConfigureAwait(true);
        if (!stored.IsOk)
        {
            db.ChangeTracker.Clear();
            return Refuse(stored.Errors.Select(e => e with { Field = e.Field.EndsWith(".end", StringComparison.Ordinal) ? "actualEnd" : "actualStart" }).ToList());
        }

        return RedirectToPage("/Plans/Pages/Package", null, new { id }, "tatsaechlich");
    }

    public async Task<IActionResult> OnPostDatesAsync(long id, int revision, string? earliest, string? latest, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancel).ConfigureAwait(true))
        {
            return NotFound();
        }

        (Earliest, Latest) = (earliest ?? "", latest ?? "");
        var set = await packages.SetDatesAsync(id, revision, earliest, latest, User.Identity?.Name ?? "", cancel).ConfigureAwait(true);
        return set.IsOk ? RedirectToPage("/Plans/Pages/Package", null, new { id }, "termine") : Refuse(set.Errors);
    }

    /// <summary>Shows the page again with each message led by the field it is about.</summary>
    private PageResult Refuse(IReadOnlyList<Error> errors)
    {
        Invalid = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        return Fail(Failures.Status(errors), errors.Select(e => (Texts.Has("plans.field." + e.Field) ? Texts.T(Language, "plans.field." + e.Field) + ": " : "") + Failures.Message(e, Language)).ToList());
    }

    private static YearMonth? Month(string field, string? text, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (PlanRows.ParseMonth(text) is { } month)
        {
            return month;
        }

        errors.Add(Error.Invalid(field, "plans.package.month.invalid", text.Trim()));
        return null;
    }

    private async Task<bool> LoadAsync(long packageId, CancellationToken cancel)
    {
        if (await reader.PlanOfPackageAsync(packageId, cancel).ConfigureAwait(true) is not { } planId
            || await reader.PackagesAsync(planId, cancel).ConfigureAwait(true) is not { } view)
        {
            return false;
        }

        View = view;
        Line = view.Packages.Single(p => p.Row.Id == packageId);
        static string M(DateOnly? d) => d is { } x ? PlanRows.MonthText(YearMonth.Of(x)) : "";
        (ActualStart, ActualEnd, Earliest, Latest) = (M(Line.Row.ActualStart), M(Line.Row.ActualEnd), M(Line.Row.Earliest), M(Line.Row.Latest));
        CanChange = await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true);
        return true;
    }
}
