using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;

namespace Portal.Features.Workflow;

/// <summary>
/// The working calendar built from the holiday table and the office closing time; rebuilt when an
/// administrator edits either.
/// </summary>
public sealed class CalendarProvider
{
    private readonly IDbContextFactory<PortalDbContext> dbFactory;
    private readonly SettingsStore settings;
    private volatile WorkingCalendar? current;
    private volatile int dueSoonWorkingDays = 1;

    public CalendarProvider(IDbContextFactory<PortalDbContext> dbFactory, SettingsStore settings)
    {
        this.dbFactory = dbFactory;
        this.settings = settings;
        settings.Changed += _ => Invalidate();
    }

    public int DueSoonWorkingDays => dueSoonWorkingDays;

    public async Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        if (current is { } calendar) return calendar;
        var portalSettings = await settings.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        dueSoonWorkingDays = portalSettings.DueSoonWorkingDays;
        return current = await ReadAsync(db, cancellationToken);
    }

    /// <summary>The calendar as <paramref name="db"/> sees the holiday table, e.g. inside a transaction that changes it; not cached.</summary>
    public async Task<WorkingCalendar> ReadAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        var portalSettings = await settings.GetAsync(cancellationToken);
        var holidays = await db.Holidays.Select(h => h.Date).ToListAsync(cancellationToken);
        return new WorkingCalendar(holidays, portalSettings.OfficeClosingTime);
    }

    public void Invalidate() => current = null;
}
