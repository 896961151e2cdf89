using System.Security.Claims;
using Portal.Features.Account;
using Portal.Features.Security;

namespace Portal.Features.Outputs;

public static class OutputsRegistration
{
    public static WebApplicationBuilder AddStepOutputs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StepOutputs>();
        return builder;
    }

    public static WebApplication MapStepOutputs(this WebApplication app)
    {
        // Downloads pass the same check as the pages: only people who may see the innovation get the bytes.
        app.MapGet("/lampiran/{id:guid}", async (Guid id, bool? inline, ClaimsPrincipal user, StepOutputs outputs, HttpContext http) =>
        {
            var opened = await outputs.OpenAsync(id, user.UserId(), http.RequestAborted);
            if (opened is not { } file) return Results.NotFound("Lampiran tidak ditemukan atau Anda tidak berhak melihatnya.");
            var showInline = inline == true && file.Attachment.ContentType == "application/pdf";
            if (showInline) http.Response.Headers.ContentSecurityPolicy = SecurityHeaders.PdfPreviewContentSecurityPolicy;
            return Results.File(file.Content, file.Attachment.ContentType, showInline ? null : file.Attachment.FileName, enableRangeProcessing: true);
        }).RequireAuthorization();
        return app;
    }
}
