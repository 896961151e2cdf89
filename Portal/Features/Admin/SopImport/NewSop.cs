using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Features.Admin.SopImport;

/// <summary>
/// Adds an SOP beside the existing ones, with the document as its version 1. Used by the import and by seeding;
/// the caller owns the transaction and the audit row.
/// </summary>
public static class NewSop
{
    /// <summary>Adds the SOP to the context (not saved), or says why it may not be added.</summary>
    public static async Task<(SopDefinition? Version, string? Refusal)> AddAsync(PortalDbContext db, SopDocument document, string changeNote,
        DateTimeOffset createdAt, string? createdBy, CancellationToken cancellationToken = default)
    {
        var problems = SopDefinitionRules.Problems(document);
        if (problems.Count > 0) return (null, "SOP tidak dapat disimpan: " + string.Join("; ", problems) + ".");

        var nomor = document.Header.Nomor;
        var sameNumber = await db.SopDefinitions.AsNoTracking().Where(d => d.Code == nomor)
            .Select(d => d.Sop!.Title).FirstOrDefaultAsync(cancellationToken);
        if (sameNumber is not null)
            return (null, $"Nomor SOP {nomor} sudah dipakai oleh SOP {sameNumber}. Periksa nomornya; perubahan SOP yang sudah ada dibuat di halaman Ubah SOP.");
        var title = document.Header.Judul;
        var titles = await db.Sops.AsNoTracking().Select(s => s.Title).ToListAsync(cancellationToken);
        if (titles.Any(t => string.Equals(t, title, StringComparison.OrdinalIgnoreCase)))
            return (null, $"SOP bernama {title} sudah ada. Beri nama lain, atau ubah SOP yang sudah ada di halaman Ubah SOP.");

        var slug = await FreeSlugAsync(db, SopSlugs.Of(title), cancellationToken);
        var sop = new Data.Entities.Sop { Slug = slug, Title = title, RecordKind = SopRecordKind.PelaksanaanSop, CreatedAt = createdAt };
        var version = SopDefinition.From(0, document with { Version = 1 }, changeNote, createdAt, createdBy);
        version.Sop = sop;
        db.Sops.Add(sop);
        db.SopDefinitions.Add(version);
        return (version, null);
    }

    // Slugs are compared without regard to case; only those starting with the wanted one can collide with it or its suffixes.
    private static async Task<string> FreeSlugAsync(PortalDbContext db, string wanted, CancellationToken cancellationToken) =>
        SopSlugs.Free(wanted, await db.Sops.AsNoTracking().Where(s => s.Slug.StartsWith(wanted)).Select(s => s.Slug).ToListAsync(cancellationToken));
}
