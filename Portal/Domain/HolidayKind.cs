namespace Portal.Domain;

public enum HolidayKind { LiburNasional, CutiBersama, LiburDaerah }

public sealed record HolidayDate(DateOnly Date, string Name, HolidayKind Kind);
