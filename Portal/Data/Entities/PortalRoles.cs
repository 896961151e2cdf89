namespace Portal.Data.Entities;

/// <summary>
/// The portal's own roles. What a person does in an SOP follows from the position they hold
/// (see <see cref="Position"/>), not from a role.
/// </summary>
public static class PortalRoles
{
    public const string Administrator = nameof(Administrator);
    public const string Pemantau = nameof(Pemantau);

    public static readonly IReadOnlyList<string> All = [Administrator, Pemantau];

    public static string DisplayName(string role) => role;
}
