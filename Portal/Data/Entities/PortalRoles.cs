using Portal.Domain;

namespace Portal.Data.Entities;

/// <summary>The portal's roles; the first three are the SOP's own.</summary>
public static class PortalRoles
{
    public const string PejabatFungsional = nameof(SopRole.PejabatFungsional);
    public const string KepalaBidang = nameof(SopRole.KepalaBidang);
    public const string KepalaDinas = nameof(SopRole.KepalaDinas);
    public const string Administrator = nameof(Administrator);
    public const string Pemantau = nameof(Pemantau);

    public static readonly IReadOnlyList<string> All = [PejabatFungsional, KepalaBidang, KepalaDinas, Administrator, Pemantau];

    public static string DisplayName(string role) => Enum.TryParse<SopRole>(role, out var sopRole)
        ? sopRole.Name()
        : role;

    public static SopRole? AsSopRole(string role) => Enum.TryParse<SopRole>(role, out var sopRole) ? sopRole : null;
}
