namespace Portal.Features.Cluster;

/// <summary>This running instance of the portal, among the others on one PostgreSQL database: its messages carry this id.</summary>
public sealed class PortalInstance
{
    public Guid Id { get; } = Guid.NewGuid();
}
