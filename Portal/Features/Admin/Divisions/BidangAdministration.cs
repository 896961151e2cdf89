using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Admin.Divisions;

public sealed record BidangRow(int Id, string Name, string ShortName, int ActivePeople);

/// <summary>A bidang's name and short name as the administrator edits them; <see cref="Id"/> is null for a new bidang.</summary>
public sealed class BidangForm
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public string ShortName { get; set; } = "";
}

public sealed class BidangFormValidator : AbstractValidator<BidangForm>
{
    public BidangFormValidator()
    {
        RuleFor(f => f.Name).Must(n => n.Trim().Length >= 3).WithMessage("Nama bidang wajib diisi, minimal 3 karakter.")
            .MaximumLength(150).WithMessage("Nama bidang paling banyak 150 karakter.");
        RuleFor(f => f.ShortName).Must(n => n.Trim().Length >= 2).WithMessage("Singkatan wajib diisi, minimal 2 karakter.")
            .MaximumLength(30).WithMessage("Singkatan paling banyak 30 karakter.");
    }
}

public sealed class BidangAdministration(IDbContextFactory<PortalDbContext> dbFactory, IValidator<BidangForm> validator, TimeProvider clock)
{
    public async Task<IReadOnlyList<BidangRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Bidang.AsNoTracking()
            .OrderBy(b => b.Name)
            .Select(b => new BidangRow(b.Id, b.Name, b.ShortName, db.Users.Count(u => u.BidangId == b.Id && u.IsActive)))
            .ToListAsync(cancellationToken);
    }

    public async Task<AdminResult> SaveAsync(BidangForm form, string actorId, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid) return AdminResult.Refused(validation.Errors[0].ErrorMessage);
        var name = form.Name.Trim();
        var shortName = form.ShortName.Trim();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ExecuteAsync(actorId, AdminAccess.Administrators, async actor =>
        {
            var others = db.Bidang.Where(b => b.Id != form.Id);
            if (await others.AnyAsync(b => b.Name.ToLower() == name.ToLower(), cancellationToken))
                return AdminResult.Refused($"Nama bidang \"{name}\" sudah dipakai bidang lain.");
            if (await others.AnyAsync(b => b.ShortName.ToLower() == shortName.ToLower(), cancellationToken))
                return AdminResult.Refused($"Singkatan \"{shortName}\" sudah dipakai bidang lain.");

            string detail;
            if (form.Id is { } id)
            {
                var bidang = await db.Bidang.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
                if (bidang is null) return AdminResult.Refused("Bidang tidak ditemukan.");
                if (bidang.Name == name && bidang.ShortName == shortName) return AdminResult.Refused("Tidak ada perubahan untuk disimpan.");
                detail = $"{bidang.Name} ({bidang.ShortName}) → {name} ({shortName})";
                bidang.Name = name;
                bidang.ShortName = shortName;
            }
            else
            {
                db.Bidang.Add(new Data.Entities.Bidang { Name = name, ShortName = shortName });
                detail = $"Bidang baru: {name} ({shortName})";
            }
            db.Audit(actor, AuditActions.BidangChanged, detail, clock.GetUtcNow());
            return AdminResult.Done(form.Id is null ? $"Bidang {name} ditambahkan." : $"Bidang {name} disimpan.");
        }, cancellationToken);
    }
}
