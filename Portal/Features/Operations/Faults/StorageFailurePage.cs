using Portal.Components.Shared;

namespace Portal.Features.Operations.Faults;

/// <summary>
/// The last net for requests (sign-in, downloads, forms posted outside Blazor): a write the storage refused answers
/// 503 with the Indonesian message instead of an error page, and no path or stack trace leaves the server.
/// Installed first in the pipeline by a start-up filter, so it is the same in every environment.
/// </summary>
public sealed class StorageFailurePage(StorageAlarm alarm) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && alarm.Recognise(exception) is { } failure)
        {
            context.Response.Clear();
            await PlainMessagePage.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Penyimpanan server bermasalah", failure.Message,
                "storage-failure", context.RequestAborted);
        }
    }

    public sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<StorageFailurePage>();
            next(app);
        };
    }
}
