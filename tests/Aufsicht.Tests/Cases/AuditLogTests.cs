using Aufsicht.Data;
using Aufsicht.Tests.Web;
using Aufsicht.Web;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Aufsicht.Tests.Cases;

/// <summary>
/// The audit log of case actions on SQLite and PostgreSQL: entries chain by hash; the database refuses to change or
/// delete them; and where someone changes a row anyway (triggers dropped), <c>aufsicht audit verify</c> names the
/// first broken entry.
/// </summary>
[Trait("Category", "Database")]
public sealed class AuditLogTests
{
    public static TheoryData<string> Databases => new() { "sqlite", "postgres" };

    private static async Task<(AufsichtDb Db, ServerOptions Options)> OpenAsync(string database)
    {
        var dir = Directory.CreateTempSubdirectory("aufsicht-audit-").FullName;
        var options = new ServerOptions(dir, database == "postgres" ? PostgresServer.NewDatabase() : null, null);
        var db = DatabaseSetup.Open(options);
        await DatabaseSetup.MigrateAsync(db, options, CancellationToken.None);
        return (db, options);
    }

    private static string[] Where(ServerOptions options) =>
        options.Database is { } connection ? ["--database", connection] : ["--data-dir", options.DataDir];

    private static async Task AppendAsync(AufsichtDb db, int count)
    {
        var at = new DateTime(2026, 12, 16, 9, 30, 0, DateTimeKind.Utc).AddTicks(1234567);
        for (var i = 0; i < count; i++)
        {
            await AuditLog.AddAsync(db, at.AddMinutes(i), "sachbearbeitung@aufsicht.example", "case.start-hearing", 7, $$"""{"deadline":"2027-01-0{{i % 9 + 1}}"}""", CancellationToken.None);
            if (i % 2 == 0)
            {
                await db.SaveChangesAsync(); // some saved one by one, some two in one unit of work
            }
        }

        await db.SaveChangesAsync();
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Verify_IntactChain_ReportsEveryEntry(string database)
    {
        var (db, options) = await OpenAsync(database);
        await using (db)
        {
            await AppendAsync(db, 5);
            Assert.Equal([1L, 2, 3, 4, 5], db.AuditLog.OrderBy(a => a.Sequence).Select(a => a.Sequence).ToArray());
        }

        var result = Cli.Run(["audit", "verify", .. Where(options)]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Audit-Protokoll unversehrt: 5 Einträge", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Database_RefusesToChangeOrDeleteAnEntry(string database)
    {
        var (db, _) = await OpenAsync(database);
        await using (db)
        {
            await AppendAsync(db, 2);
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_log SET \"Actor\" = 'x' WHERE \"Sequence\" = 1"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_log WHERE \"Sequence\" = 2"));
            Assert.Equal(2, await db.AuditLog.CountAsync());
        }
    }

    [Theory]
    [InlineData("sqlite", "UPDATE audit_log SET \"DataJson\" = '{{\"deadline\":\"2027-03-01\"}}' WHERE \"Sequence\" = 3", "Eintrag 3 wurde nachträglich verändert", "Die 2 Einträge davor")]
    [InlineData("postgres", "UPDATE audit_log SET \"Actor\" = 'jemand@example.org' WHERE \"Sequence\" = 2", "Eintrag 2 wurde nachträglich verändert", "Die 1 Einträge davor")]
    [InlineData("sqlite", "DELETE FROM audit_log WHERE \"Sequence\" = 4", "Vor Eintrag 5 fehlen Einträge", "Die 3 Einträge davor")]
    [InlineData("postgres", "DELETE FROM audit_log WHERE \"Sequence\" = 1", "Vor Eintrag 2 fehlen Einträge", "Die 0 Einträge davor")]
    public async Task Verify_RowChangedInTheDatabase_NamesTheFirstBrokenEntry(string database, string tamper, string expected, string intact)
    {
        var (db, options) = await OpenAsync(database);
        await using (db)
        {
            await AppendAsync(db, 6);
            // Someone with direct access removes the guard first, as an attacker would.
            await db.Database.ExecuteSqlRawAsync(AuditLogTriggers.Drop(postgres: database == "postgres"));
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(tamper));
        }

        var result = Cli.Run(["audit", "verify", .. Where(options)]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
        Assert.Contains(intact, result.Stdout, StringComparison.Ordinal);

        var english = Cli.Run(["audit", "verify", "--lang", "en", .. Where(options)]);
        Assert.Equal(1, english.ExitCode);
        Assert.Contains("Audit log broken", english.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_UnknownSubcommand_NamesTheRightOne()
    {
        var result = Cli.Run("audit", "check");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("audit verify", result.Stderr, StringComparison.Ordinal);
    }
}
