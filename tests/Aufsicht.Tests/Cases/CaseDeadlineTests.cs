using Aufsicht.Core.Cases;
using Aufsicht.Data;
using Aufsicht.Features.Cases;
using Aufsicht.Tests.Web;
using Aufsicht.Web;
using Xunit;

namespace Aufsicht.Tests.Cases;

[Trait("Category", "Database")]
public sealed class CaseDeadlineTestsOnSqlite : CaseDeadlineTests
{
    protected override string Database => "sqlite";
}

[Trait("Category", "Database")]
public sealed class CaseDeadlineTestsOnPostgres : CaseDeadlineTests
{
    protected override string Database => "postgres";
}

/// <summary>
/// The deadlines query on each database: which deadline counts in which state (the hearing's in Hearing, the
/// compliance one's in Decided, none otherwise), per handler or for everyone, and which cases are overdue on a day.
/// </summary>
[Trait("Category", "Database")]
public abstract class CaseDeadlineTests
{
    private static readonly DateOnly Today = new(2026, 12, 16);

    protected abstract string Database { get; }

    private async Task<AufsichtDb> OpenAsync()
    {
        var dir = Directory.CreateTempSubdirectory("aufsicht-deadlines-").FullName;
        var options = new ServerOptions(dir, Database == "postgres" ? PostgresServer.NewDatabase() : null, null);
        var db = DatabaseSetup.Open(options);
        await DatabaseSetup.MigrateAsync(db, options, CancellationToken.None);
        return db;
    }

    /// <summary>One case in every state, for handlers "anna" and "ben", with hearing and compliance deadlines around <see cref="Today"/>.</summary>
    private static async Task<Dictionary<string, long>> SeedAsync(AufsichtDb db)
    {
        var school = await CaseRows.BodyAsync(db, "Schule am See");
        var office = await CaseRows.BodyAsync(db, "Amt Nordwest");
        return new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["hearing-passed"] = await CaseRows.CaseAsync(db, school, "LfDI-2026-0001", CaseState.Hearing, "anna", hearing: Today.AddDays(-1)),
            ["hearing-today"] = await CaseRows.CaseAsync(db, office, "LfDI-2026-0002", CaseState.Hearing, "anna", hearing: Today),
            ["decided-passed"] = await CaseRows.CaseAsync(db, office, "LfDI-2026-0003", CaseState.Decided, "ben", hearing: Today.AddDays(-40), compliance: Today.AddDays(-2)),
            ["decided-later"] = await CaseRows.CaseAsync(db, school, "LfDI-2026-0004", CaseState.Decided, "anna", hearing: Today.AddDays(-40), compliance: Today.AddDays(30)),
            ["statement"] = await CaseRows.CaseAsync(db, school, "LfDI-2026-0005", CaseState.StatementReceived, "anna", hearing: Today.AddDays(-5)),
            ["follow-up"] = await CaseRows.CaseAsync(db, school, "LfDI-2026-0006", CaseState.FollowUp, "anna", hearing: Today.AddDays(-60), compliance: Today.AddDays(-3)),
            ["closed"] = await CaseRows.CaseAsync(db, school, "LfDI-2026-0007", CaseState.Closed, "anna", hearing: Today.AddDays(-9)),
            ["opened"] = await CaseRows.CaseAsync(db, school, "LfDI-2026-0008", CaseState.Opened, "anna"),
            ["unassigned"] = await CaseRows.CaseAsync(db, office, "LfDI-2026-0009", CaseState.Hearing, null, hearing: Today.AddDays(3)),
        };
    }

    [Fact]
    public async Task OpenAsync_EveryState_CountsOnlyTheHearingInHearingAndComplianceInDecided()
    {
        await using var db = await OpenAsync();
        var cases = await SeedAsync(db);

        var open = await CaseDeadlines.OpenAsync(db, handlerId: null, CancellationToken.None);

        Assert.Equal(
            [
                (cases["decided-passed"], DeadlineKind.Compliance, Today.AddDays(-2), "Amt Nordwest", "LfDI-2026-0003"),
                (cases["hearing-passed"], DeadlineKind.Hearing, Today.AddDays(-1), "Schule am See", "LfDI-2026-0001"),
                (cases["hearing-today"], DeadlineKind.Hearing, Today, "Amt Nordwest", "LfDI-2026-0002"),
                (cases["unassigned"], DeadlineKind.Hearing, Today.AddDays(3), "Amt Nordwest", "LfDI-2026-0009"),
                (cases["decided-later"], DeadlineKind.Compliance, Today.AddDays(30), "Schule am See", "LfDI-2026-0004"),
            ],
            open.Select(d => (d.CaseId, d.Kind, d.Date, d.BodyName, d.FileNumber)));
    }

    [Fact]
    public async Task OpenAsync_OneHandler_OnlyTheirCases()
    {
        await using var db = await OpenAsync();
        var cases = await SeedAsync(db);

        var anna = await CaseDeadlines.OpenAsync(db, "anna", CancellationToken.None);
        var nobody = await CaseDeadlines.OpenAsync(db, "carla", CancellationToken.None);

        Assert.Equal([cases["hearing-passed"], cases["hearing-today"], cases["decided-later"]], anna.Select(d => d.CaseId));
        Assert.All(anna, d => Assert.Equal("anna", d.HandlerId));
        Assert.Empty(nobody);
    }

    [Fact]
    public async Task OverdueAsync_OnADay_PassedHearingAndComplianceDeadlinesOnly()
    {
        await using var db = await OpenAsync();
        var cases = await SeedAsync(db);

        var overdue = await CaseDeadlines.OverdueAsync(db, Today, handlerId: null, CancellationToken.None);
        var annas = await CaseDeadlines.OverdueAsync(db, Today, "anna", CancellationToken.None);
        var nextDay = await CaseDeadlines.OverdueAsync(db, Today.AddDays(1), handlerId: null, CancellationToken.None);

        // The deadline is the period's last day: a hearing ending today is not overdue yet, but is tomorrow.
        Assert.Equal([(cases["decided-passed"], DeadlineKind.Compliance), (cases["hearing-passed"], DeadlineKind.Hearing)], overdue.Select(d => (d.CaseId, d.Kind)));
        Assert.Equal([cases["hearing-passed"]], annas.Select(d => d.CaseId));
        Assert.Equal([cases["decided-passed"], cases["hearing-passed"], cases["hearing-today"]], nextDay.Select(d => d.CaseId));
    }

    [Fact]
    public async Task EndingAsync_ARange_OnlyCasesWithAHandler()
    {
        await using var db = await OpenAsync();
        var cases = await SeedAsync(db);

        var ending = await CaseDeadlines.EndingAsync(db, Today, Today.AddDays(3), CancellationToken.None);

        Assert.Equal([cases["hearing-today"]], ending.Select(d => d.CaseId));
    }
}
