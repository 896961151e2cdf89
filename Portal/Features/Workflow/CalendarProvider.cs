using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;

namespace Portal.Features.Workflow;

/// <summary>
/// The working calendar built from the office profile (zone and hours) and the holiday table; rebuilt when an
/// administrator edits either, or the settings.
/// </summary>
public sealed class CalendarProvider
{
    private readonly IDbContextFactory<PortalDbContext> dbFactory;
    private readonly SettingsStore settings;
    private readonly OfficeProfileStore office;
    private volatile WorkingCalendar? current;
    private volatile int dueSoonWorkingDays = 1;

    public CalendarProvider(IDbContextFactory<PortalDbContext> dbFactory, SettingsStore settings, OfficeProfileStore office)
    {
        this.dbFactory = dbFactory;
        this.settings = settings;
        this.office = office;
        settings.Changed += _ => Invalidate();
        office.Changed += _ => Invalidate();
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
        var profile = await office.GetAsync(cancellationToken);
        var holidays = await db.Holidays.Select(h => h.Date).ToListAsync(cancellationToken);
        return new WorkingCalendar(holidays, profile.Hours, profile.Zone);
    }

    public void Invalidate() => current = null;
}
