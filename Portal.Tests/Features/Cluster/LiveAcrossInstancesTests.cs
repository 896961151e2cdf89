using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Admin.Holidays;
using Portal.Features.Admin.Office;
using Portal.Features.Admin.Settings;
using Portal.Features.Alerts;
using Portal.Features.Board;
using Portal.Features.Cluster;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Cluster;

/// <summary>Two portal instances on one PostgreSQL database: what one does, the other's open screens and caches show.</summary>
public sealed class LiveAcrossInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>, IRunsOnPostgreSql, IAsyncLifetime
{
    private PortalAppFactory A => instances.A;
    private PortalAppFactory B => instances.B;

    public Task InitializeAsync() => TestPostgreSql.IsAvailable ? instances.BListensAsync() : Task.CompletedTask;

    public Task DisposeAsync() => Task.CompletedTask;

    [ProviderFact]
    public async Task A_move_made_on_one_instance_shows_on_a_board_open_on_the_other()
    {
        var fungsional = await A.IdAsync(DemoPeople.FungsionalPdip);
        await using var context = BoardContextOn(B, await B.UserAsync(DemoPeople.FungsionalPdip));
        var board = context.Render<BoardPage>();
        board.WaitForElement("[data-testid=zone-1]");

        var created = await A.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Papan di server kedua"), fungsional);
        var id = created.InnovationId!.Value;
        board.WaitForElement($"[data-testid=zone-1] [data-testid=card-{id}]");

        await A.AttachAsync(id, fungsional);
        var moved = await A.Get<WorkflowService>().MoveAsync(new MoveCommand(id, await VersionAsync(id), WorkflowActionKind.Advance), fungsional);
        Assert.True(moved.Succeeded, moved.Message);

        board.WaitForElement($"[data-testid=zone-2] [data-testid=card-{id}]");
        Assert.Empty(board.FindAll($"[data-testid=zone-1] [data-testid=card-{id}]"));
    }

    [ProviderFact]
    public async Task A_notification_created_on_one_instance_rings_the_bell_on_the_other()
    {
        var administrator = await B.UserAsync(DemoPeople.Administrator);
        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(B.Get<NotificationInbox>());
        context.Services.AddSingleton(B.Get<NotificationEvents>());
        context.Services.AddSingleton(B.Get<MissedChanges>());
        var bell = context.Render<NotificationBell>(p => p.Add(c => c.User, Person(administrator.Id)));
        var before = await B.Get<NotificationInbox>().CountUnreadAsync(administrator.Id);
        bell.WaitForAssertion(() => Assert.Equal(before.ToString(), Unread(bell)));

        Assert.True(await A.Get<SystemAlerts>().RaiseAsync("uji-antar-server", "Uji antar-server", "Peringatan dibuat di server pertama."));

        bell.WaitForAssertion(() => Assert.Equal((before + 1).ToString(), Unread(bell)));
    }

