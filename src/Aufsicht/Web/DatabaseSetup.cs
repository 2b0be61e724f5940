using Aufsicht.Data;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Web;

/// <summary>SQLite in the data folder by default; PostgreSQL when a connection string is given. Each with its migrations assembly.</summary>
internal static class DatabaseSetup
{
    public static void Configure(DbContextOptionsBuilder options, ServerOptions server)
    {
        if (server.Database is { } postgres)
        {
            options.UseNpgsql(postgres, x => x.MigrationsAssembly("Aufsicht.Data.Postgres"));
        }
        else
        {
            options.UseSqlite($"Data Source={SqliteFile(server)};Pooling=True", x => x.MigrationsAssembly("Aufsicht.Data.Sqlite"));
        }

        if (server.ForbidSynchronousDatabase)
        {
            options.AddInterceptors(SynchronousAccessGuard.Instance);
        }
    }

    /// <summary>A database context outside the web host (CLI commands, tests); not migrated yet.</summary>
    public static AufsichtDb Open(ServerOptions server)
    {
        var builder = new DbContextOptionsBuilder<AufsichtDb>();
        Configure(builder, server);
        return new AufsichtDb(builder.Options);
    }

    public static string SqliteFile(ServerOptions server) => Path.Combine(server.DataDir, "aufsicht.db");

    public static string Describe(ServerOptions server, Core.Law.Language language = Core.Law.Language.En) =>
        server.Database is null ? $"SQLite {SqliteFile(server)}" : Features.Texts.T(language, "cli.postgres");

    /// <summary>Brings the schema up to date; a database that cannot be reached is a configuration error with a clear message.</summary>
    public static async Task MigrateAsync(AufsichtDb db, ServerOptions server, CancellationToken cancel, Core.Law.Language language = Core.Law.Language.En)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(server);
        try
        {
            if (server.Database is null)
            {
                Directory.CreateDirectory(server.DataDir);
            }

            await db.Database.MigrateAsync(cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            throw new SettingException(Features.Texts.T(language, "cli.database.failed", Describe(server, language), e.Message));
        }
    }
}
