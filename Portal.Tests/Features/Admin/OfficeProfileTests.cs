using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Admin.Holidays;
using Portal.Features.Admin.Office;
using Portal.Features.Alerts;
using Portal.Features.Office;
using Portal.Features.Operations.Backups;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

/// <summary>The office profile as an administrator saves it: stored with an audit row, used at once, and refused whole on bad input.</summary>
public sealed class OfficeProfileTests(OfficeProfileTests.App app) : IClassFixture<OfficeProfileTests.App>
{
    public sealed class App() : PortalAppFactory();

    private OfficeProfileAdministration Administration => app.Get<OfficeProfileAdministration>();

    [Fact]
    public async Task Until_an_administrator_saves_the_profile_is_the_settings_defaults_Paser_in_WITA()
    {
        // A portal of its own: the class's portal may already have saved a profile.
        using var fresh = new PortalAppFactory();
        var form = await fresh.Get<OfficeProfileAdministration>().LoadAsync();

        Assert.Equal(("Pemerintah Kabupaten Paser", "Dinas Kependudukan dan Pencatatan Sipil", "Asia/Makassar"),
            (form.PemerintahDaerah, form.NamaInstansi, form.TimeZoneId));
        Assert.Equal(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
            form.Days.Where(d => d.Open).Select(d => d.Day.ToString()));
        Assert.All(form.Days.Where(d => d.Open), d => Assert.Equal((new TimeSpan(7, 30, 0), new TimeSpan(16, 0, 0)), (d.Opens!.Value, d.Closes!.Value)));
        Assert.Null(form.Logo);
        Assert.Null(form.UpdatedAt);
    }

    [Fact]
    public async Task An_administrator_saves_names_contacts_WIB_a_longer_Friday_and_a_PNG_logo_which_the_portal_uses_at_once()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var logo = TestImages.Png(32, 32, red: 0xC0, green: 0x10, blue: 0x10);
        var form = await Administration.LoadAsync();
        form.PemerintahDaerah = "Pemerintah Kabupaten Sleman";
        form.NamaInstansi = "Dinas Komunikasi dan Informatika";
        form.Alamat = "Jl. Parasamya No. 1, Beran, Tridadi";
        form.Telepon = "(0274) 868405";
        form.Email = "diskominfo@slemankab.go.id";
        form.Situs = "https://diskominfo.slemankab.go.id";
        form.TimeZoneId = "Asia/Jakarta";
        form.Days.Single(d => d.Day == DayOfWeek.Friday).Closes = new TimeSpan(16, 30, 0);
        form.Days.Single(d => d.Day == DayOfWeek.Saturday).Open = false;
        form.Logo = logo;
        form.LogoContentType = "image/png";

        var result = await Administration.SaveAsync(form, admin);

