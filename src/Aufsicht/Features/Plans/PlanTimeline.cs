using Aufsicht.Core.Fines;
using Aufsicht.Core.Law;
using Aufsicht.Core.Migration;
using Aufsicht.Documents;
using Aufsicht.Features.Accounts;

namespace Aufsicht.Features.Plans;

/// <summary>
/// The timeline (Zeitschiene) of a plan for the government and the commissioner, as ODT and PDF: the plan's figures,
/// the Gantt per pillar, the milestones, the targets per pillar (and the lines without one), the checks, the costs per year and the assumptions.
/// </summary>
internal static class PlanTimeline
{
    /// <summary>The download endpoints' names, for links.</summary>
    public const string OdtRoute = "PlanTimelineOdt", PdfRoute = "PlanTimelinePdf";

    /// <summary>How many checks the document lists one by one; the rest are counted.</summary>
    public const int ListedWarnings = 50;

    /// <summary>The plan as a document: the same blocks for the ODT and the PDF.</summary>
    public static ReportDocument Build(PlanView view, IReadOnlyList<PlanningParameter> parameters, DateOnly made, DateOnly? computed, Language language)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(view);
        string T(string key) => Texts.T(language, key);
        string Money(decimal amount) => FineFormat.Money(Math.Round(amount, 0, MidpointRounding.AwayFromZero), language);
        var plan = view.Plan;
        var start = YearMonth.Of(plan.PlanStart);

        List<Block> blocks =
        [
            new KeyValues(
            [
                new(T("plans.timeline.plan"), plan.Name),
                new(T("plans.timeline.computed"), computed is { } day ? ReportFormat.Date(day, language) : T("plans.status.none")),
                new(T("plans.col.status"), T("plans.status." + (plan.SolveStatus ?? "none"))),
                new(T("plans.col.start"), PlanRows.MonthText(start)),
                new(T("plans.col.end"), plan.Makespan is { } m ? PlanRows.MonthText(start.Plus(m)) : "–"),
                new(T("plans.col.bound"), plan.LowerBound is { } lb ? PlanRows.MonthText(start.Plus(lb)) : "–"),
                new(T("plans.col.packages"), ReportFormat.Number(view.Packages.Count, language)),
                new(T("plans.timeline.made"), ReportFormat.Date(made, language)),
            ]),
            new Paragraph(T("plans.timeline.intro")),
            new Heading(T("plans.gantt")),
        ];

        var gantt = PlanGantt.Build(view, language, null);
        if (gantt.Rows.Count == 0)
        {
            blocks.Add(new Paragraph(T("plans.gantt.none")));
        }
        else
        {
            blocks.Add(new Chart(gantt));
            blocks.Add(new Paragraph(T("plans.gantt.legend")));
            blocks.Add(PlanGantt.Periods(gantt, language));
        }

        blocks.Add(new Heading(T("plans.milestones")));
        blocks.Add(new Table(
            T("plans.milestones.caption"),
            [T("plans.col.pillar"), T("plans.col.rolledOut"), T("plans.col.licencesEnd")],
            [.. view.Milestones.Select(m => (IReadOnlyList<string>)[Pillar(m.Pillar, language), m.RolledOut is { } r ? PlanRows.MonthText(r) : "–", m.LicencesEnd is { } e ? PlanRows.MonthText(e) : "–"])]));

        blocks.Add(new Heading(T("plans.targets")));
        if (view.Targets is not { } targets)
        {
            blocks.Add(new Paragraph(T("plans.targets.unknown")));
        }
        else
        {
            blocks.Add(new Table(
                T("plans.targets.caption"),
                [T("plans.col.pillar"), T("plans.targets.col.target"), T("plans.targets.col.status"), T("plans.targets.col.bodies")],
                [.. targets.Rows.Select(r => (IReadOnlyList<string>)[Pillar(r.Pillar, language), r.Name, T(PlanTargets.StatusKey(r.Status)), ReportFormat.Number(r.Bodies, language)])]));
            if (targets.Flagged.Count > 0)
            {
                blocks.Add(new Table(
                    Texts.T(language, "plans.targets.flagged", ReportFormat.Number(targets.Flagged.Count, language)),
                    [T("plans.targets.col.body"), T("plans.targets.col.product"), T("plans.col.pillar"), T("plans.targets.col.reason")],
                    [.. targets.Flagged.Take(ListedWarnings).Select(f => (IReadOnlyList<string>)
                        [view.BodyNames.GetValueOrDefault(f.BodyId, "–"), f.ProductName, Pillar(f.Reason.Pillar, language), Migration.MigrationPlanText.Reason(f.Reason, language)])]));
                if (targets.Flagged.Count > ListedWarnings)
                {
                    blocks.Add(new Paragraph(Texts.T(language, "plans.targets.flagged.more", ReportFormat.Number(targets.Flagged.Count - ListedWarnings, language))));
                }
            }
        }

