using System.Globalization;

namespace Portal.Domain;

/// <summary>
/// How a step's time is worded wherever a person reads it (board, detail page, "Menunggu saya", reports, dashboard,
/// alerts), always in the step's own unit: "3 hari kerja" for a step of days or weeks, "4 hari kalender", and
/// "1 jam 20 menit kerja" or "20 menit kerja" (office time) for a step of hours or minutes.
/// </summary>
public static class StepTimeText
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);

    /// <summary>"3 hari kerja", "4 hari kalender", "1 jam 20 menit kerja".</summary>
    public static string Amount(StepTime time) => time.Unit switch
    {
        StepTimeUnit.WorkingTime => $"{Words(time.Time)} kerja",
        StepTimeUnit.CalendarDays => $"{Number(time.Days)} hari kalender",
        _ => $"{Number(time.Days)} hari kerja",
    };

    /// <summary>What a unit is called in a heading: "hari kerja", "hari kalender", "jam kerja".</summary>
    public static string UnitName(StepTimeUnit unit) => unit switch
    {
        StepTimeUnit.WorkingTime => "jam kerja",
        StepTimeUnit.CalendarDays => "hari kalender",
        _ => "hari kerja",
    };

    /// <summary>
    /// The state of a running step, as its chip shows it: "tanpa tenggat", "tepat waktu", "segera jatuh tempo",
    /// "terlambat hari ini" (a step of days past its closing time today), "terlambat 2 hari kerja", "terlambat 2 jam kerja".
    /// </summary>
    public static string Status(SlaStatus sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        return sla.Level switch
        {
            SlaLevel.NoDeadline => "tanpa tenggat",
            SlaLevel.OnTime => "tepat waktu",
            SlaLevel.DueSoon => "segera jatuh tempo",
            SlaLevel.Late => Late(sla, judgedAfterwards: false),
            _ => throw new InvalidOperationException($"Unknown SLA level {sla.Level}."),
        };
    }

    /// <summary>
    /// "terlambat 2 hari kerja", "terlambat 3 hari kalender", "terlambat 1 jam 20 menit kerja". Less than one unit late:
    /// "terlambat hari ini" while it runs, or "terlambat kurang dari 1 hari kerja" for a step judged afterwards (finished
    /// late on its due day, or in a report of a past moment); a step of hours or minutes is late by the minute.
    /// </summary>
    public static string Late(SlaStatus sla, bool judgedAfterwards)
    {
        ArgumentNullException.ThrowIfNull(sla);
        var late = sla.LateBy;
        return late switch
        {
            { Unit: StepTimeUnit.WorkingTime, Time: var time } when time < OneMinute => "terlambat kurang dari 1 menit kerja",
            { Unit: not StepTimeUnit.WorkingTime, Days: 0 } when judgedAfterwards => $"terlambat kurang dari 1 {UnitName(late.Unit)}",
            { Unit: not StepTimeUnit.WorkingTime, Days: 0 } => "terlambat hari ini",
            _ => $"terlambat {Amount(late)}",
        };
    }

    /// <summary>
    /// What is left of a step not yet late: "sisa 20 menit kerja", "sisa 2 hari kerja", or "jatuh tempo hari ini" for a
    /// step of days due at today's closing time. Null when it has no due instant or is late.
    /// </summary>
    public static string? Remaining(SlaStatus sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (sla.Level is SlaLevel.NoDeadline or SlaLevel.Late) return null;
        var left = sla.Remaining;
        return left switch
        {
            { Unit: StepTimeUnit.WorkingTime, Time: var time } when time < OneMinute => "sisa kurang dari 1 menit kerja",
            { Unit: not StepTimeUnit.WorkingTime, Days: 0 } => "jatuh tempo hari ini",
            _ => $"sisa {Amount(left)}",
        };
    }

    /// <summary>How a finished step run went against its waktu: "tepat waktu" or "terlambat …" (<see cref="Late"/>, judged afterwards).</summary>
    public static string Finished(SlaStatus sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        return sla.Level == SlaLevel.Late ? Late(sla, judgedAfterwards: true) : "tepat waktu";
    }

    /// <summary>
    /// The mean of step times of one unit: "2,4 hari kerja", "1,5 hari kalender", "1 jam 12 menit kerja" (office time to
    /// the minute below); "—" when there are none.
    /// </summary>
    public static string Average(StepTimeUnit unit, IReadOnlyCollection<StepTime> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count == 0) return "—";
        if (times.Any(t => t.Unit != unit))
            throw new ArgumentException("Every step time of an average must be in its unit.", nameof(times));
        return unit == StepTimeUnit.WorkingTime
            ? $"{Words(TimeSpan.FromTicks((long)times.Average(t => t.Time.Ticks)))} kerja"
            : $"{times.Average(t => t.Days).ToString("0.0", IndonesianFormat.Culture)} {UnitName(unit)}";
    }

    /// <summary>"45 menit", "2 jam", "1 jam 20 menit" (whole minutes, rounded down).</summary>
    public static string Words(TimeSpan time)
    {
        var minutes = (long)Math.Floor(time.TotalMinutes);
        var (hours, rest) = (minutes / 60, minutes % 60);
        return (hours, rest) switch
        {
            (0, _) => $"{Number(rest)} menit",
            (_, 0) => $"{Number(hours)} jam",
            _ => $"{Number(hours)} jam {Number(rest)} menit",
        };
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
