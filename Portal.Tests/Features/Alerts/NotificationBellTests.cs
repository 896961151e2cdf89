using Portal.Data;
using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Features.Alerts;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Alerts;

public sealed class NotificationBellOnSqliteTests(NotificationBellOnSqliteTests.App app) : NotificationBellTests(app), IClassFixture<NotificationBellOnSqliteTests.App>
{
    public sealed class App() : AlertsApp(Start);
}

public sealed class NotificationBellOnPostgreSqlTests(NotificationBellOnPostgreSqlTests.App app)
    : NotificationBellTests(app), IClassFixture<NotificationBellOnPostgreSqlTests.App>, IRunsOnPostgreSql
{
    public sealed class App() : AlertsApp(Start, provider: DatabaseProvider.PostgreSql);
}

public abstract class NotificationBellTests(AlertsApp app)
{
    protected static readonly DateTimeOffset Start = AlertsApp.Wita(2026, 11, 2, 8);

    [ProviderFact]
    public async Task The_bell_counts_unread_alerts_follows_new_and_read_ones_live_and_unsubscribes_when_the_circuit_ends()
    {
        var inbox = app.Get<NotificationInbox>();
        var events = app.Get<NotificationEvents>();
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(inbox);
        context.Services.AddSingleton(events);
        context.Services.AddSingleton(app.Get<MissedChanges>());
        var proposer = await app.IdAsync(DemoPeople.FungsionalPdip);
        var bystander = await app.IdAsync(DemoPeople.Pemantau);
        var subscribers = events.SubscriberCount;

        var bell = context.Render<NotificationBell>(p => p.Add(c => c.User, Person(proposer)));
        var otherBell = context.Render<NotificationBell>(p => p.Add(c => c.User, Person(bystander)));
        var before = await inbox.CountUnreadAsync(proposer);
        // The bell reads its count once rendered; earlier tests of this class may have left alerts.
        bell.WaitForAssertion(() => Assert.Equal(before.ToString(), Unread(bell)));
        Assert.Equal(subscribers + 2, events.SubscriberCount);

        var id = await app.StepTwoFromNextMondayAsync("Pengingat Perekaman KTP-el Pemula");
        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.ScanAsync();

        var after = await inbox.CountUnreadAsync(proposer);
        Assert.True(after > before);
        bell.WaitForAssertion(() =>
        {
            Assert.Equal(after.ToString(), Unread(bell));
            Assert.Contains(after > 99 ? "99+" : after.ToString(), bell.Find(".mud-badge").TextContent);
            Assert.Equal($"Notifikasi: {after} belum dibaca", bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label"));
        });
        Assert.Equal("0", Unread(otherBell));

        await inbox.MarkAllReadAsync(proposer);
        bell.WaitForAssertion(() => Assert.Equal("0", Unread(bell)));
        Assert.Empty(bell.FindAll(".mud-badge"));

        await context.DisposeComponentsAsync();
        Assert.Equal(subscribers, events.SubscriberCount);
    }

    [ProviderFact]
    public async Task Opening_an_alert_goes_to_the_item_with_the_move_ready_for_its_doer_and_to_the_item_alone_for_its_supervisor()
    {
        var id = await app.StepTwoFromNextMondayAsync("Pengingat Cetak KIA Sekolah");
        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.ScanAsync();

        Assert.EndsWith($"/inovasi/{id}?aksi=lanjutkan", await OpenAlertAsync(id, DemoPeople.FungsionalPdip));
        Assert.EndsWith($"/inovasi/{id}", await OpenAlertAsync(id, DemoPeople.KabidPdip));
    }

    /// <summary>Opens, on the notifications page, the given person's alert about the item; returns where it led.</summary>
    private async Task<string> OpenAlertAsync(int innovationId, string nip)
    {
        await using var context = new BunitContext();
        context.UseServicesOf(app);
        context.Services.AddSingleton(app.Get<NotificationInbox>());
        context.Services.AddSingleton(app.Get<NotificationEvents>());
        context.Services.AddSingleton(app.Get<MoveLinks>());
        context.SignIn(await app.UserAsync(nip));
        var page = context.Render<NotificationsPage>();
        var alert = page.WaitForElement($"[data-testid=notification-item][data-innovation='{innovationId}']");
        await alert.QuerySelector("[data-testid=notification-open]")!.ClickAsync(new());
        var navigation = context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains($"/inovasi/{innovationId}", navigation.Uri));
        return navigation.Uri;
    }

    private static ClaimsPrincipal Person(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));

    private static string? Unread(IRenderedComponent<NotificationBell> bell) =>
        bell.Find("[data-testid=notification-bell]").GetAttribute("data-unread");
}
