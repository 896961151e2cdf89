namespace Portal.Features.Security;

/// <summary>The headers every response carries: pages, static files, downloads, error pages.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from the portal's own files (no inline script, no eval); Blazor's WebSocket is 'self'.
    /// Inline styles stay allowed: MudBlazor writes its theme as a style element and sizes components with style attributes.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>
    /// For a PDF shown inline (the preview frame): Chromium shows a PDF through an embed in the document it makes,
    /// which object-src 'none' would block. The document holds no script of ours.
    /// </summary>
    public const string PdfPreviewContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "frame-ancestors 'self'; object-src 'self'; base-uri 'self'; form-action 'self'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>Adds the headers just before a response starts, so they survive the error handler clearing the response.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var response = context.Response;
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                // Replaces Blazor's own "frame-ancestors 'self'" on interactive pages; keeps a policy an endpoint chose from ours.
                if (headers.ContentSecurityPolicy != PdfPreviewContentSecurityPolicy) headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
