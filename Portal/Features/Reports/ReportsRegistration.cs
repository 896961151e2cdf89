using System.Security.Claims;
using Portal.Features.Account;

namespace Portal.Features.Reports;

public static class ReportsRegistration
{
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportSnapshotQuery>();
        builder.Services.AddSingleton<LaporanQuery>();
        builder.Services.AddSingleton<PelaksanaanQuery>();
        builder.Services.AddSingleton<ReportDownloads>();
        return builder;
    }

    /// <summary>The report downloads. Every one checks the person on the server; refusals answer in Bahasa Indonesia, never with an exception.</summary>
    public static WebApplication MapReports(this WebApplication app)
    {
        var reports = app.MapGroup("/laporan").RequireAuthorization();
        reports.MapGet("/inovasi/{id:int}.pdf", async (int id, ClaimsPrincipal user, ReportDownloads downloads, HttpContext http) =>
            Answer(await downloads.LaporanAsync(id, user.UserId(), http.RequestAborted)));
        reports.MapGet("/pelaksanaan/{id:int}.pdf", async (int id, ClaimsPrincipal user, ReportDownloads downloads, HttpContext http) =>
            Answer(await downloads.PelaksanaanAsync(id, user.UserId(), http.RequestAborted)));
        reports.MapGet("/periode.pdf", async (int? tahun, int? bulan, int? bidang, int? sop, ClaimsPrincipal user, ReportDownloads downloads, HttpContext http) =>
            Answer(await downloads.PeriodAsync(new ReportRequest(tahun, bulan, bidang, sop), user.UserId(), http.RequestAborted)));
        reports.MapGet("/rekap.xlsx", async (int? tahun, int? bidang, ClaimsPrincipal user, ReportDownloads downloads, HttpContext http) =>
            Answer(await downloads.RecapAsync(new ReportRequest(tahun, null, bidang), user.UserId(), http.RequestAborted)));
        return app;
    }

    private static IResult Answer(ReportDownload download) => download switch
    {
        { File: { } file } => Results.File(file.Content, file.ContentType, file.FileName),
        { Refusal: { } refusal } => Results.Text(refusal.Message, "text/plain; charset=utf-8", statusCode: refusal.Kind switch
        {
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            RefusalKind.NotAvailable => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        }),
        _ => throw new InvalidOperationException("A download has either a file or a refusal."),
    };
}