        blocks.Add(new Heading(T("plans.warnings")));
        if (view.Warnings.Count == 0)
        {
            blocks.Add(new Paragraph(T("plans.warnings.none")));
        }
        else
        {
            var ordered = view.Warnings.OrderBy(w => w.Kind).ToList();
            blocks.Add(new Table(
                T("plans.timeline.checks.summary"),
                [T("plans.timeline.checks.kind"), T("plans.timeline.checks.count")],
                [.. ordered.GroupBy(w => w.Kind).Select(g => (IReadOnlyList<string>)[T("plans.timeline.kind." + g.Key), ReportFormat.Number(g.Count(), language)])]));
            var names = view.Packages.ToDictionary(p => p.Row.Key, p => PlansText.PackageName(p, language), StringComparer.Ordinal);
            blocks.Add(new Table(
                T("plans.timeline.checks.caption"),
                [T("plans.timeline.checks.kind"), T("plans.timeline.checks.where"), T("plans.timeline.checks.what")],
                [.. ordered.Take(ListedWarnings).Select(w => (IReadOnlyList<string>)
                [
                    T("plans.timeline.kind." + w.Kind),
                    w.BodyId is { } b ? view.BodyNames.GetValueOrDefault(b, "–") + (w.Pillar is { } p ? " · " + Pillar(p, language) : "") : "–",
                    Texts.T(language, w.Key, [.. w.Args.Select(a => (object)names.GetValueOrDefault(a, a))]),
                ])]));
            if (ordered.Count > ListedWarnings)
            {
                blocks.Add(new Paragraph(Texts.T(language, "plans.warnings.more", ReportFormat.Number(ordered.Count - ListedWarnings, language))));
            }
        }

        blocks.Add(new Heading(T("plans.costs")));
        if (view.Costs.Count == 0)
        {
            blocks.Add(new Paragraph(T("plans.gantt.none")));
        }
        else
        {
            blocks.Add(new Chart(PlanGantt.Costs(view.Costs, language)));
            blocks.Add(new Table(
                T("plans.costs.caption"),
                [T("plans.col.year"), T("plans.col.licencesPaid"), T("plans.col.licencesSaved"), T("plans.col.oneOff"), T("plans.col.staff"), T("plans.col.running"), T("plans.col.net")],
                [.. view.Costs.Select(c => (IReadOnlyList<string>)[c.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Money(c.LicencesPaid), Money(c.LicencesSaved), Money(c.OneOff), Money(c.Staff), Money(c.Running), Money(c.Net)])]));
        }

