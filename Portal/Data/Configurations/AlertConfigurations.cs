using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.OnBehalfOf).HasMaxLength(200);
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Message).HasMaxLength(2000);
        builder.Property(n => n.EmailTo).HasMaxLength(256);
        builder.HasOne(n => n.Recipient).WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.Innovation).WithMany().HasForeignKey(n => n.InnovationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.StepRun).WithMany().HasForeignKey(n => n.StepRunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.SystemAlert).WithMany().HasForeignKey(n => n.SystemAlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.SystemAlertId, n.RecipientId }).IsUnique();
        // The idempotency key of the overdue scan: inserts use ON CONFLICT DO NOTHING against it.
        builder.HasIndex(n => new { n.StepRunId, n.Level, n.RecipientId }).IsUnique();
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt });
        builder.HasIndex(n => new { n.RecipientId, n.CreatedAt });
        builder.HasIndex(n => n.EmailQueuedAt);
        // The mail queue's claim reads only the few alerts with an address not yet queued, among tens of thousands sent.
        builder.HasIndex([nameof(Notification.EmailQueuedAt)], "IX_Notifications_AwaitingMail")
            .HasFilter("\"EmailTo\" IS NOT NULL AND \"EmailQueuedAt\" IS NULL");
    }
}

internal sealed class SystemAlertConfiguration : IEntityTypeConfiguration<SystemAlert>
{
    public void Configure(EntityTypeBuilder<SystemAlert> builder)
    {
        builder.Property(a => a.Key).HasMaxLength(100);
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Message).HasMaxLength(2000);
        builder.Property(a => a.Link).HasMaxLength(300);
        // One open alert per key: a second raise while the first is open inserts nothing.
        builder.HasIndex(a => a.Key).IsUnique().HasFilter("ResolvedAt IS NULL");
    }
}

internal sealed class ScanRecordConfiguration : IEntityTypeConfiguration<ScanRecord>
{
    public void Configure(EntityTypeBuilder<ScanRecord> builder)
    {
        builder.Property(s => s.Job).HasMaxLength(40);
        builder.Property(s => s.FailureDetail).HasMaxLength(4000);
        builder.Property(s => s.Note).HasMaxLength(500);
        builder.HasIndex(s => s.StartedAt);
    }
}

internal sealed class DigestDeliveryConfiguration : IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<DigestDelivery> builder)
    {
        builder.Property(d => d.Scope).HasMaxLength(40);
        builder.Property(d => d.EmailTo).HasMaxLength(256);
        builder.Property(d => d.Subject).HasMaxLength(300);
        builder.HasOne(d => d.Recipient).WithMany().HasForeignKey(d => d.RecipientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.RecipientId, d.Date, d.Scope }).IsUnique();
        builder.HasIndex(d => d.EmailQueuedAt);
    }
}
