using System.Globalization;
using Aufsicht.Core;
using Aufsicht.Data;
using Aufsicht.Documents;
using Aufsicht.Features.Accounts;
using Aufsicht.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Aufsicht.Features.Plans.Pages;

/// <summary>
/// One plan: its figures, where its computation stands, the milestones per pillar, the checks, the costs per year (all over
/// the whole plan) and its packages with what holds them, a hundred a page, filtered by body (<c>?stelle=</c>, with the
/// bodies below it) and pillar (<c>?saeule=</c>).
/// </summary>
[Authorize(Policy = Roles.Staff)]
internal sealed class PlanModel(PlanReader reader, PlanCompute compute, AufsichtDb db, LocalDates dates, TimeProvider clock) : AppPage
{
    internal PlanView View { get; private set; } = null!;

    /// <summary>Every row of the Gantt (the table lists them all); the picture shows <see cref="PlanGantt.MaxRows"/> at most.</summary>
    internal GanttChart Gantt { get; private set; } = null!;

    /// <summary>The bodies the Gantt can be narrowed to, and the one chosen (<c>?stelle=</c>).</summary>
    internal IReadOnlyList<GanttBody> Bodies { get; private set; } = [];

    public long? Body { get; private set; }

    /// <summary>A <c>?stelle=</c> that names no body of the plan, said in words.</summary>
    public string? BodyError { get; private set; }

    public bool CanChange { get; private set; }

    /// <summary>How many packages a page of the table shows.</summary>
    public const int PageSize = 100;

    /// <summary>Where the plan's computation stands, and the same in words (null when nothing waits and nothing failed).</summary>
    internal PlanComputeStatus Computation { get; private set; } = null!;

    public string? ComputationText { get; private set; }

    /// <summary>When and how long the last computation took (null before the first).</summary>
    public string? SolvedText { get; private set; }

    /// <summary>A failure of several errors, listed (null for one error or none: then <see cref="ComputationText"/> says it).</summary>
    public PlanFailureList? FailureList { get; private set; }

    /// <summary>The packages of the table's page, after the filters.</summary>
    internal IReadOnlyList<PackageLine> PagePackages { get; private set; } = [];

    /// <summary>How many packages the filters leave (all pages).</summary>
    public int Matching { get; private set; }

    /// <summary>The page shown (1-based) and how many there are.</summary>
    public int PageNumber { get; private set; } = 1;

    public int Pages { get; private set; } = 1;

    /// <summary>The pillar chosen (<c>?saeule=</c>), by wire name; null for all.</summary>
    public Core.Migration.Pillar? Pillar { get; private set; }

