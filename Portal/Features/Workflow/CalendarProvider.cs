using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain;

namespace Portal.Features.Workflow;

/// <summary>Settings of the working calendar (section "Workflow").</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    /// <summary>Office closing time in WITA: a step is due at this time of its last working day.</summary>
    public TimeOnly OfficeClosingTime { get; set; } = new(16, 0);

    /// <summary>A step is "segera jatuh tempo" when this many working days or fewer remain.</summary>
    public int DueSoonWorkingDays { get; set; } = 1;
}

/// <summary>The working calendar built from the holiday table; rebuilt when an administrator edits holidays.</summary>
public sealed class CalendarProvider(IDbContextFactory<PortalDbContext> dbFactory, IOptionsMonitor<WorkflowOptions> options)
{
    private volatile WorkingCalendar? current;

    public int DueSoonWorkingDays => options.CurrentValue.DueSoonWorkingDays;

    public async Task<WorkingCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        if (current is { } calendar) return calendar;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var holidays = await db.Holidays.Select(h => h.Date).ToListAsync(cancellationToken);
        return current = new WorkingCalendar(holidays, options.CurrentValue.OfficeClosingTime);
    }

    public void Invalidate() => current = null;
}
