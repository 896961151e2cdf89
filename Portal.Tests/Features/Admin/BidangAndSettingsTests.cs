using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Admin.Divisions;
using Portal.Features.Admin.Settings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

public sealed class BidangAndSettingsTests(BidangAndSettingsTests.App app) : IClassFixture<BidangAndSettingsTests.App>
{
    public sealed class App() : PortalAppFactory();

    [Fact]
    public async Task A_bidang_is_renamed_with_an_audit_row_and_a_taken_name_or_short_name_is_refused()
    {
        var bidang = app.Get<BidangAdministration>();
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var capil = (await bidang.ListAsync()).Single(b => b.ShortName == "Capil");

        var renamed = await bidang.SaveAsync(new BidangForm { Id = capil.Id, Name = "Bidang Pencatatan Sipil", ShortName = "Capil" }, admin);
        var takenShort = await bidang.SaveAsync(new BidangForm { Id = capil.Id, Name = "Bidang Pencatatan Sipil", ShortName = "pdip" }, admin);
        var takenName = await bidang.SaveAsync(new BidangForm { Name = "sekretariat", ShortName = "Sekr" }, admin);
        var tooShort = await bidang.SaveAsync(new BidangForm { Name = "X", ShortName = "X" }, admin);

        Assert.True(renamed.Succeeded, renamed.Message);
        Assert.Equal("Singkatan \"pdip\" sudah dipakai bidang lain.", takenShort.Message);
        Assert.Equal("Nama bidang \"sekretariat\" sudah dipakai bidang lain.", takenName.Message);
        Assert.Equal("Nama bidang wajib diisi, minimal 3 karakter.", tooShort.Message);
        Assert.Equal("Bidang Pencatatan Sipil", (await bidang.ListAsync()).Single(b => b.Id == capil.Id).Name);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditActions.BidangChanged
            && a.Detail == "Bidang Pelayanan Pencatatan Sipil (Capil) → Bidang Pencatatan Sipil (Capil)"));
    }

    [Fact]
    public async Task Settings_are_saved_take_effect_and_the_stored_SMTP_password_is_kept_unless_replaced_or_cleared()
    {
        var settings = app.Get<SettingsAdministration>();
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var form = await settings.LoadAsync();
        Assert.False(form.SmtpConfigured);
        form.SmtpHost = "mail.paserkab.go.id";
        form.SmtpUserName = "portal";
        form.NewSmtpPassword = "rahasia-smtp";
        form.SmtpSenderAddress = "inovasi@paserkab.go.id";

        Assert.True((await settings.SaveAsync(form, admin)).Succeeded);
        var stored = await app.Get<SettingsStore>().GetAsync();
        Assert.Equal(("mail.paserkab.go.id", "rahasia-smtp"), (stored.SmtpHost, stored.SmtpPassword));

        var reloaded = await settings.LoadAsync();
        Assert.True(reloaded.HasSmtpPassword);
        Assert.Null(reloaded.NewSmtpPassword);
        reloaded.EscalationWorkingDays = 3;
        Assert.True((await settings.SaveAsync(reloaded, admin)).Succeeded);
        Assert.Equal("rahasia-smtp", (await app.Get<SettingsStore>().GetAsync()).SmtpPassword);

        var cleared = await settings.LoadAsync();
        cleared.ClearSmtpPassword = true;
        Assert.True((await settings.SaveAsync(cleared, admin)).Succeeded);
        Assert.Null((await app.Get<SettingsStore>().GetAsync()).SmtpPassword);
    }

    public static TheoryData<string, string> InvalidSettings => new()
    {
        { "cron", "bukan ekspresi cron lima bagian yang sah" },
        { "port", "Port SMTP harus 1 sampai 65535." },
        { "sender", "Alamat pengirim bukan alamat e-mail yang sah." },
        { "host", "Server SMTP hanya berisi huruf, angka, titik dan tanda hubung" },
        { "upload", "Batas unggahan harus 1 sampai 100 MB." },
        { "not admin", "Anda tidak berwenang" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Invalid_settings_are_refused_with_a_message_and_nothing_changes(string field, string expected)
    {
        var settings = app.Get<SettingsAdministration>();
        var before = await app.Get<SettingsStore>().GetAsync();
        var form = await settings.LoadAsync();
        var actor = await app.IdAsync(field == "not admin" ? DemoPeople.KepalaDinas : DemoPeople.Administrator);
        switch (field)
        {
            case "cron": form.OverdueScanCron = "setiap 5 menit"; break;
            case "port": form.SmtpPort = 70000; break;
            case "sender": form.SmtpSenderAddress = "bukan-email"; break;
            case "host": form.SmtpHost = "mail server"; break;
            case "upload": form.MaxUploadMegabytes = 0; break;
            default: form.DueSoonWorkingDays = 5; break;
        }

        var result = await settings.SaveAsync(form, actor);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        var after = await app.Get<SettingsStore>().GetAsync();
        Assert.Equal((before.OverdueScanCron, before.DueSoonWorkingDays, before.SmtpPort, before.UpdatedAt),
            (after.OverdueScanCron, after.DueSoonWorkingDays, after.SmtpPort, after.UpdatedAt));
    }
}
