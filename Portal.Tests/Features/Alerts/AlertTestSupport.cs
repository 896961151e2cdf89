using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Alerts;

/// <summary>One notification as a test reads it: which run, which level, for whom (NIP), and whether as Plt./Plh.</summary>
public sealed record Alert(int Step, int Run, AlertLevel Level, string Nip, bool Acting = false);

/// <summary>
/// The portal with a fake clock and the Hangfire server off (tests call the jobs themselves); the
/// Hangfire storage is the real one all the same (the SQLite file, or the database's "hangfire" schema on PostgreSQL).
/// </summary>
public class AlertsApp : PortalAppFactory
{
    /// <param name="dataDirectory">An existing data folder, to start the portal again on the same data; the caller then owns it.</param>
    /// <param name="provider">PostgreSql: a new database of the test server (or the one named in the settings, see <see cref="PortalAppFactory.SecondInstanceSettings"/>).</param>
    public AlertsApp(DateTimeOffset start, IDictionary<string, string?>? settings = null, string? dataDirectory = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
        : base(new FakeTimeProvider(start), WithDefaults(settings), dataDirectory, provider: provider)
    {
    }

    public FakeTimeProvider Clock => (FakeTimeProvider)Get<TimeProvider>();

    public static DateTimeOffset Wita(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    public void SetWita(int year, int month, int day, int hour, int minute = 0) => Clock.SetUtcNow(Wita(year, month, day, hour, minute));

    /// <summary>Moves the clock forward to the next given weekday (after today, WITA) at the given time.</summary>
    public void MoveToNext(DayOfWeek dayOfWeek, int hour, int minute = 0)
    {
        var day = OfficeZone.Wita.LocalDate(Clock.GetUtcNow()).AddDays(1);
        while (day.DayOfWeek != dayOfWeek) day = day.AddDays(1);
        SetWita(day.Year, day.Month, day.Day, hour, minute);
    }

    /// <summary>Next Monday 09:00 WITA: created by the PDIP fungsional; at 10:00 on step 2 (2 hari), due Wednesday 16:00.</summary>
    public async Task<int> StepTwoFromNextMondayAsync(string title, string proposerNip = DemoPeople.FungsionalPdip)
    {
        MoveToNext(DayOfWeek.Monday, 9);
        var id = await CreateInnovationAsync(title, proposerNip);
        Clock.Advance(TimeSpan.FromHours(1));
        await MoveAsync(id, proposerNip, WorkflowActionKind.Advance);
        return id;
    }

    public async Task<ScanOutcome> ScanAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OverdueScanJob>().RunAsync(CancellationToken.None);
    }

    public async Task<int> CreateInnovationAsync(string title, string proposerNip = DemoPeople.FungsionalPdip)
    {
        var result = await Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details(title), await this.IdAsync(proposerNip));
        Assert.True(result.Succeeded, result.Message);
        return result.InnovationId!.Value;
    }

    public async Task MoveAsync(int innovationId, string nip, WorkflowActionKind action, string? reason = null)
    {
        // A work step needs its output before it may advance, as in real use.
        if (action == WorkflowActionKind.Advance && await CurrentStepRequiresOutputAsync(innovationId))
            await this.AttachAsync(innovationId, await this.IdAsync(nip));
        await using var db = CreateDbContext();
        var version = await db.Innovations.Where(i => i.Id == innovationId).Select(i => i.Version).SingleAsync();
        var result = await Get<WorkflowService>().MoveAsync(new MoveCommand(innovationId, version, action, reason), await this.IdAsync(nip));
        Assert.True(result.Succeeded, result.Message);
    }

    private async Task<bool> CurrentStepRequiresOutputAsync(int innovationId)
    {
        await using var db = CreateDbContext();
        var innovation = await db.Innovations.SingleAsync(i => i.Id == innovationId);
        return (await Get<SopCatalog>().GetAsync(innovation.SopDefinitionId)).Step(innovation.CurrentStep).RequiresOutput;
    }

    public async Task<List<Alert>> AlertsAsync(int innovationId)
    {
        await using var db = CreateDbContext();
        return await (
            from n in db.Notifications
            where n.InnovationId == innovationId
            join u in db.Users on n.RecipientId equals u.Id
            orderby n.Id
            select new Alert(n.StepRun!.StepNumber, n.StepRun.RunNumber, n.Level, u.UserName!, n.OnBehalfOf != null))
            .ToListAsync();
    }

