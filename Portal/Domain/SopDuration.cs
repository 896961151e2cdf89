namespace Portal.Domain;

public enum DurationUnit { WorkingDays, CalendarDays }

public sealed record SopDuration(int Value, DurationUnit Unit);