        Assert.True(result.Succeeded, result.Message);
        Assert.Contains("berlaku untuk langkah yang dimulai sesudah ini; tenggat yang sudah ditetapkan tidak berubah", result.Message);
        var office = await app.Get<OfficeProfileStore>().GetAsync();
        Assert.Equal(("Pemerintah Kabupaten Sleman", "Dinas Komunikasi dan Informatika", "(0274) 868405", "WIB"),
            (office.PemerintahDaerah, office.NamaInstansi, office.Telepon, office.Zone.Label));
        Assert.Equal(new WorkingDayHours(DayOfWeek.Thursday, new TimeOnly(7, 30), new TimeOnly(16, 0)), office.Hours.On(DayOfWeek.Thursday));
        Assert.Equal(new WorkingDayHours(DayOfWeek.Friday, new TimeOnly(7, 30), new TimeOnly(16, 30)), office.Hours.On(DayOfWeek.Friday));
        Assert.False(office.Hours.IsOpenOn(DayOfWeek.Saturday));
        Assert.Equal("WIB", app.Get<OfficeTime>().Label);
        Assert.Equal("25 Nov 2026 09.00 WIB", app.Get<OfficeTime>().DateTime(TestInstants.OrdinaryWednesday));
        await using (var db = app.CreateDbContext())
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.OfficeProfileChanged && a.ActorId == admin));

        // The logo's address serves the new bytes, anonymously (sign-in page, e-mail clients) and cacheable by version.
        var response = await app.NewClient().GetAsync(OfficeLogo.Url(office));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(logo, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
        Assert.True((await app.NewClient().GetAsync(OfficeLogo.Route)).Headers.CacheControl!.NoCache);

        // Cron times are office time: every recurring job now runs on WIB clocks.
        using (var connection = app.Get<JobStorage>().GetConnection())
        {
            var zones = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.TimeZoneId);
            Assert.All([AlertSchedule.OverdueScanId, AlertSchedule.DailyDigestId, HolidayReminderSchedule.JobId, BackupSchedule.BackupId, BackupSchedule.WatchId],
                id => Assert.Equal("Asia/Jakarta", zones[id]));
        }

        var reloaded = await Administration.LoadAsync();
        Assert.Equal((logo, "image/png", "Asia/Jakarta"), (reloaded.Logo, reloaded.LogoContentType, reloaded.TimeZoneId));
        Assert.NotNull(reloaded.UpdatedAt);
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { "no pemda", "Nama pemerintah daerah wajib diisi" },
        { "no instansi", "Nama instansi wajib diisi" },
        { "email", "E-mail kantor bukan alamat e-mail yang sah." },
        { "telepon", "Telepon hanya berisi angka" },
        { "situs", "Situs harus alamat web" },
        { "zone", "Pilih zona waktu kantor: WIB, WITA atau WIT." },
        { "no working day", "Pilih sedikitnya satu hari kerja." },
        { "closes before opens", "Jam tutup hari Jumat harus sesudah jam bukanya." },
        { "no closing time", "Jam buka dan jam tutup hari Senin wajib diisi." },
        { "svg with script", "Logo SVG ditolak karena memuat skrip (<script>)." },
        { "png that is not", "bukan gambar PNG atau SVG" },
        { "type does not match", "Jenis berkas logo tidak cocok dengan isinya" },
        { "not admin", "Anda tidak berwenang" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Bad_input_is_refused_with_a_message_in_Indonesian_and_nothing_is_stored(string field, string expected)
    {
        var before = await StoredAsync();
        var form = await Administration.LoadAsync();
        form.NamaInstansi = "Nama yang tidak boleh tersimpan";
        var actor = await app.IdAsync(field == "not admin" ? DemoPeople.KepalaDinas : DemoPeople.Administrator);
        switch (field)
        {
            case "no pemda": form.PemerintahDaerah = "   "; break;
            case "no instansi": form.NamaInstansi = ""; break;
            case "email": form.Email = "kantor-at-paser"; break;
            case "telepon": form.Telepon = "hubungi kami"; break;
            case "situs": form.Situs = "javascript:alert(1)"; break;
            case "zone": form.TimeZoneId = "Asia/Singapore"; break;
            case "no working day": form.Days.ForEach(d => d.Open = false); break;
            case "closes before opens": form.Days.Single(d => d.Day == DayOfWeek.Friday).Closes = new TimeSpan(7, 0, 0); break;
            case "no closing time": form.Days.Single(d => d.Day == DayOfWeek.Monday).Closes = null; break;
            case "svg with script": (form.Logo, form.LogoContentType) = (TestImages.Svg("<script>alert(1)</script>"), "image/svg+xml"); break;
            case "png that is not": (form.Logo, form.LogoContentType) = ("GIF89a bukan png"u8.ToArray(), "image/png"); break;
            case "type does not match": (form.Logo, form.LogoContentType) = (TestImages.Png(8, 8), "image/svg+xml"); break;
        }

        var result = await Administration.SaveAsync(form, actor);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        Assert.Equal(before, await StoredAsync());
    }

    private async Task<(int Rows, int Audits, string Name)> StoredAsync()
    {
        await using var db = app.CreateDbContext();
        return (await db.OfficeProfiles.CountAsync(), await db.AuditEntries.CountAsync(a => a.Action == AuditActions.OfficeProfileChanged),
            (await app.Get<OfficeProfileStore>().GetAsync()).NamaInstansi);
    }
}
