using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Account;

/// <summary>What the first administrator fills in on the one-time setup page.</summary>
public sealed class FirstAdministratorInput
{
    public string Nip { get; set; } = "";
    public string FullName { get; set; } = "";
    public string? Jabatan { get; set; }
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class FirstAdministratorInputValidator : AbstractValidator<FirstAdministratorInput>
{
    public FirstAdministratorInputValidator()
    {
        RuleFor(i => i.Nip).IsNip();
        RuleFor(i => i.FullName).IsFullName();
        RuleFor(i => i.Jabatan).IsJabatan();
        RuleFor(i => i.Password).NotEmpty().WithMessage("Kata sandi wajib diisi.");
        RuleFor(i => i.ConfirmPassword).Equal(i => i.Password).WithMessage("Ulangan kata sandi tidak sama.");
    }
}

public sealed record FirstAdministratorResult(bool Succeeded, IReadOnlyList<string> Problems, PortalUser? Administrator = null);

/// <summary>
/// A fresh production install has no administrator. At start-up a random token is made and printed
/// once as a setup link; only its hash stays in memory. The link creates the first administrator,
/// then is closed for good: once any administrator exists it answers 404, token or not.
/// </summary>
public sealed class FirstAdministratorSetup(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<PortalDbContext> dbFactory,
    IValidator<FirstAdministratorInput> validator,
    AccountAudit audit,
    TimeProvider clock,
    IConfiguration configuration,
    IHostEnvironment environment)
{
    public const string Path = "/akun/siapkan";

    /// <summary>
    /// The setup link is also written to this file in the data folder (private to the service account), for a service
    /// with no console to read (a Windows Service); it is deleted once the first administrator exists.
    /// </summary>
    public const string LinkFileName = "tautan-administrator-pertama.txt";

    public string LinkFile => System.IO.Path.Combine(DataRegistration.DataDirectory(configuration, environment), LinkFileName);

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile byte[]? tokenHash;

    /// <summary>Makes a new setup token (the previous one stops working), or null when an administrator exists.</summary>
    public async Task<string?> IssueTokenAsync(CancellationToken cancellationToken = default)
    {
        if (await AdministratorExistsAsync(cancellationToken))
        {
            File.Delete(LinkFile);
            return null;
        }
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        tokenHash = Hash(token);
        return token;
    }

    public async Task<bool> IsOpenAsync(string? token, CancellationToken cancellationToken = default) =>
        Matches(token) && !await AdministratorExistsAsync(cancellationToken);

    public async Task<FirstAdministratorResult> CreateAdministratorAsync(string? token, FirstAdministratorInput input, CancellationToken cancellationToken = default)
    {
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid) return new(false, validation.Errors.Select(e => e.ErrorMessage).Distinct().ToList());

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!await IsOpenAsync(token, cancellationToken))
                return new(false, ["Tautan penyiapan tidak berlaku lagi: Administrator pertama sudah dibuat."]);

            await using var scope = scopeFactory.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var administrator = new PortalUser
            {
                UserName = Nip.Normalize(input.Nip),
                FullName = input.FullName.Trim(),
                Jabatan = string.IsNullOrWhiteSpace(input.Jabatan) ? null : input.Jabatan.Trim(),
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(administrator, input.Password);
            if (!created.Succeeded) return new(false, created.Errors.Select(e => e.Description).ToList());
            var inRole = await users.AddToRoleAsync(administrator, PortalRoles.Administrator);
            if (!inRole.Succeeded)
            {
                await users.DeleteAsync(administrator);
                return new(false, inRole.Errors.Select(e => e.Description).ToList());
            }

            tokenHash = null;
            File.Delete(LinkFile);
            await audit.WriteAsync(administrator.Id, administrator.FullName, AuditActions.FirstAdministrator,
                $"NIP {administrator.UserName} melalui tautan penyiapan");
            return new(true, [], administrator);
        }
        finally
        {
            gate.Release();
        }
    }

    private bool Matches(string? token) =>
        tokenHash is { } expected && !string.IsNullOrEmpty(token) && CryptographicOperations.FixedTimeEquals(Hash(token), expected);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private async Task<bool> AdministratorExistsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == PortalRoles.Administrator
            select userRole).AnyAsync(cancellationToken);
    }
}

/// <summary>Prints the setup link on the console of a production start that has no administrator yet.</summary>
public sealed class FirstAdministratorNotice(
    FirstAdministratorSetup setup,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    IServer server,
    IOptions<PortalOptions> options,
    ILogger<FirstAdministratorNotice> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsDevelopment()) return;
        var token = await setup.IssueTokenAsync(cancellationToken);
        if (token is null) return;
        lifetime.ApplicationStarted.Register(() =>
        {
            var bases = options.Value.PublicBaseUrl is { Length: > 0 } configured
                ? [configured]
                : server.Features.Get<IServerAddressesFeature>()?.Addresses
                    .Select(a => a.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost"))
                    .ToList() ?? [];
            var notice = new StringBuilder()
                .AppendLine()
                .AppendLine("Belum ada Administrator. Buka tautan ini SATU KALI untuk membuat Administrator pertama:");
            foreach (var address in bases.DefaultIfEmpty("<alamat portal>")) notice.AppendLine($"  {address.TrimEnd('/')}{FirstAdministratorSetup.Path}?token={token}");
            notice.AppendLine("Tautan berlaku sampai Administrator pertama dibuat; bila portal dijalankan ulang sebelumnya, tautan baru dicetak.");
            Console.WriteLine(notice.ToString());
            // Not in the log: a token does not belong in log files. A service without a console finds it in the file.
            File.WriteAllText(setup.LinkFile, notice.ToString());
            logger.LogWarning("No administrator yet: the one-time setup link is on the console and in {File} in the data folder",
                FirstAdministratorSetup.LinkFileName);
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
