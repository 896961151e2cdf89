using Npgsql;

namespace Portal.Features.Cluster;

/// <summary>The portal's PostgreSQL database, as the relay and the listener open their own connections to it.</summary>
public sealed class ClusterConnection(string connectionString)
{
    /// <param name="applicationName">Shown in pg_stat_activity, so an operator sees which connection is which.</param>
    public NpgsqlDataSource Open(string applicationName, bool pooled) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = applicationName,
            Pooling = pooled,
        }.ConnectionString);
}
