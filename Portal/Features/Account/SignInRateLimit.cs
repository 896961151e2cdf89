using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Components.Shared;

namespace Portal.Features.Account;

/// <summary>How many sign-in attempts one address may make (section "Portal:SignInRateLimit"); documented in README.md.</summary>
public sealed class SignInRateLimitOptions
{
    public const string Section = "Portal:SignInRateLimit";

    /// <summary>Attempts (posts of the sign-in form) per address in one window.</summary>
    public int PermitLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Lockout protects one account; this slows one address trying many accounts. Partitioned by the client's
/// address as the forwarded headers left it, so behind the reverse proxy each person counts on their own.
/// </summary>
public static class SignInRateLimit
{
    public static WebApplicationBuilder AddSignInRateLimit(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SignInRateLimitOptions.Section).Get<SignInRateLimitOptions>() ?? new();
        if (options.PermitLimit < 1 || options.Window <= TimeSpan.Zero)
            throw new InvalidOperationException(
                $"{SignInRateLimitOptions.Section}: PermitLimit must be at least 1 and Window longer than zero (now {options.PermitLimit} and {options.Window}).");

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.PermitLimit,
                        Window = options.Window,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, cancellationToken) =>
                WriteRefusalAsync(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : options.Window, cancellationToken);
        });
        return builder;
    }

    public static WebApplication UseSignInRateLimit(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    public static string RefusalMessage(TimeSpan retryAfter) =>
        $"Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))} menit.";

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments(AccountRegistration.SignInPath, StringComparison.OrdinalIgnoreCase);

    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : IPAddress.None.ToString();

    private static async ValueTask WriteRefusalAsync(HttpContext context, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await PlainMessagePage.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Terlalu banyak percobaan masuk",
            RefusalMessage(retryAfter), "rate-limited", cancellationToken);
    }
}
