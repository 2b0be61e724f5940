using System.Globalization;
using Aufsicht.Cli;
using Aufsicht.Core.Migration;
using Aufsicht.Core.Scheduling;
using Aufsicht.Web;

namespace Aufsicht.Features.Plans;

/// <summary>
/// <c>aufsicht plan create|compute</c>: a migration plan from the inventory on the server's database, and its
/// computation (CP-SAT), with the same use cases the pages will use. <c>plan solve</c> (the scheduling core's public
/// contract) is <c>Features.Scheduling.PlanCommand</c>.
/// </summary>
internal static class PlanCommands
{
    public const string CreateUsage = "aufsicht plan create --name NAME --start YYYY-MM [--objective makespan|cost|weighted] [--team N] [--trainers N] [--support N] [--bundle opendesk] [--authority ID] [--data-dir DIR] [--database CONNECTION] [--data DIR]";
    public const string ComputeUsage = "aufsicht plan compute <plan-id> [--time-limit SECONDS] [--data-dir DIR] [--database CONNECTION] [--data DIR]";

    public static async Task<int> CreateAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        var l = context.Language;
        var a = Arguments.Parse("plan create", args, ["--name", "--start", "--objective", "--team", "--trainers", "--support", "--bundle", "--authority", "--data-dir", "--database", "--data"], [], l);
        a.ExpectPositional(0, 0, CreateUsage);
        var name = a.Option("--name") ?? throw new InputException(Texts.T(l, "plans.cli.nameMissing", CreateUsage));
        var start = PlanRows.ParseMonth(a.Option("--start")) ?? throw new InputException(Texts.T(l, "plans.cli.startInvalid", a.Option("--start") ?? ""));
        var objective = a.Choice("--objective", "makespan", "makespan", "cost", "weighted") switch
        {
            "cost" => Objective.Cost,
            "weighted" => Objective.Weighted,
            _ => Objective.Makespan,
        };
        var capacities = new PlanCapacities(Count(a, "--team", PlanCapacities.Default.Team, l), Count(a, "--trainers", PlanCapacities.Default.Trainers, l), Count(a, "--support", PlanCapacities.Default.Support, l));
        await using var scope = await OpenAsync(a, context, cancel).ConfigureAwait(false);
        var result = await scope.Store.CreateAsync(new PlanDraft(name, a.Option("--authority"), start, objective, capacities, a.Option("--bundle")), "cli", cancel)
            .ConfigureAwait(false);
        if (!result.IsOk)
        {
            return CliFailures.Print(result.Errors, context, string.Empty);
        }

        var packages = await scope.CountAsync(result.Value, cancel).ConfigureAwait(false);
        context.Terminal.Writer.WriteLine(Texts.T(l, "plans.cli.created", result.Value, Documents.ReportFormat.Number(packages, l)));
        if (await scope.FlaggedAsync(result.Value, cancel).ConfigureAwait(false) is > 0 and var flagged)
        {
            context.Terminal.Writer.WriteLine(Texts.T(l, "plans.cli.flagged", Documents.ReportFormat.Number(flagged, l)));
        }

        return ExitCode.Ok;
    }

    public static async Task<int> ComputeAsync(IEnumerable<string> args, CliContext context, CancellationToken cancel)
    {
        var l = context.Language;
        var a = Arguments.Parse("plan compute", args, ["--time-limit", "--data-dir", "--database", "--data"], [], l);
        a.ExpectPositional(1, 1, ComputeUsage);
        if (!long.TryParse(a.Positional[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new InputException(Texts.T(l, "plans.cli.notPlanId", a.Positional[0]));
        }

        var seconds = Count(a, "--time-limit", 30, l);
        await using var scope = await OpenAsync(a, context, cancel).ConfigureAwait(false);
        var result = await scope.Store.ComputeAsync(id, TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 600)), cancel).ConfigureAwait(false);
        if (!result.IsOk)
        {
            return CliFailures.Print(result.Errors, context, string.Empty);
        }

        var r = result.Value;
        var o = context.Terminal.Writer;
        o.WriteLine(Texts.T(l, "plans.cli.status." + MigrationNames.Wire(r.Status), Documents.ReportFormat.Number(r.Packages, l)));
        if (r.End is { } end)
        {
            o.WriteLine(Texts.T(l, "plans.cli.end", PlanRows.MonthText(end), r.EarliestPossibleEnd is { } lb ? PlanRows.MonthText(lb) : "–",
                Documents.ReportFormat.Percent((double)((r.Gap ?? 0m) * 100m), l)));
        }

        return r.Status is ScheduleStatus.Optimal or ScheduleStatus.Feasible ? ExitCode.Ok : ExitCode.Failure;
    }

    private static int Count(Arguments a, string option, int fallback, Core.Law.Language l) =>
        a.Option(option) is not { } text ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 100_000 ? n
        : throw new InputException(Texts.T(l, "plans.cli.notCount", option, text));

    private static async Task<PlanScope> OpenAsync(Arguments a, CliContext context, CancellationToken cancel)
    {
        var options = ServerOptions.From(a);
        var db = DatabaseSetup.Open(options);
        await DatabaseSetup.MigrateAsync(db, options, cancel, context.Language).ConfigureAwait(false);
        var folder = DataFolder.Locate(a.Option("--data"), context.Language);
        var catalog = new Catalog.CatalogStore(DataFolder.Load(folder, context.Language));
        var data = MigrationData.Load(folder);
        return new PlanScope(db, new PlanStore(db, catalog, data, context.Clock), data);
    }

    private sealed record PlanScope(Data.AufsichtDb Db, PlanStore Store, MigrationData Data) : IAsyncDisposable
    {
        /// <summary>The lines of the inventory the plan found no green target for.</summary>
        public async Task<int> FlaggedAsync(long plan, CancellationToken cancel)
        {
            var json = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(Db.MigrationPlans.Where(p => p.Id == plan).Select(p => p.TargetsJson), cancel).ConfigureAwait(false);
            return PlanTargets.Read(json, Data, Core.Law.Language.De)?.Flagged.Count ?? 0;
        }

        public Task<int> CountAsync(long plan, CancellationToken cancel) =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(Db.PlanPackages, p => p.PlanId == plan, cancel);

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }
}
