using Aufsicht.Core.Migration;
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

    public DbSet<BodyRecord> Bodies => Set<BodyRecord>();

    public DbSet<QuestionnaireRecord> Questionnaires => Set<QuestionnaireRecord>();

    public DbSet<CampaignRecord> Campaigns => Set<CampaignRecord>();

    public DbSet<CampaignBodyRecord> CampaignBodies => Set<CampaignBodyRecord>();

    public DbSet<InvitationRecord> Invitations => Set<InvitationRecord>();

    public DbSet<ResponseRecord> Responses => Set<ResponseRecord>();

    public DbSet<ResponseVersionRecord> ResponseVersions => Set<ResponseVersionRecord>();

    public DbSet<EvaluationRecord> Evaluations => Set<EvaluationRecord>();

    public DbSet<EvaluationServiceRecord> EvaluationServices => Set<EvaluationServiceRecord>();

    public DbSet<OtherServiceRecord> OtherServices => Set<OtherServiceRecord>();

    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();

    public DbSet<CampaignStampRecord> CampaignStamps => Set<CampaignStampRecord>();

    public DbSet<CaseRecord> Cases => Set<CaseRecord>();

    public DbSet<CaseInfringementRecord> CaseInfringements => Set<CaseInfringementRecord>();

    public DbSet<CaseNoteRecord> CaseNotes => Set<CaseNoteRecord>();

    public DbSet<CaseCounterRecord> CaseCounters => Set<CaseCounterRecord>();

    public DbSet<AuditRecord> AuditLog => Set<AuditRecord>();

    public DbSet<CaseDocumentRecord> CaseDocuments => Set<CaseDocumentRecord>();

    public DbSet<LetterTemplateRecord> LetterTemplates => Set<LetterTemplateRecord>();

    public DbSet<LetterheadRecord> Letterhead => Set<LetterheadRecord>();

    public DbSet<InventoryProductRecord> InventoryProducts => Set<InventoryProductRecord>();

    public DbSet<InventoryApplicationRecord> InventoryApplications => Set<InventoryApplicationRecord>();

    public DbSet<MigrationPlanRecord> MigrationPlans => Set<MigrationPlanRecord>();

    public DbSet<PlanPackageRecord> PlanPackages => Set<PlanPackageRecord>();

    public DbSet<PlanIncidentRecord> PlanIncidents => Set<PlanIncidentRecord>();

    public DbSet<PlanDecisionRecord> PlanDecisions => Set<PlanDecisionRecord>();

    public DbSet<PlanInvolvementRecord> PlanInvolvements => Set<PlanInvolvementRecord>();

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
        OnSurveysCreating(builder);
        OnCasesCreating(builder);
        OnMigrationCreating(builder);
    }

    private static void OnMigrationCreating(ModelBuilder builder)
    {
        builder.Entity<InventoryProductRecord>(e =>
        {
            e.ToTable("inventory_products");
            e.HasKey(p => p.Id);
            e.HasIndex(p => new { p.BodyId, p.Product }).IsUnique();
            e.Property(p => p.Product).HasMaxLength(120);
            e.Property(p => p.Pillar).HasMaxLength(32).HasConversion(StoredStates.Wire<Pillar>());
            e.Property(p => p.Version).HasMaxLength(60);
            e.Property(p => p.Source).HasMaxLength(16).HasConversion(StoredStates.Wire<InventorySource>());
            e.Property(p => p.Revision).IsConcurrencyToken();
            e.HasOne<BodyRecord>().WithMany().HasForeignKey(p => p.BodyId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<InventoryApplicationRecord>(e =>
        {
            e.ToTable("inventory_applications");
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.BodyId, a.Name }).IsUnique();
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.Kind).HasMaxLength(16).HasConversion(StoredStates.Wire<ApplicationKind>());
            e.Property(a => a.DependsOn).HasMaxLength(200);
            e.Property(a => a.Compatibility).HasMaxLength(16).HasConversion(StoredStates.Wire<Compatibility>());
            e.Property(a => a.Note).HasMaxLength(2000);
            e.Property(a => a.Source).HasMaxLength(16).HasConversion(StoredStates.Wire<InventorySource>());
            e.Property(a => a.Revision).IsConcurrencyToken();
            e.HasOne<BodyRecord>().WithMany().HasForeignKey(a => a.BodyId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<MigrationPlanRecord>(e =>
        {
            e.ToTable("migration_plans");
            e.HasKey(p => p.Id);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.Authority).HasMaxLength(60);
            e.Property(p => p.Objective).HasMaxLength(16);
            e.Property(p => p.SolveStatus).HasMaxLength(16);
            e.Property(p => p.CreatedBy).HasMaxLength(256);
            e.Property(p => p.ComputeState).HasMaxLength(16).HasConversion(StoredStates.Wire<PlanComputeState>());
            e.Property(p => p.ComputeRequestedBy).HasMaxLength(256);
            e.Property(p => p.ComputeError).HasMaxLength(120);
            e.HasIndex(p => new { p.ComputeState, p.ComputeRequestedAt });
            e.Property(p => p.Revision).IsConcurrencyToken();
        });
        builder.Entity<PlanPackageRecord>(e =>
        {
            e.ToTable("plan_packages");
            e.HasKey(p => p.Id);
            e.HasIndex(p => new { p.PlanId, p.Key }).IsUnique();
            e.HasIndex(p => new { p.PlanId, p.BodyId });
            e.Property(p => p.Key).HasMaxLength(200);
            e.Property(p => p.Pillar).HasMaxLength(32).HasConversion(StoredStates.Wire<Pillar>());
            e.Property(p => p.Phase).HasMaxLength(32);
            e.Property(p => p.UsesJson).HasMaxLength(1000);
            e.Property(p => p.EffortPersonDays).HasPrecision(12, 2);
            e.Property(p => p.Product).HasMaxLength(120);
            e.Property(p => p.Revision).IsConcurrencyToken();
            e.HasOne<MigrationPlanRecord>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PlanIncidentRecord>(e =>
        {
            e.ToTable("plan_incidents");
            e.HasKey(i => i.Id);
            e.HasIndex(i => new { i.PlanId, i.OccurredOn });
            e.Property(i => i.Pillar).HasMaxLength(32).HasConversion(StoredStates.Wire<Pillar>());
            e.Property(i => i.PackageKey).HasMaxLength(200);
            e.Property(i => i.Cause).HasMaxLength(16);
            e.Property(i => i.Summary).HasMaxLength(4000);
            e.Property(i => i.RecordedBy).HasMaxLength(256);
            e.HasOne<MigrationPlanRecord>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PlanDecisionRecord>(e =>
        {
            e.ToTable("plan_decisions");
            e.HasKey(d => d.Id);
            e.HasIndex(d => new { d.PlanId, d.DecidedOn });
            e.Property(d => d.DecidedBy).HasMaxLength(300);
            e.Property(d => d.Subject).HasMaxLength(300);
            e.Property(d => d.Text).HasMaxLength(8000);
            e.Property(d => d.RecordedBy).HasMaxLength(256);
            // The decision log outlives plans: a plan with decisions is not deleted (the feature refuses it).
            e.HasOne<MigrationPlanRecord>().WithMany().HasForeignKey(d => d.PlanId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PlanInvolvementRecord>(e =>
        {
            e.ToTable("plan_involvements");
            e.HasKey(i => i.Id);
            e.HasIndex(i => new { i.PlanId, i.BodyId }).IsUnique();
            e.Property(i => i.Note).HasMaxLength(2000);
            e.HasOne<MigrationPlanRecord>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    private static void OnCasesCreating(ModelBuilder builder)
    {
        builder.Entity<CaseRecord>(e =>
        {
            e.ToTable("cases");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.FileNumber).IsUnique();
            e.HasIndex(c => new { c.State, c.UpdatedAt });
            e.HasIndex(c => c.BodyId);
            e.HasIndex(c => c.HandlerId);
            e.HasIndex(c => c.HearingDeadline);
            e.HasIndex(c => c.ComplianceDeadline);
            // One open case per body and campaign, even when two handlers open cases for a filter at the same moment.
            e.HasIndex(c => new { c.CampaignId, c.BodyId }).IsUnique().HasFilter("\"State\" <> 'closed' AND \"CampaignId\" IS NOT NULL");
            e.Property(c => c.FileNumber).HasMaxLength(100);
            e.Property(c => c.State).HasMaxLength(20).HasConversion(StoredStates.CaseStateConverter);
            e.Property(c => c.Outcome).HasMaxLength(20).HasConversion(StoredStates.CaseOutcomeConverter);
            e.Property(c => c.HandlerId).HasMaxLength(450);
            e.Property(c => c.Country).HasMaxLength(2);
            e.Property(c => c.Land).HasMaxLength(2);
            e.Property(c => c.UndertakingGroup).HasMaxLength(300);
            e.Property(c => c.Measure).HasMaxLength(200);
            e.Property(c => c.MeasureReason).HasMaxLength(4000);
            e.Property(c => c.HearingOmittedGround).HasMaxLength(4000);
            e.Property(c => c.Culpability).HasMaxLength(20);
            e.Property(c => c.OpenedBy).HasMaxLength(256);
            e.Property(c => c.Revision).IsConcurrencyToken();
            e.HasOne<BodyRecord>().WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
            // A campaign may be deleted under its retention rule; its cases stay, with the frozen evaluation.
            e.HasOne<CampaignRecord>().WithMany().HasForeignKey(c => c.CampaignId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<CaseInfringementRecord>(e =>
        {
            e.ToTable("case_infringements");
            e.HasKey(i => i.Id);
            e.HasIndex(i => i.CaseId);
            e.Property(i => i.Criterion).HasMaxLength(20);
            e.Property(i => i.Level).HasMaxLength(16);
            e.Property(i => i.Articles).HasMaxLength(500);
            e.Property(i => i.Tier).HasMaxLength(10);
            e.Property(i => i.Service).HasMaxLength(220);
            e.HasOne<CaseRecord>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CaseNoteRecord>(e =>
        {
            e.ToTable("case_notes");
            e.HasKey(n => n.Id);
            e.HasIndex(n => n.CaseId);
            e.Property(n => n.Author).HasMaxLength(256);
            e.Property(n => n.Text).HasMaxLength(10000);
            e.HasOne<CaseRecord>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<CaseDocumentRecord>(e =>
        {
            e.ToTable("case_documents");
            e.HasKey(d => d.Id);
            e.HasIndex(d => new { d.CaseId, d.CreatedAt });
            e.Property(d => d.Kind).HasMaxLength(30);
            e.Property(d => d.Title).HasMaxLength(300);
            e.Property(d => d.Language).HasMaxLength(2);
            e.Property(d => d.CreatedBy).HasMaxLength(256);
            e.Property(d => d.Channel).HasMaxLength(20);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.HasOne<CaseRecord>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<LetterTemplateRecord>(e =>
        {
            e.ToTable("letter_templates");
            e.HasKey(t => t.Id);
            e.HasIndex(t => new { t.Kind, t.Language }).IsUnique();
            e.Property(t => t.Kind).HasMaxLength(30);
            e.Property(t => t.Language).HasMaxLength(2);
            e.Property(t => t.Text).HasMaxLength(40000);
            e.Property(t => t.UpdatedBy).HasMaxLength(256);
            e.Property(t => t.Revision).IsConcurrencyToken();
        });
        builder.Entity<LetterheadRecord>(e =>
        {
            e.ToTable("letterhead");
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).ValueGeneratedNever();
            e.Property(l => l.AuthorityName).HasMaxLength(300);
            e.Property(l => l.Address).HasMaxLength(1000);
            e.Property(l => l.Contact).HasMaxLength(1000);
            e.Property(l => l.Seat).HasMaxLength(100);
            e.Property(l => l.Court).HasMaxLength(200);
            e.Property(l => l.Revision).IsConcurrencyToken();
        });
        builder.Entity<CaseCounterRecord>(e =>
        {
            e.ToTable("case_counters");
            e.HasKey(c => c.Year);
            e.Property(c => c.Year).ValueGeneratedNever();
            e.Property(c => c.Last).IsConcurrencyToken();
        });
        builder.Entity<AuditRecord>(e =>
        {
            // No foreign keys: the log outlives what it records.
            e.ToTable("audit_log");
            e.HasKey(a => a.Sequence);
            e.Property(a => a.Sequence).ValueGeneratedNever();
            // Two writers that read the same last entry cannot both append after it.
            e.HasIndex(a => a.PreviousHash).IsUnique();
            e.HasIndex(a => new { a.CaseId, a.Sequence });
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(60);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
        });
    }

    private static void OnSurveysCreating(ModelBuilder builder)
    {
        builder.Entity<BodyRecord>(e =>
        {
            e.ToTable("bodies");
            e.HasKey(b => b.Id);
            e.HasIndex(b => b.ExternalId).IsUnique();
            e.HasIndex(b => new { b.Kind, b.Region });
            e.HasIndex(b => b.ParentId);
            e.Property(b => b.ExternalId).HasMaxLength(100);
            e.Property(b => b.Name).HasMaxLength(300);
            e.Property(b => b.Kind).HasMaxLength(20);
            e.Property(b => b.Region).HasMaxLength(100);
            e.Property(b => b.State).HasMaxLength(2);
            e.Property(b => b.ContactName).HasMaxLength(200);
            e.Property(b => b.ContactEmail).HasMaxLength(320);
            e.Property(b => b.Language).HasMaxLength(2);
        });
        builder.Entity<QuestionnaireRecord>(e =>
        {
            e.ToTable("questionnaires");
            e.HasKey(q => q.Id);
            e.HasIndex(q => new { q.Key, q.Version }).IsUnique();
            e.Property(q => q.Key).HasMaxLength(80);
            e.Property(q => q.Hash).HasMaxLength(64);
            e.Property(q => q.ImportedBy).HasMaxLength(256);
        });
        builder.Entity<CampaignRecord>(e =>
        {
            e.ToTable("campaigns");
            e.HasKey(c => c.Id);
            e.Property(c => c.Title).HasMaxLength(300);
            e.Property(c => c.State).HasMaxLength(16).HasConversion(StoredStates.CampaignStateConverter);
            e.Property(c => c.ReminderDays).HasMaxLength(100);
            e.Property(c => c.Authority).HasMaxLength(80);
            e.Property(c => c.CreatedBy).HasMaxLength(256);
            e.Property(c => c.ContactName).HasMaxLength(200);
            e.Property(c => c.ContactEmail).HasMaxLength(320);
            e.Property(c => c.ContactPhone).HasMaxLength(50);
            e.Property(c => c.Revision).IsConcurrencyToken();
            e.HasOne<QuestionnaireRecord>().WithMany().HasForeignKey(c => c.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<CampaignStampRecord>(e =>
        {
            // No foreign key: the triggers write here while a campaign's rows are deleted with it.
            e.ToTable("campaign_stamps");
            e.HasKey(s => s.CampaignId);
            e.Property(s => s.CampaignId).ValueGeneratedNever();
        });
        builder.Entity<CampaignBodyRecord>(e =>
        {
            e.ToTable("campaign_bodies");
            e.HasKey(t => new { t.CampaignId, t.BodyId });
            e.HasIndex(t => t.BodyId);
            e.HasOne<CampaignRecord>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<BodyRecord>().WithMany().HasForeignKey(t => t.BodyId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<InvitationRecord>(e =>
        {
            e.ToTable("invitations");
            e.HasKey(i => i.Id);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasIndex(i => new { i.CampaignId, i.BodyId });
            // Each reminder exists once per body, even when two instances schedule it at the same moment.
            e.HasIndex(i => new { i.CampaignId, i.BodyId, i.Reminder }).IsUnique().HasFilter("\"Reminder\" > 0");
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.Property(i => i.Email).HasMaxLength(320);
            e.Property(i => i.Language).HasMaxLength(2);
            e.HasOne<CampaignRecord>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<BodyRecord>().WithMany().HasForeignKey(i => i.BodyId).OnDelete(DeleteBehavior.Restrict);
            // No foreign key: on SQLite adding one rebuilds the table outside a transaction. Cases are never deleted.
            e.HasIndex(i => i.CaseId);
        });
        builder.Entity<ResponseRecord>(e =>
        {
            e.ToTable("responses");
            e.HasKey(r => r.Id);
            e.HasIndex(r => new { r.CampaignId, r.BodyId }).IsUnique();
            e.Property(r => r.Revision).IsConcurrencyToken();
            e.HasOne<CampaignRecord>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<BodyRecord>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ResponseVersionRecord>(e =>
        {
            e.ToTable("response_versions");
            e.HasKey(v => v.Id);
            e.HasIndex(v => new { v.ResponseId, v.Version }).IsUnique();
            e.Property(v => v.Receipt).HasMaxLength(40);
            e.HasOne<ResponseRecord>().WithMany().HasForeignKey(v => v.ResponseId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<EvaluationRecord>(e =>
        {
            e.ToTable("evaluations");
            e.HasKey(v => v.Id);
            e.HasIndex(v => new { v.CampaignId, v.BodyId }).IsUnique();
            e.HasIndex(v => new { v.CampaignId, v.Status });
            e.Property(v => v.Status).HasMaxLength(16).HasConversion(StoredStates.ComplianceConverter);
            e.Property(v => v.MainFindings).HasMaxLength(200);
            e.Property(v => v.Authority).HasMaxLength(80);
            e.HasOne<CampaignRecord>().WithMany().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<EvaluationServiceRecord>(e =>
        {
            e.ToTable("evaluation_services");
            e.HasKey(v => v.Id);
            e.HasIndex(v => new { v.CampaignId, v.BodyId });
            e.HasIndex(v => new { v.CampaignId, v.Service, v.Verdict });
            e.Property(v => v.Service).HasMaxLength(220);
            e.Property(v => v.Verdict).HasMaxLength(16).HasConversion(StoredStates.VerdictConverter);
            e.HasOne<CampaignRecord>().WithMany().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<OtherServiceRecord>(e =>
        {
            e.ToTable("other_services");
            e.HasKey(o => o.Id);
            e.HasIndex(o => new { o.CampaignId, o.Text }).IsUnique();
            e.Property(o => o.Text).HasMaxLength(200);
            e.Property(o => o.LinkedService).HasMaxLength(80);
            e.Property(o => o.LinkedBy).HasMaxLength(256);
            e.HasOne<CampaignRecord>().WithMany().HasForeignKey(o => o.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<OutboxRecord>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(o => o.Id);
            e.HasIndex(o => new { o.State, o.NotBefore });
            e.HasIndex(o => o.CampaignId);
            e.Property(o => o.Kind).HasMaxLength(20);
            e.Property(o => o.To).HasMaxLength(320);
            e.Property(o => o.Subject).HasMaxLength(500);
            e.Property(o => o.MessageId).HasMaxLength(200);
            e.Property(o => o.State).HasMaxLength(16).HasConversion(StoredStates.OutboxStateConverter);
            e.Property(o => o.ClaimedBy).HasMaxLength(100);
            e.Property(o => o.LastError).HasMaxLength(2000);
            // No foreign key: on SQLite adding one rebuilds the table outside a transaction. Case documents are never deleted.
            e.HasIndex(o => o.CaseDocumentId);
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
