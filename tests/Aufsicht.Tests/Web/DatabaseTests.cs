using System.Text;
using Aufsicht.Core.DataFiles;
using Aufsicht.Data;
using Aufsicht.Features.Catalog;
using Aufsicht.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aufsicht.Tests.Web;

/// <summary>The catalogue in the database, on SQLite and on PostgreSQL: migrations, first load, updates that keep edits.</summary>
[Trait("Category", "Database")]
public sealed class DatabaseTests
{
    public static TheoryData<string> Databases => new() { "sqlite", "postgres" };

    private static async Task<(AufsichtDb Db, string Cleanup)> OpenAsync(string database)
    {
        var dir = Directory.CreateTempSubdirectory("aufsicht-db-").FullName;
        var options = new ServerOptions(dir, database == "postgres" ? PostgresServer.NewDatabase() : null, null);
        var db = DatabaseSetup.Open(options);
        await DatabaseSetup.MigrateAsync(db, options, CancellationToken.None);
        return (db, dir);
    }

    private static List<DataFile> Shipped() => Aufsicht.Cli.DataFolder.Files(Path.Combine(Cli.Repository, "data"));

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Import_FirstStartLoadsAll_SecondChangesNothing(string database)
    {
        var (db, dir) = await OpenAsync(database);
        using (db)
        {
            var shipped = Shipped();
            var count = shipped.Count(f => f.Path.StartsWith("services/", StringComparison.Ordinal));
            var first = await CatalogImport.RunAsync(db, shipped, DateTime.UtcNow, CancellationToken.None);
            Assert.Equal(new ImportReport(count, 0, 0, 0), first);
            Assert.Equal(count, db.Snapshots.Count());
            var version = await CatalogVersion.ReadAsync(db, CancellationToken.None);
            Assert.True(version > 0);

            var second = await CatalogImport.RunAsync(db, shipped, DateTime.UtcNow, CancellationToken.None);
            Assert.Equal(new ImportReport(0, 0, count, 0), second);
            Assert.Equal(version, await CatalogVersion.ReadAsync(db, CancellationToken.None));
        }

        Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Import_ShippedChange_UpdatesUneditedSnapshot_ButKeepsAnEdit(string database)
    {
        var (db, dir) = await OpenAsync(database);
        using (db)
        {
            var shipped = Shipped();
            await CatalogImport.RunAsync(db, shipped, DateTime.UtcNow, CancellationToken.None);

            // Somebody edits Zoom's 2020 snapshot in the app.
            var zoom = db.Snapshots.Single(s => s.ServiceId == "zoom" && s.FactsAsOf == new DateOnly(2020, 7, 3));
            zoom.Origin = SnapshotOrigin.Edited;
            zoom.ProfileJson = zoom.ProfileJson.Replace("\"Zoom Meetings\"", "\"Zoom Meetings (edited)\"", StringComparison.Ordinal);
            db.SaveChanges();

            // A new release changes both Zoom's and Wire's shipped files.
            var release = shipped.Select(f => f.Path is "services/zoom/2020-07-03.json" or "services/wire/2020-07-03.json"
                ? f with { Content = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(f.Content.Span) + "\n ") }
                : f).ToList();
            var report = await CatalogImport.RunAsync(db, release, DateTime.UtcNow, CancellationToken.None);
            Assert.Equal(1, report.Updated);
            Assert.Equal(1, report.Conflicts);

            db.ChangeTracker.Clear();
            var kept = db.Snapshots.Single(s => s.ServiceId == "zoom" && s.FactsAsOf == new DateOnly(2020, 7, 3));
            Assert.Contains("Zoom Meetings (edited)", kept.ProfileJson, StringComparison.Ordinal);
            Assert.NotNull(kept.PendingShippedJson);
            var wire = db.Snapshots.Single(s => s.ServiceId == "wire" && s.FactsAsOf == new DateOnly(2020, 7, 3));
            Assert.EndsWith("\n ", wire.ProfileJson, StringComparison.Ordinal);

            // The same release again: nothing new.
            var again = await CatalogImport.RunAsync(db, release, DateTime.UtcNow, CancellationToken.None);
            Assert.Equal(0, again.Updated + again.Conflicts);
        }

        Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task App_ServesTheCatalogueFromTheDatabase(string database)
    {
        await using var server = await AppServer.StartOnAsync(database);
        Assert.Equal("ok", await server.Client.GetStringAsync("/healthz"));
        var list = await server.Client.GetStringAsync("/api/v1/catalog/services");
        Assert.Equal(Shipped().Select(f => f.Path).Where(p => p.StartsWith("services/", StringComparison.Ordinal)).Select(p => p.Split('/')[1]).Distinct().Count(),
            System.Text.Json.JsonDocument.Parse(list).RootElement.GetProperty("services").GetArrayLength());
    }

    [Fact]
    public async Task TwoInstancesOnOnePostgres_ShareDataProtectionKeys()
    {
        var connection = PostgresServer.NewDatabase();
        await using var a = await AppServer.StartAsync("--database", connection);
        await using var b = await AppServer.StartAsync("--database", connection);
        var protectedByA = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("session");
        Assert.Equal("session", b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedByA));
    }

