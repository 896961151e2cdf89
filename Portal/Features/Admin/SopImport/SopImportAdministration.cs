using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.SopImport;

namespace Portal.Features.Admin.SopImport;

/// <summary>What reading an SOP gave: a draft to preview and correct, or why there is none (in Indonesian).</summary>
public sealed record SopImportReading(SopDraft? Draft, string? Refusal)
{
    public static SopImportReading Refused(string message) => new(null, message);
}

/// <summary>
/// Reads an SOP from its pasted table or an uploaded .docx / .xlsx into a draft for the preview. Reading changes
/// nothing: the upload is read in memory and dropped. Every call checks that an administrator is asking.
/// </summary>
public sealed class SopImportAdministration(IDbContextFactory<PortalDbContext> dbFactory)
{
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

    private async Task<bool> IsAdministratorAsync(string actorId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AdminAccess.ActorAsync(db, actorId, AdminAccess.Administrators, cancellationToken) is not null;
    }
}
