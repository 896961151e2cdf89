using System.Net;
using Hangfire;
using Microsoft.Extensions.Time.Testing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Operations.Health;

/// <summary>A portal that runs the real Hangfire server on its SQLite storage; the test stops and starts that server.</summary>
public class JobServerApp() : PortalAppFactory(new FakeTimeProvider(TestInstants.Wita(2026, 11, 2, 8, 0)), new Dictionary<string, string?>
{
    ["Alerts:RunServer"] = "true",
    ["Alerts:QueuePollInterval"] = "00:00:00.2",
    ["Health:CacheDuration"] = "00:00:00",
})
{
    public FakeTimeProvider Clock => (FakeTimeProvider)Get<TimeProvider>();

    public BackgroundJobServerHostedService JobServer => Get<BackgroundJobServerHostedService>();
}

public sealed class JobServerHealthTests(JobServerHealthTests.App app) : IClassFixture<JobServerHealthTests.App>
{
    public sealed class App : JobServerApp;

    [Fact]
    public async Task Sehat_answers_503_while_the_job_server_is_stopped_and_200_once_it_runs_again()
    {
        var running = await app.WaitForHealthAsync(a => a.StatusOf("tugas-latar") == "Healthy");
        Assert.Equal(HttpStatusCode.OK, running.Code);

        await app.JobServer.StopAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(2));   // past the minute a starting server is given to report

        var stopped = await app.WaitForHealthAsync(a => a.Code != HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stopped.Code);
        Assert.Equal("Unhealthy", stopped.Status);
        Assert.Equal("Unhealthy", stopped.StatusOf("tugas-latar"));
        Assert.Contains("tidak berjalan", stopped.DescriptionOf("tugas-latar"));
        Assert.Equal("Healthy", stopped.StatusOf("basis-data"));
        Assert.Equal("Healthy", stopped.StatusOf("pemeriksaan-keterlambatan"));

        await app.JobServer.StartAsync(CancellationToken.None);

        var back = await app.WaitForHealthAsync(a => a.Code == HttpStatusCode.OK);
        Assert.NotEqual("Unhealthy", back.Status);   // a new install is Degraded until its first backup
        Assert.Equal("Healthy", back.StatusOf("tugas-latar"));
    }
}

public sealed class StaleHeartbeatTests(StaleHeartbeatTests.App app) : IClassFixture<StaleHeartbeatTests.App>
{
    public sealed class App : JobServerApp;

    [Fact]
    public async Task A_job_server_whose_last_heartbeat_is_older_than_two_minutes_counts_as_hung()
    {
        await app.WaitForHealthAsync(a => a.Checks["tugas-latar"].Status == "Healthy");
        var heartbeat = app.Get<JobStorage>().GetMonitoringApi().Servers().Max(server => server.Heartbeat!.Value);

        // The portal clock moves to three minutes after the last heartbeat (Hangfire stamps it every 30 s).
        app.Clock.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(heartbeat, DateTimeKind.Utc)).AddMinutes(3));
        var hung = await app.GetHealthAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, hung.Code);
        Assert.Equal("Unhealthy", hung.StatusOf("tugas-latar"));
        Assert.Contains("tidak memberi tanda sejak", hung.DescriptionOf("tugas-latar"));
    }
}
