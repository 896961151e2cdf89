using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Portal.Data;
using Portal.Features.Account;
using Portal.Features.Office;
using Portal.Features.Operations.Health;
using Portal.Features.Operations.Faults;
using Portal.Features.Outputs;
using Portal.Features.Reports;
using Portal.Features.Sop;
using Portal.Features.Security;

namespace Portal.Components;

public static class UiRegistration
{
    public static WebApplicationBuilder AddPortalUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            options.SnackbarConfiguration.VisibleStateDuration = 6000;
            options.SnackbarConfiguration.ShowCloseIcon = true;
        });
        builder.Services.AddScoped<DemoData>();
        return builder;
    }

    /// <summary>Migrates and seeds the database, then, once listening, prints where to open the portal.</summary>
    public static async Task PreparePortalAsync(this WebApplication app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        await using (await app.Services.GetRequiredService<PortalDatabase>()
                         .StartUpLockAsync(app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), CancellationToken.None))
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            // Read once now, so code that cannot wait (OfficeTime, cron zones) sees the stored profile, not the defaults.
            await scope.ServiceProvider.GetRequiredService<OfficeProfileStore>().GetAsync();
            var options = scope.ServiceProvider.GetRequiredService<IOptions<PortalOptions>>().Value;
            if (app.Environment.IsDevelopment() && options.SeedDemoData)
                await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var banner = new System.Text.StringBuilder();
            banner.AppendLine().AppendLine($"Portal Inovasi Pelayanan — {app.Services.GetRequiredService<OfficeProfileStore>().Current.FullName()}");
            foreach (var address in addresses) banner.AppendLine($"  Buka: {address}");
            banner.AppendLine($"  Data: {DataRegistration.DataDirectory(app.Configuration, app.Environment)}");
            if (app.Environment.IsDevelopment())
            {
                banner.AppendLine($"  Akun demo (kata sandi semua: {DemoData.Password}):");
                foreach (var person in DemoData.People)
                    banner.AppendLine($"    {person.Nip}  {person.Jabatan,-45} {person.FullName}");
            }
            Console.WriteLine(banner.ToString());
        });
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        app.UsePortalSecurity();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStorageFailurePage();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseSignInRateLimit();
        app.UseAuthentication();
        app.UseOneTimePasswordGate();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapStepOutputs();
        app.MapOfficeLogo();
        app.MapReports();
        app.MapSopTableExport();
        app.MapHealth();
        return app;
    }
}
