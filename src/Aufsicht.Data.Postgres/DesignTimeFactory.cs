using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Aufsicht.Data.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for Postgres without starting the app (no database is opened).</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AufsichtDb>
{
    public AufsichtDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AufsichtDb>().UseNpgsql("Host=localhost;Database=design_time", x => x.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)).Options);
}
