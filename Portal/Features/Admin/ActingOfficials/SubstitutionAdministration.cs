using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Office;
using Portal.Features.Workflow;

namespace Portal.Features.Admin.ActingOfficials;

public enum SubstitutionStatus { Berlaku, AkanDatang, JabatanTerisi, Berakhir, Dicabut }

/// <param name="PrincipalName">The person stood in for; null for a vacant position.</param>
public sealed record SubstitutionRow(
    int Id,
    SubstitutionKind Kind,
    string? PrincipalName,
    string SubstituteName,
    string PositionName,
    DateOnly StartDate,
    DateOnly EndDate,
    string? Note,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedByName,
    SubstitutionStatus Status)
{
    public string Title => $"{Kind}. {PositionName}";

    public string OnBehalfOfText => PrincipalName ?? SubstitutionAdministration.VacantText;
}

/// <summary>A position nobody active holds, as the appointment dialog offers it, with what its Plt. would do.</summary>
public sealed record VacantPosition(int Id, string Name, string Label, IReadOnlyList<string> Duties);

/// <summary>A person who can be named in an appointment, with their position (principals) or just their name (substitutes).</summary>
public sealed record SubstitutionCandidate(string Id, string FullName, string Nip, string? PositionName, bool IsActive)
{
    public string Label => PositionName is { } position
        ? $"{FullName} — {position}{(IsActive ? "" : " (nonaktif)")}"
        : $"{FullName} (NIP {Nip})";
}

