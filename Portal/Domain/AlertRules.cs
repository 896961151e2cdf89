namespace Portal.Domain;

/// <summary>How far an open step run has slipped; each level is announced once per run and recipient.</summary>
/// <summary>How urgent an alert is: the three SLA levels of a step, and System for the portal's own condition.</summary>
public enum AlertLevel { DueSoon, Late, Escalation, System }

/// <summary>The alert levels an open step has reached, decided from the one SLA rule the board also uses.</summary>
public static class AlertRules
{
    /// <summary>
    /// The levels reached now. "Segera jatuh tempo" only while the step is not yet late (once late it would be
    /// stale news). Escalation once late by at least <paramref name="escalationWorkingDays"/> working days, or, for
    /// a step counted in hours or minutes, once late by its own waktu again (a 4-hour step 4 office hours late).
    /// </summary>
    public static IReadOnlyList<AlertLevel> LevelsReached(SlaStatus status, int escalationWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Level switch
        {
            SlaLevel.DueSoon => [AlertLevel.DueSoon],
            SlaLevel.Late when IsEscalated(status, escalationWorkingDays) => [AlertLevel.Late, AlertLevel.Escalation],
            SlaLevel.Late => [AlertLevel.Late],
            _ => [],
        };
    }

    private static bool IsEscalated(SlaStatus status, int escalationWorkingDays) =>
        status.WorkingDaysLate >= escalationWorkingDays
        || status.StepWorkingTime is { } waktu && status.WorkingTimeLate >= waktu;

    /// <summary>
    /// The earliest instant (UTC) at which a due date is certainly "on time" now: the office's midnight starting the
    /// (N+1)-th working day after today. Steps due earlier may be soon due or late; the scan loads only those. This
    /// holds for hour and minute steps too, because <see cref="SlaRules"/> never calls them due soon outside the
    /// same N working days.
    /// </summary>
    public static DateTimeOffset DueSoonHorizon(this WorkingCalendar calendar, DateTimeOffset now, int dueSoonWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var day = calendar.LocalDate(now);
        for (var remaining = dueSoonWorkingDays + 1; remaining > 0;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day)) remaining--;
        }
        return calendar.StartOf(day);
    }
}
