using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain.SopImport;

namespace Portal.Features.Admin.SopImport;

/// <summary>What reading an SOP gave: a draft to preview and correct, or why there is none (in Indonesian).</summary>
public sealed record SopImportReading(SopDraft? Draft, string? Refusal)
{
    public static SopImportReading Refused(string message) => new(null, message);
}

/// <summary>What saving an import gave: the answer, and the new SOP version's id when it was stored.</summary>
/// <param name="Slug">The new SOP's address name (its board is <c>/papan/{Slug}</c>); null when nothing was saved.</param>
public sealed record SopImportSaved(AdminResult Result, int? DefinitionId, string? Slug = null);

/// <summary>
/// Reads an SOP from its pasted table or an uploaded .docx / .xlsx into a draft for the preview, and saves a clean
/// draft as a new SOP (version 1) beside the existing ones. Reading changes nothing: the upload is read in memory
/// and dropped. Every call checks that an administrator is asking.
/// </summary>
public sealed class SopImportAdministration(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private const int ProblemsInRefusal = 3;

    /// <summary>Blazor Server carries a pasted text in one message (32 KB); a longer table is uploaded as a file.</summary>
    public const int MaxPastedLength = 20_000;

    public async Task<SopImportReading> ReadTextAsync(string? text, string actorId, CancellationToken cancellationToken = default)
    {
        if (!await IsAdministratorAsync(actorId, cancellationToken)) return SopImportReading.Refused(AdminResult.NotAllowed.Message);
        if (string.IsNullOrWhiteSpace(text)) return SopImportReading.Refused("Tempel tabel SOP lebih dahulu.");
        if (text.Length > MaxPastedLength)
            return SopImportReading.Refused($"Teks terlalu panjang ({text.Length:N0} karakter; paling banyak {MaxPastedLength:N0}). Unggah SOP sebagai berkas .docx atau .xlsx.");
        return new SopImportReading(SopFormParser.Parse(text), null);
    }

    /// <param name="declaredSize">The size the browser declared; a larger file is refused before it is read.</param>
    public async Task<SopImportReading> ReadFileAsync(Stream content, long declaredSize, string actorId, CancellationToken cancellationToken = default)
    {
        if (!await IsAdministratorAsync(actorId, cancellationToken)) return SopImportReading.Refused(AdminResult.NotAllowed.Message);
        if (declaredSize > SopUpload.MaxBytes) return SopImportReading.Refused(SopUpload.TooLarge().Refusal!);
        var reading = await SopUpload.ReadAsync(content, cancellationToken);
        return reading.Grid is { } grid
            ? new SopImportReading(SopFormParser.Parse(grid), null)
            : SopImportReading.Refused(reading.Refusal!);
    }

    /// <param name="source">Where the SOP was read from (a file name, or the pasted text), for its first version's note.</param>
    public async Task<SopImportSaved> SaveAsync(SopDraft draft, string source, string actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        SopDefinition? stored = null;
        var result = await db.ExecuteAsync(actorId, AdminAccess.Administrators, async actor =>
        {
            var problems = SopDraftProblems.List(draft);
            if (problems.Count > 0)
            {
                var shown = string.Join("; ", problems.Take(ProblemsInRefusal));
                return AdminResult.Refused($"SOP belum dapat disimpan ({problems.Count} masalah): {shown}{(problems.Count > ProblemsInRefusal ? "; ..." : "")}");
            }
            var document = draft.ToDocument();
            var now = clock.GetUtcNow();
            var (version, refusal) = await NewSop.AddAsync(db, document, $"Diimpor dari {source}.", now, actor.FullName, cancellationToken);
            if (version is null) return AdminResult.Refused(refusal!);
            stored = version;
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, ActorId = actor.Id, ActorName = actor.FullName, Action = AuditActions.SopImported,
                Detail = $"SOP {document.Header.Judul} ({document.Header.Nomor}) versi 1 dari {source}: {document.Steps.Count} langkah, "
                    + $"pelaksana {string.Join(", ", document.Pelaksana.Select(p => p.Name))}",
            });
            return AdminResult.Done($"SOP {document.Header.Judul} disimpan sebagai SOP baru (versi 1) dengan {document.Steps.Count} langkah.");
        }, cancellationToken);
        return new SopImportSaved(result, result.Succeeded ? stored?.Id : null, result.Succeeded ? stored?.Sop?.Slug : null);
    }

    private async Task<bool> IsAdministratorAsync(string actorId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AdminAccess.ActorAsync(db, actorId, AdminAccess.Administrators, cancellationToken) is not null;
    }
}
