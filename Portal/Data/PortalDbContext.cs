using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Data.Entities;

namespace Portal.Data;

/// <summary>
/// The portal's data on SQLite (this type, migrations in Migrations/Sqlite) or PostgreSQL (<see cref="PostgreSqlPortalDbContext"/>,
/// migrations in Migrations/PostgreSql). Code everywhere asks for this type; the provider is chosen by configuration.
/// </summary>
public class PortalDbContext : IdentityDbContext<PortalUser>
{
    public PortalDbContext(DbContextOptions<PortalDbContext> options) : base(options)
    {
    }

    protected PortalDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Bidang> Bidang => Set<Bidang>();
    public DbSet<Sop> Sops => Set<Sop>();
    public DbSet<SopDefinition> SopDefinitions => Set<SopDefinition>();
    public DbSet<SopStep> SopSteps => Set<SopStep>();
    public DbSet<Innovation> Innovations => Set<Innovation>();
    public DbSet<StepRun> StepRuns => Set<StepRun>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<PortalSettings> Settings => Set<PortalSettings>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<Substitution> Substitutions => Set<Substitution>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<SystemAlert> SystemAlerts => Set<SystemAlert>();
    public DbSet<ScanRecord> ScanRecords => Set<ScanRecord>();
    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();
    public DbSet<OfficeProfile> OfficeProfiles => Set<OfficeProfile>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite cannot compare or order DateTimeOffset; UTC DateTime text sorts and compares correctly. On PostgreSQL the
        // same UTC DateTime is a timestamptz.
        builder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        builder.Properties<decimal>().HaveConversion<double>();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RejectAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RejectAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RejectAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("The audit trail is append-only.");
    }

    private sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
        value => value.UtcDateTime,
        stored => new DateTimeOffset(DateTime.SpecifyKind(stored, DateTimeKind.Utc)));
}