        var capacities = PlanCapacities.FromJson(plan.CalendarJson);
        blocks.Add(new Heading(T("plans.timeline.assumptions")));
        blocks.Add(new Table(
            T("plans.timeline.capacities"),
            [T("plans.timeline.resource"), T("plans.timeline.perMonth")],
            [
                [T("plans.form.team"), ReportFormat.Number(capacities.Team, language)],
                [T("plans.form.trainers"), ReportFormat.Number(capacities.Trainers, language)],
                [T("plans.form.support"), ReportFormat.Number(capacities.Support, language)],
            ]));
        var used = Used(view, parameters).ToList();
        blocks.Add(new Paragraph(T("plans.parameters.intro")));
        blocks.Add(new Table(
            T("plans.parameters.caption"),
            [T("plans.parameters.name"), T("plans.parameters.value"), T("plans.parameters.basis")],
            [.. used.Select(p => (IReadOnlyList<string>)
            [
                T("plans.parameter." + p.Id),
                Value(p, language) + " " + PlanParametersText.Unit(p, language),
                PlanParametersText.Basis(p, language),
            ])]));
        if (used.Any(p => p.Sources.Count > 0))
        {
            blocks.Add(new Heading(T("plans.parameters.sourcesHeading"), 2));
            blocks.AddRange(PlanParametersText.Sources(used, language).Select(s => new Paragraph(s)));
        }
        return new ReportDocument(T("plans.timeline.title"), plan.Name, language, blocks);
    }

    /// <summary>Maps the downloads beside the plan page: <c>/migration/plaene/7/zeitschiene.odt</c> and <c>.pdf</c>, for staff.</summary>
    public static IEndpointRouteBuilder MapPlanTimeline(this IEndpointRouteBuilder app)
    {
        var plans = app.MapGroup("/migration/plaene").RequireAuthorization(Roles.Staff).ExcludeFromDescription();
        plans.MapGet("/{id:long}/zeitschiene.odt", (long id, HttpContext context, PlanReader reader, MigrationData migration, Shared.LocalDates dates, TimeProvider clock, CancellationToken cancel) =>
            FileAsync(id, "odt", context, reader, migration, dates, clock, cancel)).WithName(OdtRoute);
        plans.MapGet("/{id:long}/zeitschiene.pdf", (long id, HttpContext context, PlanReader reader, MigrationData migration, Shared.LocalDates dates, TimeProvider clock, CancellationToken cancel) =>
            FileAsync(id, "pdf", context, reader, migration, dates, clock, cancel)).WithName(PdfRoute);
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

    /// <summary>
    /// The parameters this plan's packages were generated with: the effort of each pillar it moves, the applications'
    /// efforts where it has such packages, and every parameter of pace, capacity, calendar and cost. A plan keeps no
    /// parameters of its own yet (its ParametersJson is empty), so the values are the installation's.
    /// </summary>
    public static IEnumerable<PlanningParameter> Used(PlanView view, IReadOnlyList<PlanningParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(parameters);
        var pillars = view.Packages.Select(p => "effort." + MigrationNames.Wire(p.Row.Pillar)).ToHashSet(StringComparer.Ordinal);
        var phases = view.Packages.Select(p => "effort." + p.Row.Phase).ToHashSet(StringComparer.Ordinal);
        return parameters.Where(p => p.Id switch
        {
            "effort.preparation" => true,
            "effort.make-compatible" or "effort.replace" or "effort.assess" => phases.Contains(p.Id),
            _ when p.Id.StartsWith("effort.", StringComparison.Ordinal) => pillars.Contains(p.Id),
            _ => true,
        });
    }

    /// <summary>A parameter's value as its readers write it („0,03“ / "0.03"); the unit beside it says what it counts (euros too).</summary>
    private static string Value(PlanningParameter parameter, Language language) => FineFormat.Plain(parameter.Value, language);

    private static string Pillar(Pillar pillar, Language language) => Texts.T(language, "migration.pillar." + MigrationNames.Wire(pillar));

    private static async Task<IResult> FileAsync(long id, string format, HttpContext context, PlanReader reader, MigrationData migration, Shared.LocalDates dates, TimeProvider clock, CancellationToken cancel)
    {
        var language = Web.UiLanguageMiddleware.Of(context);
        if (await reader.ViewAsync(id, language, cancel).ConfigureAwait(false) is not { } view)
        {
            return Shared.Failures.Problem([Core.Error.NotFound("id", "plans.notFound", id.ToString(System.Globalization.CultureInfo.InvariantCulture))], language);
        }

        var today = dates.DayOf(clock.GetUtcNow().UtcDateTime);
        DateOnly? computed = view.Plan.SolvedAt is { } solved ? dates.DayOf(solved) : null;
        var bytes = Render(Build(view, migration.ParameterEntries, today, computed, language), format);
        var name = $"zeitschiene-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{format}";
        return format == "odt"
            ? Results.File(bytes, "application/vnd.oasis.opendocument.text", name)
            : Results.File(bytes, "application/pdf", name);
    }
}
