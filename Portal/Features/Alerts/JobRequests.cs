using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;

namespace Portal.Features.Alerts;

/// <summary>Marks a job whose queued runs carry the moment they were asked for (<see cref="JobRequests.RequestedAt"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StampRequestTimeAttribute : Attribute;

/// <summary>
/// When a job marked <see cref="StampRequestTimeAttribute"/> was asked for (by its schedule, a trigger, or the dashboard),
/// on the portal's clock: a run that starts later can tell whether a run begun since then has already done its work —
/// with several instances on one job store, two of them can ask for the same work at the same moment.
/// </summary>
public static class JobRequests
{
    private const string Parameter = "PortalRequestedAt";

    /// <summary>The moment the running job was asked for; null when it was not stamped (called directly, or queued by an older version).</summary>
    public static DateTimeOffset? RequestedAt(PerformContext? context) => context?.GetJobParameter<DateTimeOffset?>(Parameter);

    /// <summary>
    /// This host's job filters: Hangfire's own (global and attribute filters) and the stamp, which needs this host's clock.
    /// A provider per host instead of Hangfire's process-wide filter list, so two hosts in one process keep their own clocks.
    /// </summary>
    public sealed class FilterProvider(TimeProvider clock) : IJobFilterProvider
    {
        private readonly JobFilter stamp = new(new Stamp(clock), JobFilterScope.Method, null);

        public IEnumerable<JobFilter> GetFilters(Job job)
        {
            var filters = JobFilterProviders.Providers.GetFilters(job);
            return job?.Method.IsDefined(typeof(StampRequestTimeAttribute), inherit: true) == true ? filters.Append(stamp) : filters;
        }
    }

    private sealed class Stamp(TimeProvider clock) : IClientFilter
    {
        public void OnCreating(CreatingContext context) => context.SetJobParameter(Parameter, clock.GetUtcNow());

        public void OnCreated(CreatedContext context)
        {
        }
    }
}
