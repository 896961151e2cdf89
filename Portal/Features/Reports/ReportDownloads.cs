using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Workflow;

namespace Portal.Features.Reports;

public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

public sealed record ReportDownload(ReportFile? File, ReportRefusal? Refusal)
{
    public static ReportDownload Refused(RefusalKind kind, string message) => new(null, new ReportRefusal(kind, message));
}

/// <summary>
/// The report files, each checked against the person asking on the server: the Laporan, the Laporan Pelaksanaan SOP,
/// the period PDF and the recap.
/// </summary>
public sealed class ReportDownloads(
    IDbContextFactory<PortalDbContext> dbFactory,
    LaporanQuery laporan,
    PelaksanaanQuery pelaksanaan,
    ReportSnapshotQuery snapshots,
    SopCatalog sops,
    IValidator<ReportRequest> validator,
    OfficeProfileStore officeProfile,
    TimeProvider clock)
{
    public const string PdfType = "application/pdf";
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<ReportDownload> LaporanAsync(int innovationId, string userId, CancellationToken cancellationToken = default)
    {
        var outcome = await laporan.LoadAsync(innovationId, userId, cancellationToken);
        if (outcome.Data is not { } data) return new ReportDownload(null, outcome.Refusal);
        var name = $"Laporan Inovasi Pelayanan {innovationId} - {FileNamePart(data.Innovation.Judul)}{(data.IsDraft ? " (DRAF)" : "")}.pdf";
        return new ReportDownload(new ReportFile(LaporanPdf.Render(data), PdfType, name), null);
    }

    public async Task<ReportDownload> PelaksanaanAsync(int itemId, string userId, CancellationToken cancellationToken = default)
    {
        var outcome = await pelaksanaan.LoadAsync(itemId, userId, cancellationToken);
        if (outcome.Data is not { } data) return new ReportDownload(null, outcome.Refusal);
        var name = $"Laporan Pelaksanaan SOP {itemId} - {FileNamePart(data.Judul)}{(data.IsDraft ? " (DRAF)" : "")}.pdf";
        return new ReportDownload(new ReportFile(PelaksanaanPdf.Render(data), PdfType, name), null);
    }

    public async Task<ReportDownload> PeriodAsync(ReportRequest request, string userId, CancellationToken cancellationToken = default)
    {
        var (refusal, bidangName) = await CheckAsync(request, userId, cancellationToken);
        if (refusal is not null) return new ReportDownload(null, refusal);
        var all = await sops.ListAsync(cancellationToken);
        var sop = request.Sop is { } sopId ? all.FirstOrDefault(s => s.Id == sopId) : all.First(s => s.RecordKind == SopRecordKind.InovasiPelayanan);
        if (sop is null) return ReportDownload.Refused(RefusalKind.NotFound, "SOP tidak ditemukan.");
        var office = await officeProfile.GetAsync(cancellationToken);
        var snapshot = await snapshots.LoadAsync(request.PeriodIn(office.Zone), request.Bidang, sop.Id, cancellationToken);
        var pdf = PeriodReportPdf.Render(PeriodReport.Build(snapshot, bidangName, ReportOffice.From(office)));
        return new ReportDownload(new ReportFile(pdf, PdfType, $"Laporan Periode {FileNamePart(snapshot.Period.Label)}{BidangPart(bidangName)}.pdf"), null);
    }

    public async Task<ReportDownload> RecapAsync(ReportRequest request, string userId, CancellationToken cancellationToken = default)
    {
        // The recap is always for a whole year.
        request = request with { Bulan = null };
        var (refusal, bidangName) = await CheckAsync(request, userId, cancellationToken);
        if (refusal is not null) return new ReportDownload(null, refusal);
        var innovationSop = (await sops.ListAsync(cancellationToken)).First(s => s.RecordKind == SopRecordKind.InovasiPelayanan);
        var office = await officeProfile.GetAsync(cancellationToken);
        var snapshot = await snapshots.LoadAsync(request.PeriodIn(office.Zone), request.Bidang, innovationSop.Id, cancellationToken);
        using var file = new MemoryStream();
        await RecapWorkbook.WriteAsync(file, snapshot, bidangName ?? "Semua bidang", cancellationToken);
        return new ReportDownload(new ReportFile(file.ToArray(), ExcelType, $"Rekap Inovasi {request.Tahun}{BidangPart(bidangName)}.xlsx"), null);
    }

    /// <summary>The leadership check and the request's validity; gives the bidang's name when one is asked for.</summary>
    public async Task<(ReportRefusal? Refusal, string? BidangName)> CheckAsync(ReportRequest request, string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = (await officeProfile.GetAsync(cancellationToken)).Zone.LocalDate(clock.GetUtcNow());
        var actor = await ActorDirectory.ResolveAsync(db, userId, today, cancellationToken);
        if (!ReportAccess.IsLeadership(actor)) return (new ReportRefusal(RefusalKind.Forbidden, ReportAccess.LeadershipOnly), null);

        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid) return (new ReportRefusal(RefusalKind.Invalid, validation.Errors[0].ErrorMessage), null);
        if (request.Bidang is not { } bidangId) return (null, null);
        var bidang = await db.Bidang.AsNoTracking().Where(b => b.Id == bidangId).Select(b => b.ShortName).FirstOrDefaultAsync(cancellationToken);
        return bidang is null ? (new ReportRefusal(RefusalKind.NotFound, "Bidang tidak ditemukan."), null) : (null, bidang);
    }

    private static string BidangPart(string? bidangName) => bidangName is null ? "" : $" - {FileNamePart(bidangName)}";

    /// <summary>A title made safe for a file name: letters, digits, spaces and a few marks, at most 80 characters.</summary>
    public static string FileNamePart(string text)
    {
        var safe = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
            safe.Append(char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' or ',' or '(' or ')' ? c : ' ');
        var collapsed = string.Join(' ', safe.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length > 80 ? collapsed[..80].TrimEnd() : collapsed;
    }
}
