using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Features.Office;
using Portal.Tests.Features.Alerts;
using Portal.Tests.Features.Reports;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Office;

/// <summary>
/// A dinas in Java: the office profile says WIB and Sleman. Every surface a person reads says WIB, never WITA, and the
/// kop carries Sleman's names; meanwhile other portals in this test process run in WITA (each host has its own zone).
/// </summary>
public sealed class OfficeInWibTests(OfficeInWibTests.App app) : IClassFixture<OfficeInWibTests.App>
{
    public sealed class App() : MailingAlertsApp(Wita(2026, 11, 2, 8), new Dictionary<string, string?>
    {
        ["Office:TimeZone"] = "Asia/Jakarta",
        ["Office:PemerintahDaerah"] = "Pemerintah Kabupaten Sleman",
        ["Office:NamaInstansi"] = "Dinas Kependudukan dan Pencatatan Sipil",
        ["Office:Alamat"] = "Jl. Candi Gebang, Beran, Tridadi",
    });

    private const string Kop = "PEMERINTAH KABUPATEN SLEMAN";

    [Fact]
    public async Task The_board_and_an_innovations_detail_page_say_WIB()
    {
        var id = await app.CreateInnovationAsync("Layanan Adminduk di Kalurahan");
        using var proposer = await app.SignedInClientAsync(DemoPeople.FungsionalPdip);

        var board = await (await proposer.GetAsync("/")).HtmlAsync();
        var detail = await (await proposer.GetAsync($"/inovasi/{id}")).HtmlAsync();

        Assert.Contains($"data-testid=\"card-{id}\"", board);
        Assert.Matches(@"title=""Tenggat \d\d \w+ 2026 \d\d\.\d\d WIB""", board);
        Assert.Matches(@"Tenggat: <b>\d\d \w+ 2026 \d\d\.\d\d WIB</b>", detail);
        Assert.Contains("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sleman", board);
        Assert.DoesNotContain("WITA", board);
        Assert.DoesNotContain("WITA", detail);
    }

    [Fact]
    public async Task The_TV_screen_shows_a_WIB_clock_and_the_offices_name_and_logo()
    {
        using var viewer = await app.SignedInClientAsync(DemoPeople.Pemantau);

        var tv = await (await viewer.GetAsync("/layar")).HtmlAsync();

        Assert.Matches(@"<div class=""tv-time"">\d\d:\d\d:\d\d <small>WIB</small></div>", tv);
        Assert.Contains("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sleman", tv);
        Assert.Contains("src=\"/kantor/logo?v=", tv);
        Assert.DoesNotContain("WITA", tv);
        Assert.DoesNotContain("Pencatatan Sipil Kabupaten Paser", tv);
    }

    [Fact]
    public async Task A_late_alert_and_its_e_mail_say_WIB_under_the_offices_kop()
    {
        app.Smtp.Start();
        var id = await app.StepTwoFromNextMondayAsync("Perekaman KTP-el di Padukuhan");
        app.Clock.Advance(TimeSpan.FromDays(3));

        await app.ScanAsync();
        long notificationId;
        await using (var db = app.CreateDbContext())
        {
            var late = await db.Notifications.Where(n => n.InnovationId == id && n.Level == AlertLevel.Late).ToListAsync();
            Assert.NotEmpty(late);
            Assert.All(late, n => Assert.Matches(@"melewati tenggat \d\d \w+ 2026 \d\d\.\d\d WIB", n.Message));
            notificationId = late[0].Id;
        }
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AlertMailJob>().SendNotificationAsync(notificationId, CancellationToken.None);

        var mail = Assert.Single(await app.Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("Perekaman KTP-el di Padukuhan")));
        Assert.Matches(@"\d\d \w+ 2026 \d\d\.\d\d WIB", mail.HtmlBody);
        Assert.DoesNotContain("WITA", mail.HtmlBody);
        Assert.DoesNotContain("WITA", mail.TextBody);
        Assert.Contains(Kop, mail.HtmlBody);
        // The plain-text alternative, read by simple mail programs, opens under the same kop.
        Assert.StartsWith(Kop + Environment.NewLine, mail.TextBody);
        Assert.Contains("Jl. Candi Gebang, Beran, Tridadi", mail.TextBody);
        Assert.Contains("Jl. Candi Gebang, Beran, Tridadi", mail.HtmlBody);
        Assert.Contains("src=\"https://inovasi.paserkab.go.id/kantor/logo?v=", mail.HtmlBody);
        Assert.Contains("Portal Inovasi Pelayanan Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sleman.", mail.HtmlBody);
    }

    [Fact]
    public async Task The_Laporan_PDF_has_the_offices_kop_and_its_times_in_WIB()
    {
        int finished;
        await using (var db = app.CreateDbContext())
            finished = await db.Innovations.Where(i => i.Status == InnovationStatus.Selesai).Select(i => i.Id).FirstAsync();
        using var kadis = await app.SignedInClientAsync(DemoPeople.KepalaDinas);

        var response = await kadis.GetAsync($"/laporan/inovasi/{finished}.pdf");

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = new PdfReadBack(await response.Content.ReadAsByteArrayAsync());
        var first = pdf.Pages[0].Text;
        Assert.Contains(Kop, first);
        Assert.Contains("DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", first);
        Assert.DoesNotContain("PEMERINTAH KABUPATEN PASER", first);
        Assert.Contains("Mulai (WIB)", pdf.AllText);
        Assert.Contains("Selesai (WIB)", pdf.AllText);
        Assert.Matches(@"Dicetak \d\d \w+ 2026 \d\d\.\d\d WIB", first);
        Assert.Matches(@"Tanggal: \d\d \w+ 2026 \d\d\.\d\d WIB", pdf.AllText);
        Assert.Contains("Kabupaten Sleman", pdf.Pages[^1].Text);
        Assert.DoesNotContain("WITA", pdf.AllText);
    }

    [Fact]
    public async Task Two_portals_in_one_process_keep_their_own_zones()
    {
        using var papua = new PortalAppFactory(settings: new Dictionary<string, string?> { ["Office:TimeZone"] = "Asia/Jayapura" });
        using var viewer = await papua.SignedInClientAsync(DemoPeople.Pemantau);
        var instant = TestInstants.OrdinaryWednesday;

        var tv = await (await viewer.GetAsync("/layar")).HtmlAsync();

        Assert.Equal("25 Nov 2026 09.00 WIB", app.Get<OfficeTime>().DateTime(instant));
        Assert.Equal("25 Nov 2026 11.00 WIT", papua.Get<OfficeTime>().DateTime(instant));
        Assert.Contains("<small>WIT</small>", tv);
        Assert.Equal("WIB", app.Get<OfficeTime>().Label);
    }
}
