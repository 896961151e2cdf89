namespace Portal.Features.Reports;

/// <summary>The download addresses, built in one place for the pages and matched by <see cref="ReportsRegistration.MapReports"/>.</summary>
public static class ReportUrls
{
    public static string Laporan(int innovationId) => $"/laporan/inovasi/{innovationId}.pdf";

    public static string Pelaksanaan(int itemId) => $"/laporan/pelaksanaan/{itemId}.pdf";

    public static string Period(ReportRequest request) =>
        $"/laporan/periode.pdf?tahun={request.Tahun}{(request.Bulan is { } month ? $"&bulan={month}" : "")}{BidangQuery(request)}{(request.Sop is { } sop ? $"&sop={sop}" : "")}";

    /// <summary>The SINOVIK recap: always of the innovation SOP.</summary>
    public static string Recap(ReportRequest request) => $"/laporan/rekap.xlsx?tahun={request.Tahun}{BidangQuery(request)}";

    private static string BidangQuery(ReportRequest request) => request.Bidang is { } bidang ? $"&bidang={bidang}" : "";
}
