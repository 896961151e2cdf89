using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Data;

public sealed class SettingsStoreTests(DemoPortal app) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task The_SMTP_password_is_stored_encrypted_and_read_back_for_sending()
    {
        var store = app.Get<SettingsStore>();
        var settings = await store.GetAsync();
        settings.SmtpHost = "127.0.0.1";
        settings.SmtpUserName = "portal";
        settings.SmtpPassword = "rahasia-sekali-2026";

        await store.SaveAsync(settings, await app.IdAsync(DemoPeople.Administrator), "Admin Portal", app.Get<TimeProvider>().GetUtcNow());

        await using var db = app.CreateDbContext();
        var stored = await db.Settings.AsNoTracking().SingleAsync();
        Assert.NotNull(stored.SmtpPassword);
        Assert.DoesNotContain("rahasia", stored.SmtpPassword);
        Assert.Equal("rahasia-sekali-2026", (await store.GetAsync()).SmtpPassword);
        var fresh = new SettingsStore(app.Get<IDbContextFactory<PortalDbContext>>(),
            app.Get<Microsoft.Extensions.Options.IOptions<Portal.Data.Entities.PortalSettings>>(),
            app.Get<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>());
        Assert.Equal("rahasia-sekali-2026", (await fresh.GetAsync()).SmtpPassword);
    }
}
