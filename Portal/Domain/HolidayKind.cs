namespace Portal.Domain;

public enum HolidayKind { LiburNasional, CutiBersama }

public sealed record HolidayDate(DateOnly Date, string Name, HolidayKind Kind);
