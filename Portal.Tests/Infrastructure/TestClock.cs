using System.Diagnostics;
using Portal.Domain;

namespace Portal.Tests.Infrastructure;

/// <summary>A clock a test may set to any instant, backwards too (FakeTimeProvider only moves forward).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// A clock that starts at a fixed instant and then runs at the real pace (from the monotonic stopwatch,
/// never the wall clock), so timers such as the TV screen's paging fire while the date stays pinned.
/// </summary>
public sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly long startedAt = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(startedAt);
}

/// <summary>The instants the suite runs at: every test that depends on time names one of these (or its own).</summary>
public static class TestInstants
{
    /// <summary>An ordinary office morning: Wednesday 25 November 2026, 10:00 WITA.</summary>
    public static readonly DateTimeOffset OrdinaryWednesday = Wita(2026, 11, 25, 10, 0);

    /// <summary>Before office hours on a Monday: 30 November 2026, 03:30 WITA.</summary>
    public static readonly DateTimeOffset MondayBeforeDawn = Wita(2026, 11, 30, 3, 30);

    /// <summary>A Saturday afternoon: 28 November 2026, 14:00 WITA.</summary>
    public static readonly DateTimeOffset Saturday = Wita(2026, 11, 28, 14, 0);

    /// <summary>New Year's Eve, ten minutes before midnight: 31 December 2026, 23:50 WITA.</summary>
    public static readonly DateTimeOffset NewYearsEve = Wita(2026, 12, 31, 23, 50);

    /// <summary>Inside the Nyepi and Idul Fitri 2026 holidays (cuti bersama): Monday 23 March 2026, 10:00 WITA.</summary>
    public static readonly DateTimeOffset IdulFitriHolidays = Wita(2026, 3, 23, 10, 0);

    public static readonly TheoryData<string> Awkward = new() { nameof(MondayBeforeDawn), nameof(Saturday), nameof(NewYearsEve), nameof(IdulFitriHolidays) };

    public static DateTimeOffset Named(string name) => name switch
    {
        nameof(OrdinaryWednesday) => OrdinaryWednesday,
        nameof(MondayBeforeDawn) => MondayBeforeDawn,
        nameof(Saturday) => Saturday,
        nameof(NewYearsEve) => NewYearsEve,
        nameof(IdulFitriHolidays) => IdulFitriHolidays,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown test instant."),
    };

    public static DateTimeOffset Wita(int year, int month, int day, int hour, int minute) =>
        OfficeZone.Wita.Instant(new DateOnly(year, month, day), new TimeOnly(hour, minute));
}