    [Fact]
    public async Task TwoInstancesOnOnePostgres_AnEditOnOneIsSeenByTheOther()
    {
        var connection = PostgresServer.NewDatabase();
        await using var a = await AppServer.StartAsync("--database", connection);
        // B's clock stands until the test moves it: B asks the database for the catalogue's version on each tick.
        var clockB = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var b = await AppServer.StartAsync(clockB, "--database", connection);
        await a.CreateUserAsync("s@aufsicht.example", "correct horse battery staple", "Supervisor");
        using var session = a.NewSession();
        await session.LoginAsync("s@aufsicht.example", "correct horse battery staple");
        var (status, _, _) = await session.PostFormAsync("/katalog/zoom/bearbeiten", "/katalog/zoom/bearbeiten",
        [
            new("fact", "contract.ownPurposes=excluded"), new("factsAsOf", "2020-07-03"), new("sourceUrl", "https://example.org/a"),
            new("sourceSeen", "2026-11-01"), new("reason", "Changed on instance A"), new("passage", "We do not use customer content for our own purposes."), new("passageLang", "en"), new("revision", string.Empty),
        ]);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);

        // Before its next tick B still serves what it loaded; at the tick it picks up the edit made on A.
        const string Assessment = "/api/v1/catalog/services/zoom/assessment?asOf=2020-07-03", Edited = "\"verdict\":\"not-assessed\"";
        Assert.DoesNotContain(Edited, await b.Client.GetStringAsync(Assessment), StringComparison.Ordinal);
        clockB.Advance(CatalogRefresher.CheckEvery);
        var seen = false;
        for (var i = 0; i < 50 && !seen; i++)
        {
            seen = (await b.Client.GetStringAsync(Assessment)).Contains(Edited, StringComparison.Ordinal);
            await Task.Delay(100);
        }