    /// <summary>Bad <c>?seite=</c> or <c>?saeule=</c>, said in words.</summary>
    public IReadOnlyList<string> TableErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, string? stelle, string? saeule, string? seite, CancellationToken cancel) =>
        await LoadAsync(id, cancel, stelle, saeule, seite).ConfigureAwait(true) ? Page() : NotFound();

    /// <summary>Queues the computation (the worker runs it) and sends the browser back with 303 See Other to the page, which shows it waiting or running.</summary>
    public async Task<IActionResult> OnPostComputeAsync(long id, string? seconds, CancellationToken cancel)
    {
        if (!await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true))
        {
            return Forbid();
        }

        int? limit = null;
        if (!string.IsNullOrWhiteSpace(seconds))
        {
            limit = int.TryParse(seconds.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        }

        var requested = limit == -1
            ? Result<PlanComputeStatus>.Fail([Error.Invalid("seconds", "plans.compute.seconds.invalid", seconds!.Trim(), PlanCompute.MaxSeconds.ToString(CultureInfo.InvariantCulture))])
            : await compute.RequestAsync(id, limit, User.Identity?.Name ?? "", cancel).ConfigureAwait(true);
        if (!requested.IsOk)
        {
            return await LoadAsync(id, cancel).ConfigureAwait(true) ? Fail(requested.Errors) : NotFound();
        }

        Response.Headers.Location = Url.Page("/Plans/Pages/Plan", null, new { id }, null, null, "berechnung");
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task<bool> LoadAsync(long planId, CancellationToken cancel, string? stelle = null, string? saeule = null, string? seite = null)
    {
        if (await reader.ViewAsync(planId, Language, cancel).ConfigureAwait(true) is not { } view)
        {
            return false;
        }

        View = view;
        Computation = PlanComputeStatus.Of(view.Plan);
        // Packages are looked up only for a failure's few arguments: no index over every package on each page load.
        string? Name(string key) => view.Packages.FirstOrDefault(p => p.Row.Key == key) is { } line ? PlansText.PackageName(line, Language) : null;
        // A failure of several errors is listed; the one-line text (which would build the same list) only otherwise.
        FailureList = PlanCompute.FailureList(Computation, dates, clock.GetUtcNow().UtcDateTime, Language, Name);
        ComputationText = FailureList is null ? PlanCompute.Describe(Computation, dates, clock.GetUtcNow().UtcDateTime, Language, Name) : null;
        SolvedText = PlanCompute.Solved(Computation, dates, Language);
        Bodies = await PlanGantt.BodiesAsync(db, view, cancel).ConfigureAwait(true);
        IReadOnlyList<GanttBody>? subtree = null;
        if (!string.IsNullOrWhiteSpace(stelle))
        {
            if (long.TryParse(stelle.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bodyId) && Bodies.Any(b => b.Id == bodyId))
            {
                Body = bodyId;
                subtree = PlanGantt.Subtree(Bodies, bodyId);
            }
            else
            {
                BodyError = Texts.T(Language, "plans.gantt.filter.unknown", stelle.Trim());
            }
        }

        Gantt = PlanGantt.Build(view, Language, dates.DayOf(clock.GetUtcNow().UtcDateTime), subtree);
        CanChange = await AllowedAsync(Roles.CanPlanMigration).ConfigureAwait(true);
        Table(view, subtree, saeule, seite);
        return true;
    }

    /// <summary>The table's page: the packages of the chosen bodies and pillar, a hundred from the page asked for.</summary>
    private void Table(PlanView view, IReadOnlyList<GanttBody>? subtree, string? saeule, string? seite)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(saeule))
        {
            if (Core.Migration.MigrationNames.TryParse<Core.Migration.Pillar>(saeule, out var pillar))
            {
                Pillar = pillar;
            }
            else
            {
                errors.Add(Texts.T(Language, "plans.packages.pillar.invalid", saeule.Trim(),
                    string.Join(", ", Enum.GetValues<Core.Migration.Pillar>().Select(p => Texts.T(Language, "migration.pillar." + Core.Migration.MigrationNames.Wire(p))))));
            }
        }

        var bodies = subtree?.Select(b => b.Id).ToHashSet();
        var matching = view.Packages.Where(p => (bodies is null || bodies.Contains(p.Row.BodyId)) && (Pillar is null || p.Row.Pillar == Pillar)).ToList();
        Matching = matching.Count;
        Pages = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        if (!string.IsNullOrWhiteSpace(seite))
        {
            if (int.TryParse(seite.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= Pages)
            {
                PageNumber = number;
            }
            else
            {
                errors.Add(Texts.T(Language, "plans.packages.page.invalid", seite.Trim(), Documents.ReportFormat.Number(Pages, Language)));
            }
        }

        PagePackages = matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        TableErrors = errors;
    }

    /// <summary>The query of another page of the table, keeping the filters.</summary>
    internal Dictionary<string, string> PageRoute(int page)
    {
        var route = new Dictionary<string, string> { ["id"] = View.Plan.Id.ToString(CultureInfo.InvariantCulture) };
        if (Body is { } b)
        {
            route["stelle"] = b.ToString(CultureInfo.InvariantCulture);
        }

        if (Pillar is { } p)
        {
            route["saeule"] = Core.Migration.MigrationNames.Wire(p);
        }

        if (page > 1)
        {
            route["seite"] = page.ToString(CultureInfo.InvariantCulture);
        }

        return route;
    }
}
