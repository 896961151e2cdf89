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
        Assert.Equal(before.ToString(), Unread(bell));
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

    private static ClaimsPrincipal Person(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test"));

    private static string? Unread(IRenderedComponent<NotificationBell> bell) =>
        bell.Find("[data-testid=notification-bell]").GetAttribute("data-unread");
}
