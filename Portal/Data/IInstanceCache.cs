namespace Portal.Data;

/// <summary>
/// Rows of the database one instance of the portal keeps in memory (settings, office profile, working calendar). On
/// PostgreSQL several instances share the database: the one that changes the rows raises <see cref="ChangedHere"/>, and
/// the others <see cref="RefreshAsync"/> their copy.
/// </summary>
public interface IInstanceCache
{
    /// <summary>Names the cache in the messages between instances.</summary>
    string Name { get; }

    /// <summary>Raised after this instance changed the rows behind the cache.</summary>
    event Action? ChangedHere;

    /// <summary>Reads the rows again: another instance changed them, or this one may have missed that it did.</summary>
    Task RefreshAsync(CancellationToken cancellationToken = default);
}
