namespace Portal.Domain;

/// <summary>
/// How a step's waktu is counted. Working days ("hari", "minggu" = 5 hari) and hours and minutes count
/// only inside the office's hours on working days; calendar days count every day.
/// </summary>
public enum DurationUnit { WorkingDays, CalendarDays, WorkingHours, WorkingMinutes }

public sealed record SopDuration(int Value, DurationUnit Unit);
