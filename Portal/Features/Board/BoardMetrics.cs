using System.Diagnostics.Metrics;

namespace Portal.Features.Board;

/// <summary>How quickly open boards follow a move, for dashboards (OpenTelemetry) and the benchmarks.</summary>
public static class BoardMetrics
{
    public const string MeterName = "Portal.Board";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<double> MoveToRender = Meter.CreateHistogram<double>(
        "portal.board.move_to_render", "ms", "Time from a move being stored to an open board having rendered it and sent the change to its browser");
}
