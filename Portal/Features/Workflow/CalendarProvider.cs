using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;

namespace Portal.Features.Workflow;

/// <summary>
/// The working calendar built from the office profile (zone and hours) and the holiday table; rebuilt when an
/// administrator edits either, or the settings.
/// </summary>
public sealed class CalendarProvider : IInstanceCache
{
    private readonly IDbContextFactory<PortalDbContext> dbFactory;
    private readonly SettingsStore settings;
    private readonly OfficeProfileStore office;
    private volatile WorkingCalendar? current;
    private volatile int dueSoonWorkingDays = 1;
    // Counts the invalidations: a calendar read before one must not be kept after it.
    private int generation;

    public CalendarProvider(IDbContextFactory<PortalDbContext> dbFactory, SettingsStore settings, OfficeProfileStore office)
    {
        this.dbFactory = dbFactory;
        this.settings = settings;
        this.office = office;
        settings.Changed += _ => Invalidate();
        office.Changed += _ => Invalidate();
    }

    public int DueSoonWorkingDays => dueSoonWorkingDays;

    public string Name => "calendar";

    /// <summary>Raised after this instance changed the holiday table.</summary>
    public event Action? ChangedHere;

    public async Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        if (current is { } calendar) return calendar;
        var readFor = Volatile.Read(ref generation);
        var portalSettings = await settings.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        dueSoonWorkingDays = portalSettings.DueSoonWorkingDays;
        var read = await ReadAsync(db, cancellationToken);
        if (Volatile.Read(ref generation) == readFor) current = read;
        return read;
    }

    /// <summary>The calendar as <paramref name="db"/> sees the holiday table, e.g. inside a transaction that changes it; not cached.</summary>
    public async Task<WorkingCalendar> ReadAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var profile = await office.GetAsync(cancellationToken);
        var holidays = await db.Holidays.Select(h => h.Date).ToListAsync(cancellationToken);
        return new WorkingCalendar(holidays, profile.Hours, profile.Zone);
    }

    /// <summary>The holiday table changed here: rebuild the calendar, and tell the portal's other instances.</summary>
    public void HolidaysChanged()
    {
        Invalidate();
        ChangedHere?.Invoke();
    }

    public Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        Invalidate();
        return Task.CompletedTask;
    }

    private void Invalidate()
    {
        Interlocked.Increment(ref generation);
        current = null;
    }
}
