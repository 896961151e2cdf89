using System.Text;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Features.Admin;

/// <summary>An administrator's everyday work through the real pages in Chromium.</summary>
[Trait("Category", "Browser")]
public sealed class AdminFlowsBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_administrator_adds_a_person_and_sees_the_one_time_password_once()
    {
        var page = await session.SignInAsync(DemoPeople.Administrator);
        await OpenAsync(page, "/admin/pengguna");

        await page.GetByTestId("add-user").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByLabel("NIP").FillAsync("12345");
        await dialog.GetByLabel("Nama lengkap (dengan gelar)").FillAsync("Rina Marlina, S.Kom.");
        await dialog.GetByTestId("user-save").ClickAsync();
        await Expect(dialog).ToContainTextAsync("NIP terdiri dari 18 angka.");

        await dialog.GetByLabel("NIP").FillAsync("199805052022032001");
        await dialog.GetByLabel("Jabatan").FillAsync("Pranata Komputer Ahli Pertama");
        await ChooseAsync(page, dialog.GetByTestId("user-bidang"), "Bidang Pemanfaatan Data dan Inovasi Pelayanan (PDIP)");
        await ChooseAsync(page, dialog.GetByTestId("user-position"), "Pranata Komputer Ahli Pertama (PDIP)");
        await BrowserSession.ScreenshotAsync(page, "admin-pengguna-tambah");
        await dialog.GetByTestId("user-save").ClickAsync();

        var password = page.GetByTestId("one-time-password");
        await Expect(password).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Za-z2-9]{12}$"));
        await BrowserSession.ScreenshotAsync(page, "admin-pengguna-sandi-sementara");
        await page.GetByTestId("one-time-password-done").ClickAsync();
        await Expect(password).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("users-grid")).ToContainTextAsync("Rina Marlina, S.Kom.");

        await page.GetByTestId("user-link").Filter(new() { HasText = "Rina Marlina, S.Kom." }).ClickAsync();
        await Expect(page.GetByTestId("user-title")).ToHaveTextAsync("Rina Marlina, S.Kom.");
        await Expect(page.Locator("body")).ToContainTextAsync("Sandi sementara");
        await BrowserSession.ScreenshotAsync(page, "admin-pengguna-detail");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_administrator_previews_a_holiday_file_saves_it_and_a_bad_file_is_refused()
    {
        var page = await session.SignInAsync(DemoPeople.Administrator);
        await OpenAsync(page, "/admin/libur");

        await page.GetByTestId("start-import").ClickAsync();
        await BrowserSession.ChooseFilesAsync(page.GetByTestId("import-panel").Locator("input[type=file]").First, new FilePayload
        {
            Name = "libur-2027.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("2027-08-17,Tahun Tanpa Duplikat;libur nasional\n"),
        });
        await Expect(page.GetByTestId("import-error")).ToContainTextAsync("Baris 1: harus berisi tiga kolom");
        await Expect(page.GetByTestId("import-save")).ToHaveCountAsync(0);

        await BrowserSession.ChooseFilesAsync(page.GetByTestId("import-panel").Locator("input[type=file]").First, new FilePayload
        {
            Name = "terlalu-besar.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("2027-08-17,Hari Kemerdekaan Republik Indonesia,libur nasional\n", 20_000))),
        });
        await Expect(page.GetByTestId("import-error")).ToContainTextAsync("paling besar 1 MB");

        await BrowserSession.ChooseFilesAsync(page.GetByTestId("import-panel").Locator("input[type=file]").First, new FilePayload
        {
            Name = "libur-2027.ics",
            MimeType = "text/calendar",
            Buffer = Encoding.UTF8.GetBytes(
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:Tahun Baru 2027 Masehi\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270205\r\nSUMMARY:Cuti Bersama Tahun Baru Imlek\r\nEND:VEVENT\r\n"
                + "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270817\r\nSUMMARY:Hari Kemerdekaan Republik Indonesia\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"),
        });
        var preview = page.GetByTestId("import-preview");
        await Expect(preview.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(preview).ToContainTextAsync("Cuti bersama");
        await BrowserSession.ScreenshotAsync(page, "admin-libur-pratinjau");

        await page.GetByTestId("import-save").ClickAsync();
        // What the person sees first: the success message (a refusal would show in the failure's page snapshot).
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("3 hari libur tahun 2027 diimpor.");
        await page.WaitForURLAsync(url => url.EndsWith("tahun=2027"));
        await Expect(page.GetByTestId("holidays-grid")).ToContainTextAsync("Hari Kemerdekaan Republik Indonesia");
        await Expect(page.GetByTestId("count-joint")).ToHaveTextAsync("1 cuti bersama");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_administrator_pastes_the_SKB_list_sees_each_bad_line_then_saves_the_corrected_list()
    {
        var page = await session.SignInAsync(DemoPeople.Administrator);
        await OpenAsync(page, "/admin/libur");
        await page.GetByTestId("start-import").ClickAsync();
        var pasted = page.GetByTestId("import-paste");

        await pasted.FillAsync("I. LIBUR NASIONAL\n1. Selasa, 1 Juni 2027 Hari Lahir Pancasila\n2. Senin, 25 Desember 2027 Hari Raya Natal\n3. 24 Desembr 2027 Cuti Bersama Natal\n");
        await page.GetByTestId("import-paste-check").ClickAsync();
        var error = page.GetByTestId("import-error");
        await Expect(error).ToContainTextAsync("Baris 3: 25 Desember 2027 jatuh pada hari Sabtu, bukan Senin.");
        await Expect(error).ToContainTextAsync("Baris 4: bulan \"Desembr\" tidak dikenali");
        await Expect(error).ToContainTextAsync("Tidak ada yang disimpan.");
        await Expect(page.GetByTestId("import-save")).ToHaveCountAsync(0);

        await pasted.FillAsync("I. LIBUR NASIONAL\n1. Selasa, 1 Juni 2027 Hari Lahir Pancasila\n2. Sabtu, 25 Desember 2027 Hari Raya Natal\nII. CUTI BERSAMA\n1. Jumat, 24 Desember 2027 Cuti Bersama Hari Raya Natal\n");
        await page.GetByTestId("import-paste-check").ClickAsync();
        var preview = page.GetByTestId("import-preview");
        await Expect(preview.Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(preview).ToContainTextAsync("Cuti bersama");
        await BrowserSession.ScreenshotAsync(page, "admin-libur-tempel-skb");

        await page.GetByTestId("import-save").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("3 hari libur tahun 2027 diimpor.");
        await page.WaitForURLAsync(url => url.EndsWith("tahun=2027"));
        await Expect(page.GetByTestId("holidays-grid")).ToContainTextAsync("Hari Lahir Pancasila");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_administrator_changes_step_times_in_days_and_in_hours_and_the_SOP_page_shows_the_new_version_and_what_changed()
    {
        var page = await session.SignInAsync(DemoPeople.Administrator);
        await OpenAsync(page, "/admin/sop");

        var step9 = page.GetByTestId("sop-step-9");
        await step9.GetByTestId("step-duration").FillAsync("3");
        await step9.GetByTestId("step-duration").BlurAsync();
        await Expect(page.GetByTestId("sop-pending-changes")).ToContainTextAsync("Langkah 9 (Laporan): Waktu: 1 hari → 3 hari");
        var step7 = page.GetByTestId("sop-step-7");
        await ChooseAsync(page, step7.GetByTestId("step-unit"), "jam kerja");
        await step7.GetByTestId("step-duration").FillAsync("4");
        await step7.GetByTestId("step-duration").BlurAsync();
        await Expect(page.GetByTestId("sop-pending-changes")).ToContainTextAsync("Waktu: 2 hari → 4 jam");
        await page.GetByTestId("sop-change-note").FillAsync("Laporan diperpanjang menjadi 3 hari kerja; uji coba cukup 4 jam kerja.");
        await page.GetByTestId("sop-change-note").BlurAsync();
        await Expect(page.GetByTestId("sop-save")).ToBeEnabledAsync();
        await BrowserSession.ScreenshotAsync(page, "admin-sop-perubahan");
        await page.GetByTestId("sop-save").ClickAsync();
        await Expect(page.GetByTestId("sop-current-version")).ToContainTextAsync("Versi berlaku: 2");

        await OpenAsync(page, "/sop");
        await Expect(page.GetByTestId("sop-history-2")).ToContainTextAsync("Langkah 9 (Laporan): Waktu: 1 hari → 3 hari");
        await Expect(page.GetByTestId("sop-row-9").GetByTestId("sop-duration")).ToHaveTextAsync("3 hari");
        await Expect(page.GetByTestId("sop-row-7").GetByTestId("sop-duration")).ToHaveTextAsync("4 jam");
        await BrowserSession.ScreenshotAsync(page, "sop-versi-2");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_Kepala_Dinas_appoints_a_Plh_for_a_Kepala_Bidang()
    {
        var page = await session.SignInAsync(DemoPeople.KepalaDinas);
        await OpenAsync(page, "/admin/plh");

        await page.GetByTestId("add-substitution").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await ChooseAsync(page, dialog.GetByTestId("principal"), "Hendra Gunawan, S.Sos. — Kepala Bidang Pelayanan Pendaftaran Penduduk");
        await Expect(dialog.GetByTestId("derived-role")).ToContainTextAsync("Plh. Kepala Bidang Pelayanan Pendaftaran Penduduk");
        await ChooseAsync(page, dialog.GetByTestId("substitute"), "Fajar Nugroho, S.E. — Administrator Database Kependudukan");
        await dialog.GetByTestId("end-date").FillAsync(Portal.Domain.OfficeZone.Wita.ToLocal(session.App.Get<TimeProvider>().GetUtcNow()).Date.AddDays(3).ToString("dd MMM yyyy", Portal.Domain.IndonesianFormat.Culture));
        await dialog.GetByTestId("end-date").PressAsync("Tab");
        await dialog.GetByTestId("note").FillAsync("Surat Perintah Nomor 800/123/Disdukcapil");
        await BrowserSession.ScreenshotAsync(page, "admin-plh-tetapkan");
        await dialog.GetByTestId("substitution-save").ClickAsync();

        var grid = page.GetByTestId("substitutions-grid").First;
        await Expect(grid).ToContainTextAsync("Fajar Nugroho, S.E.");
        await Expect(grid).ToContainTextAsync("Berlaku");
        await BrowserSession.ScreenshotAsync(page, "admin-plh-daftar");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_administrator_appoints_a_Plt_for_a_vacant_Kepala_Bidang_position()
    {
        // The Kepala Bidang Capil has retired: the administrator deactivated her account.
        var admin = await session.App.IdAsync(DemoPeople.Administrator);
        var retired = await session.App.UserAsync("198107082006042001");
        if (retired.IsActive)
            Assert.True((await session.App.Get<Portal.Features.Admin.Users.UserAdministration>().SetActiveAsync(retired.Id, false, admin)).Succeeded);

        var page = await session.SignInAsync(DemoPeople.Administrator);
        await OpenAsync(page, "/admin/plh");
        await page.GetByTestId("add-substitution").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByText("Jabatan lowong (tidak ada pemegangnya)").ClickAsync();
        // The form changes to the vacant position's fields; a person presses Tetapkan once they see them.
        await Expect(dialog.GetByTestId("vacant-position")).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("principal")).ToHaveCountAsync(0);
        await dialog.GetByTestId("substitution-save").ClickAsync();
        await Expect(dialog).ToContainTextAsync("Pilih jabatan yang lowong.");
        await BrowserSession.ScreenshotAsync(page, "admin-plt-jabatan-lowong-pilih");

        await ChooseAsync(page, dialog.GetByTestId("vacant-position"), "Kepala Bidang Pelayanan Pencatatan Sipil (Capil)");
        var duties = dialog.GetByTestId("acting-duties");
        await Expect(duties).ToContainTextAsync("Pengganti akan bertindak sebagai Plt. Kepala Bidang Pelayanan Pencatatan Sipil");
        await Expect(duties).ToContainTextAsync("langkah 3, 8");
        await Expect(duties).ToContainTextAsync("Berhenti sendiri bila jabatan ini dipegang lagi");
        await ChooseAsync(page, dialog.GetByTestId("substitute"), "Drs. Bambang Sutrisno — Sekretaris Dinas");
        await dialog.GetByTestId("end-date").FillAsync(Portal.Domain.OfficeZone.Wita.ToLocal(session.App.Get<TimeProvider>().GetUtcNow()).Date.AddMonths(3).ToString("dd MMM yyyy", Portal.Domain.IndonesianFormat.Culture));
        await dialog.GetByTestId("end-date").PressAsync("Tab");
        await dialog.GetByTestId("note").FillAsync("Surat Perintah Bupati Paser Nomor 800/45/BKPSDM");
        await BrowserSession.ScreenshotAsync(page, "admin-plt-jabatan-lowong");
        await dialog.GetByTestId("substitution-save").ClickAsync();

        var row = page.GetByTestId("substitutions-grid").First.Locator("tr").Filter(new() { HasText = "Drs. Bambang Sutrisno" });
        await Expect(row).ToContainTextAsync("Plt. Kepala Bidang Pelayanan Pencatatan Sipil");
        await Expect(row).ToContainTextAsync("— (jabatan lowong)");
        await Expect(row).ToContainTextAsync("Berlaku");
        await BrowserSession.ScreenshotAsync(page, "admin-plt-jabatan-lowong-daftar");
    }

    private async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(session.BaseUrl + path);
        await BrowserSession.WaitForInteractiveAsync(page);
    }

    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