    /// <summary>Gives every person an address "{NIP}@paserkab.go.id", so e-mails can be checked by NIP.</summary>
    public async Task GiveEveryoneAnEmailAsync()
    {
        await using var db = CreateDbContext();
        await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, u => u.UserName + "@paserkab.go.id"));
    }

    private static Dictionary<string, string?> WithDefaults(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?> { ["Alerts:RunServer"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return all;
    }
}

/// <summary>The alerts app with a real SMTP server on loopback (stopped until a test starts it) and an address for everyone.</summary>
public abstract class MailingAlertsApp : AlertsApp, IAsyncLifetime
{
    /// <param name="settings">More settings beside the SMTP ones (e.g. another office profile).</param>
    protected MailingAlertsApp(DateTimeOffset start, IDictionary<string, string?>? settings = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
        : this(start, new LoopbackSmtp(), settings, provider) { }

    private MailingAlertsApp(DateTimeOffset start, LoopbackSmtp smtp, IDictionary<string, string?>? settings, DatabaseProvider provider)
        : base(start, smtp.Settings().Concat(settings ?? new Dictionary<string, string?>()).ToDictionary(), provider: provider) => Smtp = smtp;

    public LoopbackSmtp Smtp { get; }

    public Task InitializeAsync() => GiveEveryoneAnEmailAsync();

    /// <summary>Runs the e-mail job for every queued, unsent alert about the portal itself.</summary>
    public async Task SendQueuedSystemMailsAsync()
    {
        List<long> ids;
        await using (var db = CreateDbContext())
            ids = await db.Notifications.Where(n => n.SystemAlertId != null && n.EmailQueuedAt != null && n.EmailSentAt == null).Select(n => n.Id).ToListAsync();
        Assert.NotEmpty(ids);
        await using var scope = Services.CreateAsyncScope();
        foreach (var id in ids) await scope.ServiceProvider.GetRequiredService<AlertMailJob>().SendNotificationAsync(id, CancellationToken.None);
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Smtp.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A real SMTP server (netDumbster) on a loopback port that tests can stop and start again.</summary>
public sealed class LoopbackSmtp : IDisposable
{
    private readonly Lock gate = new();
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private SimpleSmtpServer? server;

    public int Port { get; } = FreePorts.Next();

    public IReadOnlyCollection<MimeMessage> Received => received.ToArray();

    public Dictionary<string, string?> Settings(string? publicBaseUrl = "https://inovasi.paserkab.go.id") => new()
    {
        ["Settings:SmtpHost"] = "127.0.0.1",
        ["Settings:SmtpPort"] = Port.ToString(),
        ["Settings:SmtpUseTls"] = "false",
        ["Settings:SmtpSenderAddress"] = "portal-inovasi@paserkab.go.id",
        ["Portal:PublicBaseUrl"] = publicBaseUrl,
    };

    public void Start()
    {
        lock (gate)
        {
            if (server is not null) return;
            server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(Port).Build();
            server.MessageReceived += (_, args) =>
                received.Enqueue(MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Unstuffed(args.Message.Data)))));
        }
    }

    public void Stop()
    {
        lock (gate)
        {
            server?.Stop();
            server?.Dispose();
            server = null;
        }
    }

    // SMTP doubles a dot that starts a line (RFC 5321, 4.5.2) and the receiving server removes it again; netDumbster
    // hands over the data still stuffed, so a quoted-printable line break before a dot would read as "..".
    private static string Unstuffed(string data) => data.Replace("\r\n..", "\r\n.", StringComparison.Ordinal);

    public IReadOnlyList<MimeMessage> To(string nip) =>
        received.Where(m => m.To.Mailboxes.Any(a => a.Address == $"{nip}@paserkab.go.id")).ToList();

    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<MimeMessage, bool> predicate, int count = 1, int timeoutSeconds = 30)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var matching = received.Where(predicate).ToList();
            if (matching.Count >= count || waited.Elapsed.TotalSeconds > timeoutSeconds) return matching;
            await Task.Delay(100);
        }
    }

    public void Dispose() => Stop();
}
