using System.Net;

namespace Portal.Components.Shared;

/// <summary>
/// A short Indonesian page written straight from middleware, for refusals that happen before Blazor runs
/// (too many sign-in attempts, plain HTTP in production): no layout, no script, nothing but the message.
/// </summary>
public static class PlainMessagePage
{
    public static Task WriteAsync(HttpContext context, int statusCode, string title, string message, string? testId = null,
        CancellationToken cancellationToken = default)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        var testIdAttribute = testId is null ? "" : $" data-testid=\"{WebUtility.HtmlEncode(testId)}\"";
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="id">
            <head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)} — Portal Inovasi Pelayanan</title></head>
            <body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto;">
            <h1>{WebUtility.HtmlEncode(title)}</h1>
            <p{testIdAttribute}>{WebUtility.HtmlEncode(message)}</p>
            <p><a href="/akun/masuk">Ke halaman masuk</a></p>
            </body>
            </html>
            """, cancellationToken);
    }
}
