using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Data.Entities;

namespace Portal.Data;

/// <summary>
/// The portal's data on PostgreSQL: the same model, its own migrations (Migrations/PostgreSql), and the data-protection
/// keys, so a sign-in cookie made by one instance is read by every other.
/// </summary>
public sealed class PostgreSqlPortalDbContext(DbContextOptions<PostgreSqlPortalDbContext> options) : PortalDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // PostgreSQL folds unquoted names to lower case; the model's names are quoted there.
        builder.Entity<SystemAlert>().HasIndex(a => a.Key).IsUnique().HasFilter("\"ResolvedAt\" IS NULL");
        // SQLite stores a text of any length whatever its declared maximum; PostgreSQL's varchar(n) would refuse a longer
        // one. Text columns keep the two engines alike: the validators decide what a person may enter, and a long text
        // the portal writes itself (an acting title with two names, an alert) is never refused on one engine only.
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(entity => entity.GetProperties()))
        {
            if ((property.GetValueConverter()?.ProviderClrType ?? property.ClrType) == typeof(string)) property.SetColumnType("text");
        }
    }
}

/// <summary>For `dotnet ef migrations add … --context PostgreSqlPortalDbContext`: no server is needed to make a migration.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlPortalDbContext>
{
    public PostgreSqlPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>().UseNpgsql("Host=localhost;Database=portal_inovasi").Options);
}

/// <summary>
/// For `dotnet ef migrations add … --context PortalDbContext`: without it the tool took the PostgreSQL factory for the
/// base context too and wrote a PostgreSQL model into the SQLite migrations.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) => PortalDatabase.OpenSqliteFile("design-time.db");
}
