using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Admin.Positions;

/// <summary>A position as the administrator edits it; <see cref="Id"/> is null for a new one, <see cref="BidangId"/> null for the whole office.</summary>
public sealed class PositionForm
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public PositionLevel Level { get; set; } = PositionLevel.Staf;
    public int? BidangId { get; set; }
}

public sealed class PositionFormValidator : AbstractValidator<PositionForm>
{
    public PositionFormValidator()
    {
        RuleFor(f => f.Name).Must(n => n.Trim().Length >= 3).WithMessage("Nama jabatan wajib diisi, minimal 3 karakter.")
            .MaximumLength(200).WithMessage("Nama jabatan paling banyak 200 karakter.");
        RuleFor(f => f.Level).IsInEnum().WithMessage("Pilih tingkat jabatan.");
    }
}

/// <summary>Creates and renames the office's positions; who acts in every SOP follows from them (see <see cref="OfficeRules"/>).</summary>
public sealed class PositionAdministration(IDbContextFactory<PortalDbContext> dbFactory, IValidator<PositionForm> validator, TimeProvider clock)
{
    public async Task<AdminResult> SaveAsync(PositionForm form, string actorId, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid) return AdminResult.Refused(validation.Errors[0].ErrorMessage);
        var name = form.Name.Trim();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ExecuteAsync(actorId, AdminAccess.Administrators, async actor =>
        {
            if (form.BidangId is { } bidangId && !await db.Bidang.AnyAsync(b => b.Id == bidangId, cancellationToken))
                return AdminResult.Refused("Bidang tidak dikenal.");
            if (await db.Positions.AnyAsync(p => p.Id != form.Id && p.BidangId == form.BidangId && p.Name.ToLower() == name.ToLower(), cancellationToken))
                return AdminResult.Refused($"Jabatan \"{name}\" sudah ada di lingkup yang sama.");

            string detail;
            if (form.Id is { } id)
            {
                var position = await db.Positions.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
                if (position is null) return AdminResult.Refused("Jabatan tidak ditemukan.");
                if (position.Name == name && position.Level == form.Level && position.BidangId == form.BidangId)
                    return AdminResult.Refused("Tidak ada perubahan untuk disimpan.");
                if (position.BidangId != form.BidangId && await db.Users.AnyAsync(u => u.PositionId == id && u.IsActive, cancellationToken))
                    return AdminResult.Refused("Lingkup jabatan yang sedang dipegang tidak dapat dipindah; pindahkan pemegangnya dahulu.");
                detail = $"{position.Name} ({position.Level.Name()}) → {name} ({form.Level.Name()})";
                position.Name = name;
                position.Level = form.Level;
                position.BidangId = form.BidangId;
            }
            else
            {
                db.Positions.Add(new Position { Name = name, Level = form.Level, BidangId = form.BidangId });
                detail = $"Jabatan baru: {name} ({form.Level.Name()})";
            }
            db.Audit(actor, AuditActions.PositionChanged, detail, clock.GetUtcNow());
            return AdminResult.Done($"Jabatan {name} disimpan. Tugasnya di setiap SOP mengikuti tingkatnya.");
        }, cancellationToken);
    }
}
