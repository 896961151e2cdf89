namespace Portal.Tests.Infrastructure;

/// <summary>A clock a test may set to any instant, backwards too (FakeTimeProvider only moves forward).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
