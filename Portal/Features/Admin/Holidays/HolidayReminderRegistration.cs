using Microsoft.Extensions.Diagnostics.HealthChecks;

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
        builder.Services.AddHealthChecks().AddCheck<HolidaysHealthCheck>(HolidaysHealthCheck.Name, HealthStatus.Degraded, tags: ["hari-libur"]);
        return builder;
    }
}
