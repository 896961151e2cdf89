namespace Portal.Features.Cluster;

/// <summary>How long to wait before trying the database again after failing <c>failures</c> times in a row: 1, 2, 4, … 30 s.</summary>
public static class ReconnectDelay
{
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    public static TimeSpan After(int failures) =>
        failures >= 6 ? Longest : TimeSpan.FromSeconds(Math.Min(Longest.TotalSeconds, 1 << Math.Max(0, failures - 1)));
}
