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
        var holidays = await db.Holidays.Select(h => h.Date).ToListAsync(cancellationToken);
        dueSoonWorkingDays = portalSettings.DueSoonWorkingDays;
        return current = new WorkingCalendar(holidays, portalSettings.OfficeClosingTime);
    }

    public void Invalidate() => current = null;
}
