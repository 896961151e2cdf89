using Portal.Components.Shared;

namespace Portal.Features.Operations.Faults;

/// <summary>
/// The last net for requests (sign-in, downloads, forms posted outside Blazor): a write the storage refused answers
/// 503 with the Indonesian message instead of an error page, and no path or stack trace leaves the server.
/// Installed inside the error pages (the developer page, the production error page), so it answers first in every environment.
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
}

public static class StorageFailurePageExtensions
{
    public static IApplicationBuilder UseStorageFailurePage(this IApplicationBuilder app) => app.UseMiddleware<StorageFailurePage>();
}
