using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Account;

public static class AccountRegistration
{
    public const string SignInPath = "/akun/masuk";
    public const string ChangePasswordPath = "/akun/ganti-sandi";

    /// <summary>How long "Ingat saya" keeps a person signed in since their last request (the cookie outlives closing the app).</summary>
    public static readonly TimeSpan RememberedSignInLifetime = TimeSpan.FromDays(14);

    /// <summary>How long a sign-in without "Ingat saya" lasts since the last request; its cookie also ends with the browser.</summary>
    public static readonly TimeSpan SessionSignInLifetime = TimeSpan.FromHours(10);

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddIdentityCore<PortalUser>(options =>
            {
                options.User.AllowedUserNameCharacters = "0123456789";
                options.User.RequireUniqueEmail = false;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserManager<PortalUserManager>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<IndonesianIdentityErrors>()
            .AddPasswordValidator<PasswordPolicy>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();
        builder.Services.AddSingleton<CommonPasswords>();
        builder.Services.AddSingleton<UnknownAccountPassword>();
        builder.Services.AddScoped<PasswordSignIn>();

        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = SignInPath;
            options.LogoutPath = "/akun/keluar";
            options.AccessDeniedPath = "/akses-ditolak";
            options.Cookie.Name = "portal-inovasi";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Development runs on plain http://localhost; everywhere else the cookie is HTTPS-only.
            options.Cookie.SecurePolicy = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = SessionSignInLifetime;
            // "Ingat saya" makes the cookie persistent; sliding renewal keeps the span chosen here (expiry minus issue time).
            options.Events.OnSigningIn = context =>
            {
                if (context.Properties is { IsPersistent: true, IssuedUtc: { } issued })
                    context.Properties.ExpiresUtc = issued + RememberedSignInLifetime;
                return Task.CompletedTask;
            };
            // Signing in at the sign-in path makes the handler itself redirect to ?ReturnUrl=: only to a safe local path.
            options.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalReturnUrl.Safe(context.RedirectUri));
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAntiforgery(options =>
            options.Cookie.SecurePolicy = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        builder.AddSignInRateLimit();
        // Every request re-reads the security stamp, so deactivation, a password reset or a role change ends sessions at once.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        builder.Services.AddScoped<AuthenticationStateProvider, PortalAuthenticationStateProvider>();
        // A page or endpoint that forgets its policy is still closed to people who are not signed in.
        builder.Services.AddAuthorization(options =>
        {
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            OfficePolicies.Add(options);
        });
        builder.Services.AddScoped<IAuthorizationHandler, OfficeRequirementHandler>();
        builder.Services.AddSingleton<AccountAudit>();
        builder.Services.AddSingleton<FirstAdministratorSetup>();
        builder.Services.AddHostedService<FirstAdministratorNotice>();
        return builder;
    }

    private static readonly string[] GatedPaths = ["/lampiran", "/laporan", "/hangfire", "/notifikasi"];

    /// <summary>Someone signed in with a one-time password sees no page but the change-password page until they choose their own.</summary>
    public static WebApplication UseOneTimePasswordGate(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.User.HasClaim(PortalClaims.MustChangePassword, "true") && !context.Request.Path.StartsWithSegments("/akun"))
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
                {
                    context.Response.Redirect(ChangePasswordPath);
                    return;
                }
                if (GatedPaths.Any(path => context.Request.Path.StartsWithSegments(path)))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsync("Ganti kata sandi sementara Anda terlebih dahulu di /akun/ganti-sandi.");
                    return;
                }
            }
            await next();
        });
        return app;
    }

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/akun/keluar", async (HttpContext http, SignInManager<PortalUser> signInManager) =>
        {
            // The antiforgery middleware only records its verdict; an endpoint that binds no form refuses by itself.
            if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
                return Results.Text("Permintaan keluar tidak sah. Muat ulang halaman lalu coba lagi.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            await signInManager.SignOutAsync();
            return Results.LocalRedirect(SignInPath);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }
}
