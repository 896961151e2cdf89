namespace Portal.Tests.Infrastructure;

/// <summary>How benchmarks print a series of timings: min / median / p95 (and max), the way the issues quote them.</summary>
public static class Figures
{
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static string Summary(IReadOnlyCollection<double> values) =>
        values.Count == 0 ? "no samples"
        : $"{values.Min():F0} / {Percentile(values, 0.5):F0} / {Percentile(values, 0.95):F0} ms (max {values.Max():F0}, n={values.Count})";
}