    [ProviderFact]
    public async Task Two_people_on_two_instances_move_one_card_at_once_one_wins_and_the_other_is_told_who_moved_it()
    {
        var fungsional = await A.IdAsync(DemoPeople.FungsionalPdip);
        var colleague = await B.IdAsync(DemoPeople.FungsionalPdip2);
        var created = await A.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Dua server satu kartu"), fungsional);
        var id = created.InnovationId!.Value;
        await A.AttachAsync(id, fungsional);
        var seen = await VersionAsync(id);

        var results = await Task.WhenAll(
            Task.Run(() => A.Get<WorkflowService>().MoveAsync(new MoveCommand(id, seen, WorkflowActionKind.Advance), fungsional)),
            Task.Run(() => B.Get<WorkflowService>().MoveAsync(new MoveCommand(id, seen, WorkflowActionKind.Advance), colleague)));

        var winner = Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        var winnerName = ReferenceEquals(winner, results[0]) ? (await A.UserAsync(DemoPeople.FungsionalPdip)).FullName
            : (await B.UserAsync(DemoPeople.FungsionalPdip2)).FullName;
        Assert.StartsWith($"Inovasi ini sudah dipindahkan oleh {winnerName} pada ", loser.Message);
        Assert.EndsWith("Tampilan telah diperbarui; periksa posisinya lalu ulangi bila perlu.", loser.Message);
        await using var db = A.CreateDbContext();
        Assert.Equal(2, (await db.Innovations.SingleAsync(i => i.Id == id)).CurrentStep);
        Assert.Equal(2, await db.StepRuns.CountAsync(r => r.InnovationId == id));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.InnovationId == id && a.Action == AuditActions.StepAdvanced));
    }

    [ProviderFact]
    public async Task An_instance_whose_listener_was_cut_off_reads_again_what_it_missed_once_it_listens_again()
    {
        var fungsional = await A.IdAsync(DemoPeople.FungsionalPdip);
        var listener = B.Get<ClusterListener>();
        await using var context = BoardContextOn(B, await B.UserAsync(DemoPeople.FungsionalPdip));
        var board = context.Render<BoardPage>();
        var created = await A.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Papan yang sempat tuli"), fungsional);
        var id = created.InnovationId!.Value;
        await A.AttachAsync(id, fungsional);
        board.WaitForElement($"[data-testid=zone-1] [data-testid=card-{id}]");

        await using (var db = A.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"SELECT pg_terminate_backend({listener.State.ProcessId!.Value})");
        await TwoInstances.UntilAsync(() => listener.State.RetryIn is not null);
        Assert.Equal(HealthStatus.Degraded, (await ClusterHealthOf(B)).Status);

        // Made while B does not listen: PostgreSQL has nobody of B's to tell.
        var relay = A.Get<ClusterRelay>();
        var sentBefore = relay.Sent;
        var moved = await A.Get<WorkflowService>().MoveAsync(new MoveCommand(id, await VersionAsync(id), WorkflowActionKind.Advance), fungsional);
        Assert.True(moved.Succeeded, moved.Message);
        await TwoInstances.UntilAsync(() => relay.Sent > sentBefore);
        Assert.False(listener.State.Listening);

        instances.ClockOfB.Advance(listener.State.RetryIn!.Value);

        board.WaitForElement($"[data-testid=zone-2] [data-testid=card-{id}]");
        Assert.True(listener.State.Listening);
        Assert.Equal(HealthStatus.Healthy, (await ClusterHealthOf(B)).Status);
    }

    [ProviderFact]
    public async Task When_an_instance_could_not_announce_a_move_the_others_read_everything_again()
    {
        var fungsional = await A.IdAsync(DemoPeople.FungsionalPdip);
        await using var context = BoardContextOn(B, await B.UserAsync(DemoPeople.FungsionalPdip));
        var board = context.Render<BoardPage>();
        var created = await A.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Kabar yang tak terkirim"), fungsional);
        var id = created.InnovationId!.Value;
        await A.AttachAsync(id, fungsional);
        board.WaitForElement($"[data-testid=zone-1] [data-testid=card-{id}]");
        var relay = A.Get<ClusterRelay>();
        var refusedBefore = relay.Refused;

        // The relays' pooled connections die while idle: the next NOTIFY on one fails.
        await using (var db = A.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'portal-relay'");
        var moved = await A.Get<WorkflowService>().MoveAsync(new MoveCommand(id, await VersionAsync(id), WorkflowActionKind.Advance), fungsional);
        Assert.True(moved.Succeeded, moved.Message);

        board.WaitForElement($"[data-testid=zone-2] [data-testid=card-{id}]");
        Assert.True(relay.Refused > refusedBefore);
    }

    [ProviderFact]
    public async Task Settings_office_profile_and_holidays_saved_on_one_instance_are_used_by_the_other()
    {
        var administrator = await A.IdAsync(DemoPeople.Administrator);
        var settingsOfB = B.Get<SettingsStore>();
        var officeOfB = B.Get<OfficeProfileStore>();
        var calendarOfB = B.Get<CalendarProvider>();
        var before = await settingsOfB.GetAsync();
        await officeOfB.GetAsync();
        var holiday = new DateOnly(2027, 6, 16);
        Assert.True((await calendarOfB.GetAsync()).IsWorkingDay(holiday));
        var officeChangedOnB = new TaskCompletionSource<OfficeSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        officeOfB.Changed += office => officeChangedOnB.TrySetResult(office);

        var settings = await A.Get<SettingsAdministration>().LoadAsync();
        settings.DueSoonWorkingDays = before.DueSoonWorkingDays + 1;
        settings.NewSmtpPassword = "sandi-uji-antar-server";
        Assert.True((await A.Get<SettingsAdministration>().SaveAsync(settings, administrator)).Succeeded);
        var office = await A.Get<OfficeProfileAdministration>().LoadAsync();
        office.NamaInstansi = "Dinas Uji Dua Server";
        Assert.True((await A.Get<OfficeProfileAdministration>().SaveAsync(office, administrator)).Succeeded);
        var added = await A.Get<HolidayAdministration>().SaveAsync(
            new HolidayForm { Date = holiday.ToDateTime(TimeOnly.MinValue), Name = "Libur uji antar-server", Kind = HolidayKind.LiburDaerah }, administrator);
        Assert.True(added.Succeeded, added.Message);

        await TwoInstances.UntilAsync(async () => (await settingsOfB.GetAsync()).DueSoonWorkingDays == before.DueSoonWorkingDays + 1);
        // The SMTP password is encrypted with keys both instances read from the database.
        Assert.Equal("sandi-uji-antar-server", (await settingsOfB.GetAsync()).SmtpPassword);
        Assert.Equal("Dinas Uji Dua Server", (await officeChangedOnB.Task.WaitAsync(TimeSpan.FromSeconds(30))).NamaInstansi);
        Assert.Equal("Dinas Uji Dua Server", officeOfB.Current.NamaInstansi);
        await TwoInstances.UntilAsync(async () => !(await calendarOfB.GetAsync()).IsWorkingDay(holiday));
        Assert.Equal(before.DueSoonWorkingDays + 1, calendarOfB.DueSoonWorkingDays);
    }

    private async Task<long> VersionAsync(int id)
    {
        await using var db = A.CreateDbContext();
        return await db.Innovations.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
    }

    private static BunitContext BoardContextOn(PortalAppFactory instance, PortalUser person)
    {
        var context = new BunitContext();
        context.UseServicesOf(instance);
        context.SignIn(person);
        return context;
    }

    private static Task<HealthCheckResult> ClusterHealthOf(PortalAppFactory instance) =>
        ActivatorUtilities.CreateInstance<ClusterHealthCheck>(instance.Services).CheckHealthAsync(new HealthCheckContext());

    private static System.Security.Claims.ClaimsPrincipal Person(string userId) =>
        new(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId)], "test"));

    private static string? Unread(IRenderedComponent<NotificationBell> bell) =>
        bell.Find("[data-testid=notification-bell]").GetAttribute("data-unread");
}