/// <summary>
/// Appoints and revokes acting officials (Plt./Plh.), for a person or for a vacant position. Administrators and the
/// head of the office may do this. The workflow honours an appointment through <see cref="Workflow.ActorDirectory"/>.
/// </summary>
public sealed class SubstitutionAdministration(IDbContextFactory<PortalDbContext> dbFactory, IValidator<SubstitutionForm> validator, TimeProvider clock,
    OfficeTime officeTime, SopCatalog sops)
{
    public const string VacantText = "— (jabatan lowong)";

    public static string Status(SubstitutionStatus status) => status switch
    {
        SubstitutionStatus.Berlaku => "Berlaku",
        SubstitutionStatus.AkanDatang => "Akan datang",
        SubstitutionStatus.JabatanTerisi => "Berhenti: jabatan sudah terisi",
        SubstitutionStatus.Berakhir => "Berakhir",
        _ => "Dicabut",
    };

    /// <summary>The positions nobody active holds, highest first, each with what a Plt. in it would do (from the office's rules).</summary>
    public async Task<IReadOnlyList<VacantPosition>> VacantPositionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var positions = await db.Positions.AsNoTracking()
            .Select(p => new
            {
                Rule = new OfficePosition(p.Id, p.Name, p.Level, p.BidangId),
                Bidang = p.Bidang == null ? null : p.Bidang.Name,
                BidangShortName = p.Bidang == null ? null : p.Bidang.ShortName,
                Held = db.Users.Any(u => u.PositionId == p.Id && u.IsActive),
            })
            .ToListAsync(cancellationToken);
        var rules = positions.Select(p => p.Rule).ToList();
        var documents = new List<(string, SopDocument)>();
        foreach (var sop in await sops.ListAsync(cancellationToken))
            documents.Add((sop.Title, (await sops.CurrentAsync(sop.Id, cancellationToken)).Document));

        return [.. positions.Where(p => !p.Held)
            .OrderByDescending(p => p.Rule.Level).ThenBy(p => p.BidangShortName).ThenBy(p => p.Rule.Name)
            .Select(p => new VacantPosition(p.Rule.Id, p.Rule.Name,
                $"{p.Rule.Name} ({p.BidangShortName ?? "seluruh kantor"})",
                OfficeRules.ActingDuties(p.Rule, p.Bidang ?? "seluruh kantor", documents, rules)))];
    }

    public async Task<IReadOnlyList<SubstitutionCandidate>> CandidatesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await (
            from user in db.Users
            orderby user.FullName
            select new
            {
                user.Id, user.FullName, Nip = user.UserName!, PositionName = user.Position == null ? null : user.Position.Name, user.IsActive,
            }).ToListAsync(cancellationToken);
        return people.Select(p => new SubstitutionCandidate(p.Id, p.FullName, p.Nip, p.PositionName, p.IsActive)).ToList();
    }

    public async Task<IReadOnlyList<SubstitutionRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var today = Today();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Substitutions.AsNoTracking()
            .OrderByDescending(s => s.StartDate).ThenByDescending(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Kind, Principal = s.Principal == null ? null : s.Principal.FullName, Substitute = s.Substitute!.FullName, PositionName = s.Position!.Name,
                s.StartDate, s.EndDate, s.Note, s.CreatedByName, s.CreatedAt, s.RevokedAt, s.RevokedByName,
                // The same rule as ActorDirectory.InForce: a Plt. for a vacant position stops while someone holds it.
                PositionHeld = s.PrincipalId == null && db.Users.Any(u => u.PositionId == s.PositionId && u.IsActive),
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(s => new SubstitutionRow(s.Id, s.Kind, s.Principal, s.Substitute, s.PositionName, s.StartDate, s.EndDate, s.Note, s.CreatedByName, s.CreatedAt,
                s.RevokedAt, s.RevokedByName,
                s.RevokedAt is not null ? SubstitutionStatus.Dicabut
                : s.EndDate < today ? SubstitutionStatus.Berakhir
                : s.PositionHeld ? SubstitutionStatus.JabatanTerisi
                : s.StartDate > today ? SubstitutionStatus.AkanDatang
                : SubstitutionStatus.Berlaku))
            .ToList();
    }

    public async Task<AdminResult> AppointAsync(SubstitutionForm form, string actorId, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid) return AdminResult.Refused(validation.Errors[0].ErrorMessage);
        var start = DateOnly.FromDateTime(form.StartDate!.Value);
        var end = DateOnly.FromDateTime(form.EndDate!.Value);
        if (end < Today()) return AdminResult.Refused("Tanggal selesai sudah lewat; penunjukan harus berlaku hari ini atau sesudahnya.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ExecuteAsync(actorId, AdminAccess.ManagesActingOfficials, Today(), async actor =>
        {
            if (form.ForVacantPosition) return await AppointForVacancyAsync(db, form, actor, start, end, cancellationToken);
            var principal = await db.Users.AsNoTracking().Include(u => u.Position).FirstOrDefaultAsync(u => u.Id == form.PrincipalId, cancellationToken);
            var substitute = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == form.SubstituteId, cancellationToken);
            if (principal is null) return AdminResult.Refused("Pejabat yang digantikan tidak ditemukan.");
            if (substitute is null) return AdminResult.Refused("Pejabat pengganti tidak ditemukan.");
            if (!substitute.IsActive) return AdminResult.Refused($"{substitute.FullName} tidak aktif dan tidak dapat menjadi pengganti.");

            if (principal.Position is not { } position)
                return AdminResult.Refused($"{principal.FullName} tidak memegang jabatan; tetapkan jabatannya di halaman Pengguna terlebih dahulu.");

            var overlapping = await db.Substitutions.AsNoTracking()
                .Where(s => s.PrincipalId == principal.Id && s.RevokedAt == null && s.StartDate <= end && start <= s.EndDate)
                .Select(s => new { s.Kind, Substitute = s.Substitute!.FullName, s.StartDate, s.EndDate })
                .FirstOrDefaultAsync(cancellationToken);
            if (overlapping is not null)
            {
                return AdminResult.Refused(
                    $"Sudah ada {overlapping.Kind}. untuk {principal.FullName} ({overlapping.Substitute}, {Range(overlapping.StartDate, overlapping.EndDate)}) "
                    + "yang beririsan dengan tanggal ini. Cabut penunjukan itu dahulu atau pilih tanggal lain.");
            }

            var title = Store(db, form, actor, substitute, position, principal, start, end);
            return AdminResult.Done($"{substitute.FullName} ditetapkan sebagai {title} ({Range(start, end)}).");
        }, cancellationToken);
    }

    /// <summary>A Plt. for a position nobody active holds: refused when someone holds it, or when another appointment for it overlaps.</summary>
    private async Task<AdminResult> AppointForVacancyAsync(PortalDbContext db, SubstitutionForm form, PortalUser actor, DateOnly start, DateOnly end,
        CancellationToken cancellationToken)
    {
        var position = await db.Positions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == form.PositionId, cancellationToken);
        var substitute = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == form.SubstituteId, cancellationToken);
        if (position is null) return AdminResult.Refused("Jabatan tidak ditemukan.");
        if (substitute is null) return AdminResult.Refused("Pejabat pengganti tidak ditemukan.");
        if (!substitute.IsActive) return AdminResult.Refused($"{substitute.FullName} tidak aktif dan tidak dapat menjadi pengganti.");

        var holder = await db.Users.Where(u => u.PositionId == position.Id && u.IsActive).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
        if (holder is not null)
        {
            return AdminResult.Refused($"Jabatan {position.Name} tidak lowong: dipegang oleh {holder}. "
                + $"Untuk menggantikan {holder} sementara, pilih \"Pejabat yang berhalangan\" lalu pilih namanya.");
        }

        // Any appointment for this position counts, also a Plh. for its former holder: two people must not act in one position.
        var overlapping = await db.Substitutions.AsNoTracking()
            .Where(s => s.PositionId == position.Id && s.RevokedAt == null && s.StartDate <= end && start <= s.EndDate)
            .Select(s => new { s.Kind, Substitute = s.Substitute!.FullName, s.StartDate, s.EndDate })
            .FirstOrDefaultAsync(cancellationToken);
        if (overlapping is not null)
        {
            return AdminResult.Refused(
                $"Sudah ada {overlapping.Kind}. {position.Name} ({overlapping.Substitute}, {Range(overlapping.StartDate, overlapping.EndDate)}) "
                + "yang beririsan dengan tanggal ini. Cabut penunjukan itu dahulu atau pilih tanggal lain.");
        }

        var title = Store(db, form, actor, substitute, position, principal: null, start, end);
        return AdminResult.Done($"{substitute.FullName} ditetapkan sebagai {title} untuk jabatan yang lowong ({Range(start, end)}).");
    }

    /// <summary>Adds the appointment and its audit row; returns its title ("Plt. Kepala Bidang ...").</summary>
    private string Store(PortalDbContext db, SubstitutionForm form, PortalUser actor, PortalUser substitute, Position position, PortalUser? principal,
        DateOnly start, DateOnly end)
    {
        var now = clock.GetUtcNow();
        var note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        db.Substitutions.Add(new Substitution
        {
            Kind = form.Kind,
            PrincipalId = principal?.Id,
            SubstituteId = substitute.Id,
            PositionId = position.Id,
            StartDate = start,
            EndDate = end,
            Note = note,
            CreatedAt = now,
            CreatedByName = actor.FullName,
        });
        var title = $"{form.Kind}. {position.Name}";
        db.Audit(actor, AuditActions.Substitution,
            $"{title}: {substitute.FullName} {OnBehalfOf(principal?.FullName)}, {Range(start, end)}{(note is null ? "" : ". Catatan: " + note)}", now);
        return title;
    }

    private static string OnBehalfOf(string? principal) => principal is null ? "untuk jabatan yang lowong" : $"atas nama {principal}";

    public async Task<AdminResult> RevokeAsync(int substitutionId, string actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ExecuteAsync(actorId, AdminAccess.ManagesActingOfficials, Today(), async actor =>
        {
            var substitution = await db.Substitutions.Include(s => s.Principal).Include(s => s.Substitute).Include(s => s.Position)
                .FirstOrDefaultAsync(s => s.Id == substitutionId, cancellationToken);
            if (substitution is null) return AdminResult.Refused("Penunjukan Plt./Plh. tidak ditemukan.");
            if (substitution.RevokedAt is not null) return AdminResult.Refused("Penunjukan ini sudah dicabut.");
            if (substitution.EndDate < Today()) return AdminResult.Refused("Penunjukan ini sudah berakhir; tidak ada yang perlu dicabut.");

            var now = clock.GetUtcNow();
            substitution.RevokedAt = now;
            substitution.RevokedByName = actor.FullName;
            db.Audit(actor, AuditActions.SubstitutionRevoked,
                $"{substitution.Kind}. {substitution.Position!.Name}: {substitution.Substitute!.FullName} {OnBehalfOf(substitution.Principal?.FullName)}, "
                + Range(substitution.StartDate, substitution.EndDate), now);
            return AdminResult.Done($"Penunjukan {substitution.Substitute.FullName} dicabut.");
        }, cancellationToken);
    }

    private DateOnly Today() => officeTime.Today(clock);

    private static string Range(DateOnly start, DateOnly end) =>
        start == end ? IndonesianFormat.Date(start) : $"{IndonesianFormat.Date(start)} – {IndonesianFormat.Date(end)}";
}