        Assert.True(seen, "instance B did not pick up the edit made on instance A at its next check");
    }

    [Fact]
    public async Task BadListenAddress_IsAClearStartupError()
    {
        var e = await Assert.ThrowsAsync<Aufsicht.Web.SettingException>(() => AppServer.StartAsync("--urls", "notaurl"));
        Assert.Equal("--urls: 'notaurl' is not an address to listen on, such as http://127.0.0.1:5080", e.Message);
    }

    [Theory]
    [InlineData("--Aufsicht:Authority=lfdi-xx", "Aufsicht:Authority: 'lfdi-xx' is not one of the authorities (")]
    [InlineData("--Aufsicht:TimeZone=Mars/Olympus", "Aufsicht:TimeZone: 'Mars/Olympus' is not a time zone this system knows (e.g. Europe/Berlin)")]
    public async Task UnknownOwnAuthorityOrTimeZone_IsAClearStartupError(string setting, string message)
    {
        var e = await Assert.ThrowsAsync<Aufsicht.Web.SettingException>(() => AppServer.StartAsync(setting));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableDatabase_IsAClearStartupError()
    {
        var e = await Assert.ThrowsAsync<Aufsicht.Web.SettingException>(() => AppServer.StartAsync("--database", "Host=127.0.0.1;Port=1;Username=x;Timeout=2"));
        Assert.Contains("cannot be opened or migrated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DbMigrate_Cli_CreatesTheSchema_ThenHasNothingToDo()
    {
        var dir = Directory.CreateTempSubdirectory("aufsicht-migrate-").FullName;
        try
        {
            var first = Cli.Run("db", "migrate", "--data-dir", dir);
            Assert.True(first.ExitCode == 0, first.Stderr);
            var applied = System.Text.RegularExpressions.Regex.Match(first.Stdout, @"Das Schema ist aktuell \((\d+) Migration\(en\) angewendet\)");
            Assert.True(applied.Success && int.Parse(applied.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, first.Stdout);
            Assert.True(File.Exists(Path.Combine(dir, "aufsicht.db")));
            var second = Cli.Run("db", "migrate", "--data-dir", dir, "--lang", "en");
            Assert.Contains("(0 migration(s) applied)", second.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Backup_WhileTheAppRuns_ThenRestore_BringsTheEditBack()
    {
        await using var server = await AppServer.StartAsync();
        await server.CreateUserAsync("s@aufsicht.example", "correct horse battery staple", "Supervisor");
        var backup = Path.Combine(Path.GetTempPath(), $"aufsicht-backup-{Guid.NewGuid():N}.db");
        try
        {
            // The backup is taken while the server is running.
            var made = Cli.Run("backup", backup, "--data-dir", server.DataDir);
            Assert.True(made.ExitCode == 0, made.Stderr);
            Assert.Equal(2, Cli.Run("backup", backup, "--data-dir", server.DataDir).ExitCode); // never overwrites

            using var session = server.NewSession();
            await session.LoginAsync("s@aufsicht.example", "correct horse battery staple");
            await session.PostFormAsync("/katalog/zoom/bearbeiten", "/katalog/zoom/bearbeiten",
            [
                new("fact", "contract.deletion=guaranteed"), new("factsAsOf", "2020-07-03"), new("sourceUrl", "https://example.org/b"),
                new("sourceSeen", "2026-11-01"), new("reason", "made after the backup"), new("passage", "We do not use customer content for our own purposes."), new("passageLang", "en"), new("revision", string.Empty),
            ]);

            var restoreDir = Directory.CreateTempSubdirectory("aufsicht-restore-").FullName;
            var restored = Cli.Run("restore", backup, "--data-dir", restoreDir);
            Assert.True(restored.ExitCode == 0, restored.Stderr);
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(restoreDir, "aufsicht.db")};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT count(*) FROM snapshots), (SELECT count(*) FROM fact_changes), (SELECT count(*) FROM AspNetUsers)";
            using var reader = command.ExecuteReader();
            reader.Read();
            Assert.True(reader.GetInt32(0) > 40);
            Assert.Equal(0, reader.GetInt32(1)); // the edit came after the backup
            Assert.Equal(1, reader.GetInt32(2));
            Directory.Delete(restoreDir, recursive: true);
        }
        finally
        {
            // SQLite's side files too: reading the backup (it is in WAL mode) leaves them beside it.
            foreach (var file in new[] { backup, backup + "-wal", backup + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void Restore_NotAnAufsichtDatabase_ChangesNothing()
    {
        var file = Path.GetTempFileName();
        var dir = Directory.CreateTempSubdirectory("aufsicht-restore-").FullName;
        try
        {
            File.WriteAllText(file, "not a database");
            var r = Cli.Run("restore", file, "--data-dir", dir);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("ist keine Aufsicht-Datenbank", r.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "aufsicht.db")));
        }
        finally
        {
            File.Delete(file);
            Directory.Delete(dir, recursive: true);
        }
    }
}
