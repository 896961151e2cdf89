namespace Portal.Features.Sop;

public static class SopRegistration
{
    public static WebApplicationBuilder AddSopPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SopVersions>();
        return builder;
    }
}
