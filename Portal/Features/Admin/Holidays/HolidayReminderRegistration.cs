using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain;

namespace Portal.Features.Admin.Holidays;

public static class HolidayReminderRegistration
{
    /// <summary>The reminder to enter next year's holidays: the daily check, its alert, the /sehat warning and the admin notice.</summary>
    public static WebApplicationBuilder AddHolidayReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HolidayReminderOptions>()
            .Bind(builder.Configuration.GetSection(HolidayReminderOptions.Section))
            .Validate(o => o.TryRemindFrom(2000, out _), "Holidays:RemindFrom harus berbentuk BB-HH (bulan-hari), mis. 10-01.")
            .Validate(o => Cronos.CronExpression.TryParse(o.CheckCron, out _), "Holidays:CheckCron bukan jadwal cron yang sah (mis. 0 7 * * *).")
            .ValidateOnStart();
        builder.Services.AddSingleton<HolidayReminder>();
        builder.Services.AddHostedService<HolidayReminderSchedule>();
        builder.Services.AddHealthChecks().AddCheck<HolidaysHealthCheck>(HolidaysHealthCheck.Name, HealthStatus.Degraded, tags: ["hari-libur"]);
        return builder;
    }
}

/// <summary>Registers the daily check under a fixed id once the app runs, at the configured time in the office's zone (again when the zone changes).</summary>
public sealed class HolidayReminderSchedule(IRecurringJobManager recurringJobs, IOptions<HolidayReminderOptions> options,
    OfficeProfileStore officeProfile) : IHostedService
{
    public const string JobId = "holidays-next-year";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Register((await officeProfile.GetAsync(cancellationToken)).Zone);
        officeProfile.Changed += OnOfficeChanged;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        officeProfile.Changed -= OnOfficeChanged;
        return Task.CompletedTask;
    }

    private void OnOfficeChanged(OfficeSnapshot changed) => Register(changed.Zone);

    private void Register(OfficeZone zone) =>
        recurringJobs.AddOrUpdate<HolidayReminder>(JobId, reminder => reminder.CheckAsync(CancellationToken.None), options.Value.CheckCron,
            new RecurringJobOptions { TimeZone = zone.Zone });
}
