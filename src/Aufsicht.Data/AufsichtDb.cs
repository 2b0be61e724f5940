using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Data;

/// <summary>
/// The database of one Aufsicht installation: the service snapshots (shipped and edited), the audit history of fact
/// changes, accounts, and the data-protection keys that instances share. Used directly (no repository over it).
/// </summary>
public sealed class AufsichtDb(DbContextOptions<AufsichtDb> options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<SnapshotRecord> Snapshots => Set<SnapshotRecord>();

    public DbSet<FactChangeRecord> FactChanges => Set<FactChangeRecord>();

    public DbSet<CatalogStateRecord> CatalogState => Set<CatalogStateRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.Entity<SnapshotRecord>(e =>
        {
            e.ToTable("snapshots");
            e.HasKey(s => s.Id);
            e.HasIndex(s => new { s.ServiceId, s.FactsAsOf }).IsUnique();
            e.Property(s => s.ServiceId).HasMaxLength(80).IsRequired();
            e.Property(s => s.Origin).HasMaxLength(16).IsRequired();
            e.Property(s => s.ProfileJson).IsRequired();
            e.Property(s => s.ShippedHash).HasMaxLength(64);
            e.Property(s => s.PendingShippedHash).HasMaxLength(64);
            e.Property(s => s.UpdatedBy).HasMaxLength(256);
            e.Property(s => s.Revision).IsConcurrencyToken();
        });
        builder.Entity<FactChangeRecord>(e =>
        {
            e.ToTable("fact_changes");
            e.HasKey(c => c.Id);
            e.HasIndex(c => new { c.ServiceId, c.ChangedAt });
            e.Property(c => c.ServiceId).HasMaxLength(80).IsRequired();
            e.Property(c => c.Path).HasMaxLength(120).IsRequired();
            e.Property(c => c.OldValue).HasMaxLength(2000);
            e.Property(c => c.NewValue).HasMaxLength(2000).IsRequired();
            e.Property(c => c.Reason).HasMaxLength(2000).IsRequired();
            e.Property(c => c.SourceUrl).HasMaxLength(2000).IsRequired();
            e.Property(c => c.User).HasMaxLength(256).IsRequired();
        });
        builder.Entity<CatalogStateRecord>(e =>
        {
            e.ToTable("catalog_state");
            e.HasKey(s => s.Id);
        });
    }
}

/// <summary>Where a snapshot's current facts come from.</summary>
public static class SnapshotOrigin
{
    /// <summary>As shipped in data/services/ (and updated with each release that changes it).</summary>
    public const string Shipped = "shipped";

    /// <summary>Edited in the app; a later shipped change does not overwrite it but is kept beside it as pending.</summary>
    public const string Edited = "edited";
}

/// <summary>One dated snapshot of a service, as the service-profile JSON of the catalogue format.</summary>
public sealed class SnapshotRecord
{
    public long Id { get; set; }

    public required string ServiceId { get; set; }

    public DateOnly FactsAsOf { get; set; }

    public required string ProfileJson { get; set; }

    public required string Origin { get; set; }

    /// <summary>SHA-256 of the shipped file this row is based on (null for a snapshot created in the app).</summary>
    public string? ShippedHash { get; set; }

    /// <summary>A shipped version that arrived after the row was edited: shown beside the edit, never applied silently.</summary>
    public string? PendingShippedJson { get; set; }

    public string? PendingShippedHash { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>Grows with every edit; an edit based on an older revision is refused, so no change is silently lost.</summary>
    public int Revision { get; set; }
}

/// <summary>The audit history: who changed which fact of which snapshot, when, why, on what source.</summary>
public sealed class FactChangeRecord
{
    public long Id { get; set; }

    public required string ServiceId { get; set; }

    public DateOnly FactsAsOf { get; set; }

    public required string Path { get; set; }

    public string? OldValue { get; set; }

    public required string NewValue { get; set; }

    public required string Reason { get; set; }

    public required string SourceUrl { get; set; }

    public DateOnly SourceSeen { get; set; }

    public required string User { get; set; }

    public DateTime ChangedAt { get; set; }
}

/// <summary>A single row whose version grows with every change to the catalogue, so every instance knows when to reload.</summary>
public sealed class CatalogStateRecord
{
    public int Id { get; set; }

    public long Version { get; set; }
}
