using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Aufsicht.Data.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for Sqlite without starting the app (no database is opened).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AufsichtDb>
{
    public AufsichtDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AufsichtDb>().UseSqlite("Data Source=design-time.db", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)).Options);
}
