using Microsoft.Extensions.Options;
using Portal.Domain;
using Portal.Features.Alerts;
using Portal.Features.Office;

namespace Portal.Features.Operations.Faults;

/// <summary>The storage fault settings (section "Faults" in appsettings).</summary>
public sealed class FaultsOptions
{
    public const string Section = "Faults";

    /// <summary>
    /// How long writes must work again, without a new refusal, before the storage alert is closed: a nearly full disk
    /// lets small writes through between refusals, and the administrators should get one alert, not one per refusal.
    /// </summary>
    public TimeSpan StorageAlertQuietPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Space kept free in the data folder (as a file) and given up when the disk is full, so the alert can be stored; 0 for none.</summary>
    public int StorageReserveMegabytes { get; set; } = 16;
}

/// <summary>
/// Turns the <see cref="StorageAlarm"/>'s state into the administrators' alert: raised when the storage starts refusing
/// writes (on a full disk, in the room the <see cref="StorageReserve"/> gives up; when even that fails, as soon as writes
/// work again, so they still learn of it), resolved once writes have worked for the quiet period, when the reserve is
/// made again. Its own writes do not count as proof that writes work.
/// </summary>
public sealed class StorageAlertPublisher(
    StorageAlarm alarm,
    StorageReserve reserve,
    SystemAlerts alerts,
    TimeProvider clock,
    IOptions<FaultsOptions> options,
    OfficeTime officeTime,
    ILogger<StorageAlertPublisher> logger) : BackgroundService
{
    public static string KeyFor(StorageProblem problem) => problem switch
    {
        StorageProblem.Full => "storage-full",
        StorageProblem.Unreachable => "database-unreachable",
        _ => "storage-unwritable",
    };

    private readonly Dictionary<StorageProblem, DateTimeOffset> unannounced = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await reserve.EnsureAsync(stoppingToken);
        await AdoptOpenAlertsAsync(stoppingToken);
        while (await alarm.Changes.WaitToReadAsync(stoppingToken))
        {
            while (alarm.Changes.TryRead(out var change))
            {
                try
                {
                    if (change.Refusing) await AnnounceAsync(change.Problem, clock.GetUtcNow(), stoppingToken);
                    else await ResolveWhenQuietAsync(change.Problem, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // An alert that cannot be sent must not stop the portal (a failed background service stops the host).
                    logger.LogError(exception, "Could not update the storage alert {Key}", KeyFor(change.Problem));
                }
            }
        }
    }

    /// <summary>An alert left open by an earlier run is closed like any other, once writes have worked for the quiet period.</summary>
    private async Task AdoptOpenAlertsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> open;
        using (alarm.IgnoringOwnWrites())
            open = await alerts.OpenKeysAsync(cancellationToken);
        foreach (var problem in Enum.GetValues<StorageProblem>().Where(p => open.Contains(KeyFor(p))))
            alarm.RememberRefusing(problem);
    }

    private async Task AnnounceAsync(StorageProblem problem, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var (title, message) = Texts(problem, since);
        if (problem == StorageProblem.Full) reserve.Release();
        try
        {
            using (alarm.IgnoringOwnWrites())
                await alerts.RaiseAsync(KeyFor(problem), title, message, cancellationToken);
            unannounced.Remove(problem);
        }
        catch (Exception exception) when (StorageFailures.Classify(exception) is not null)
        {
            // The alert needs a write too; it is stored as soon as writes work again.
            unannounced[problem] = since;
            logger.LogWarning("The storage alert {Key} could not be stored yet; it is sent once writes work again", KeyFor(problem));
        }
    }

    private async Task ResolveWhenQuietAsync(StorageProblem problem, CancellationToken stoppingToken)
    {
        if (unannounced.TryGetValue(problem, out var since)) await AnnounceAsync(problem, since, stoppingToken);

        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var nextChange = alarm.Changes.WaitToReadAsync(interrupted.Token).AsTask();
        var quiet = Task.Delay(options.Value.StorageAlertQuietPeriod, clock, interrupted.Token);
        var first = await Task.WhenAny(nextChange, quiet);
        await interrupted.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
        // A change meanwhile (another refusal) is handled by the loop; the alert stays open.
        if (first != quiet || alarm.IsRefusing(problem) || unannounced.ContainsKey(problem)) return;

        try
        {
            using (alarm.IgnoringOwnWrites())
                await alerts.ResolveAsync(KeyFor(problem), stoppingToken);
            await reserve.EnsureAsync(stoppingToken);
        }
        catch (Exception exception) when (StorageFailures.Classify(exception) is not null)
        {
            alarm.RememberRefusing(problem);
            logger.LogWarning("The storage alert {Key} could not be resolved; it is tried again after the next write", KeyFor(problem));
        }
    }

    private (string Title, string Message) Texts(StorageProblem problem, DateTimeOffset since) => problem switch
    {
        StorageProblem.Full => ("Penyimpanan server penuh",
            $"Sejak {officeTime.DateTime(since)} disk server portal penuh: perpindahan langkah, usulan baru, dan unggahan gagal disimpan. "
            + "Kosongkan ruang pada disk folder data portal (atau disk server basis data) atau tambah kapasitasnya; penyimpanan berjalan lagi begitu ada ruang, tanpa memulai ulang portal."),
        StorageProblem.Unreachable => ("Server basis data tidak dapat dihubungi",
            $"Sejak {officeTime.DateTime(since)} portal tidak dapat menghubungi server basis data PostgreSQL: perubahan gagal disimpan dan halaman gagal dimuat. "
            + "Periksa server basis data dan jaringan ke sana; portal tersambung lagi sendiri begitu server dapat dihubungi."),
        _ => ("Penyimpanan server tidak dapat ditulis",
            $"Sejak {officeTime.DateTime(since)} disk server portal menolak penulisan (galat baca-tulis atau disk hanya-baca): perubahan gagal disimpan. "
            + "Periksa disk dan izin folder data portal."),
    };
}
