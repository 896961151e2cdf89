namespace Portal.Features.Office;

public static class OfficeRegistration
{
    /// <summary>The office's time and names for every page, job, e-mail and report (the profile itself is stored by the data layer).</summary>
    public static WebApplicationBuilder AddOffice(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OfficeTime>();
        return builder;
    }
}
