using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Entities;

namespace Portal.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(150);
        builder.Property(u => u.Jabatan).HasMaxLength(150);
        builder.HasOne(u => u.Bidang).WithMany().HasForeignKey(u => u.BidangId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Position).WithMany().HasForeignKey(u => u.PositionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BidangConfiguration : IEntityTypeConfiguration<Bidang>
{
    public void Configure(EntityTypeBuilder<Bidang> builder)
    {
        builder.ToTable("Bidang");
        builder.Property(b => b.Name).HasMaxLength(150);
        builder.Property(b => b.ShortName).HasMaxLength(30);
        builder.HasIndex(b => b.Name).IsUnique();
        builder.HasIndex(b => b.ShortName).IsUnique();
    }
}

internal sealed class SopDefinitionConfiguration : IEntityTypeConfiguration<SopDefinition>
{
    public void Configure(EntityTypeBuilder<SopDefinition> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(60);
        builder.HasIndex(s => new { s.Code, s.Version }).IsUnique();
        builder.HasMany(s => s.Steps).WithOne().HasForeignKey(s => s.SopDefinitionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Sop).WithMany(s => s.Versions).HasForeignKey(s => s.SopId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SopConfiguration : IEntityTypeConfiguration<Sop>
{
    public void Configure(EntityTypeBuilder<Sop> builder)
    {
        builder.ToTable("Sop");
        builder.Property(s => s.Slug).HasMaxLength(60);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.RecordKind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(s => s.Slug).IsUnique();
    }
}

internal sealed class SopStepConfiguration : IEntityTypeConfiguration<SopStep>
{
    public void Configure(EntityTypeBuilder<SopStep> builder)
    {
        builder.HasIndex(s => new { s.SopDefinitionId, s.Number }).IsUnique();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.DurationUnit).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class InnovationConfiguration : IEntityTypeConfiguration<Innovation>
{
    public void Configure(EntityTypeBuilder<Innovation> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Summary).HasMaxLength(2000);
        builder.Property(i => i.Background).HasMaxLength(4000);
        builder.Property(i => i.Goal).HasMaxLength(2000);
        builder.Property(i => i.Benefit).HasMaxLength(2000);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Affair).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne(i => i.Bidang).WithMany().HasForeignKey(i => i.BidangId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Proposer).WithMany().HasForeignKey(i => i.ProposerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.SopDefinition).WithMany().HasForeignKey(i => i.SopDefinitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.StepRuns).WithOne(r => r.Innovation).HasForeignKey(r => r.InnovationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.Status, i.CurrentStep });
    }
}

internal sealed class StepRunConfiguration : IEntityTypeConfiguration<StepRun>
{
    public void Configure(EntityTypeBuilder<StepRun> builder)
    {
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Property(r => r.ActingTitle).HasMaxLength(10);
        builder.Property(r => r.ActingPosition).HasMaxLength(200);
        builder.HasIndex(r => new { r.InnovationId, r.StepNumber, r.RunNumber }).IsUnique();
        builder.HasIndex(r => r.FinishedAt);
        // The board reads each innovation's latest run: this index finds it without sorting the runs.
        builder.HasIndex(r => new { r.InnovationId, r.Id });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => a.InnovationId);
    }
}

internal sealed class HolidayConfiguration : IEntityTypeConfiguration<Holiday>
{
    public void Configure(EntityTypeBuilder<Holiday> builder)
    {
        builder.Property(h => h.Name).HasMaxLength(150);
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(h => h.Date).IsUnique();
    }
}

internal sealed class PortalSettingsConfiguration : IEntityTypeConfiguration<PortalSettings>
{
    public void Configure(EntityTypeBuilder<PortalSettings> builder)
    {
        builder.Property(s => s.OverdueScanCron).HasMaxLength(60);
        builder.Property(s => s.SmtpHost).HasMaxLength(200);
        builder.Property(s => s.SmtpSenderAddress).HasMaxLength(200);
    }
}

internal sealed class SubstitutionConfiguration : IEntityTypeConfiguration<Substitution>
{
    public void Configure(EntityTypeBuilder<Substitution> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Note).HasMaxLength(500);
        builder.Property(s => s.RevokedByName).HasMaxLength(200);
        builder.HasOne(s => s.Substitute).WithMany().HasForeignKey(s => s.SubstituteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Principal).WithMany().HasForeignKey(s => s.PrincipalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Position).WithMany().HasForeignKey(s => s.PositionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.SubstituteId, s.StartDate, s.EndDate });
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(150);
        builder.Property(a => a.StoredName).HasMaxLength(80);
        builder.Property(a => a.ContentType).HasMaxLength(120);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedByName).HasMaxLength(150);
        builder.HasOne(a => a.Innovation).WithMany().HasForeignKey(a => a.InnovationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.StepRun).WithMany().HasForeignKey(a => a.StepRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.StepRunId, a.SupersededAt });
    }
}

internal sealed class OfficeProfileConfiguration : IEntityTypeConfiguration<OfficeProfile>
{
    public void Configure(EntityTypeBuilder<OfficeProfile> builder)
    {
        builder.ToTable("OfficeProfile");
        builder.Property(p => p.PemerintahDaerah).HasMaxLength(150);
        builder.Property(p => p.NamaInstansi).HasMaxLength(200);
        builder.Property(p => p.Alamat).HasMaxLength(300);
        builder.Property(p => p.Telepon).HasMaxLength(60);
        builder.Property(p => p.Email).HasMaxLength(150);
        builder.Property(p => p.Situs).HasMaxLength(150);
        builder.Property(p => p.LogoContentType).HasMaxLength(40);
        builder.Property(p => p.TimeZoneId).HasMaxLength(40);
    }
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Level).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(p => p.Bidang).WithMany().HasForeignKey(p => p.BidangId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.Name, p.BidangId }).IsUnique();
    }
}
