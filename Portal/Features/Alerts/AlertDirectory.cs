using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Alerts;

public sealed record AlertPerson(string Id, string FullName, string? Email, bool IsActive, int? BidangId);

/// <summary>
/// One recipient of an alert: the person themselves, or an acting official (Plt./Plh.) who receives it
/// for <paramref name="OnBehalfOf"/>; <paramref name="ActingAs"/> reads e.g. "Plh. Kepala Dinas".
/// </summary>
public sealed record AlertRecipient(AlertPerson Person, string? OnBehalfOf = null, string? ActingAs = null);

/// <summary>
/// Who holds which SOP role today, read once per job run: the proposer does Pejabat Fungsional steps,
/// the bidang's Kepala Bidang and the Kepala Dinas do theirs, and an acting official active today
/// receives, in addition, whatever the person they stand in for receives.
/// </summary>
public sealed class AlertDirectory
{
    private readonly Dictionary<string, AlertPerson> people;
    private readonly ILookup<int, AlertPerson> kepalaBidangByBidang;
    private readonly IReadOnlyList<AlertPerson> kepalaDinas;
    private readonly ILookup<string, (AlertPerson Substitute, string ActingAs)> substitutesByPrincipal;

    private AlertDirectory(
        Dictionary<string, AlertPerson> people,
        ILookup<int, AlertPerson> kepalaBidangByBidang,
        IReadOnlyList<AlertPerson> kepalaDinas,
        ILookup<string, (AlertPerson Substitute, string ActingAs)> substitutesByPrincipal)
    {
        this.people = people;
        this.kepalaBidangByBidang = kepalaBidangByBidang;
        this.kepalaDinas = kepalaDinas;
        this.substitutesByPrincipal = substitutesByPrincipal;
    }

    public static async Task<AlertDirectory> LoadAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var people = await db.Users.AsNoTracking()
            .Select(u => new AlertPerson(u.Id, u.FullName, u.Email, u.IsActive, u.BidangId))
            .ToDictionaryAsync(p => p.Id, cancellationToken);

        var holders = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == PortalRoles.KepalaBidang || role.Name == PortalRoles.KepalaDinas
            select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken);

        var kepalaBidang = holders.Where(h => h.Name == PortalRoles.KepalaBidang)
            .Select(h => people[h.UserId])
            .Where(p => p.BidangId is not null)
            .ToLookup(p => p.BidangId!.Value);
        var kepalaDinas = holders.Where(h => h.Name == PortalRoles.KepalaDinas).Select(h => people[h.UserId]).ToList();

        var substitutions = await db.Substitutions.AsNoTracking()
            .Where(s => s.RevokedAt == null && s.StartDate <= today && today <= s.EndDate)
            .Select(s => new { s.SubstituteId, s.PrincipalId, s.Kind, s.Role })
            .ToListAsync(cancellationToken);
        var substitutes = substitutions
            .Where(s => people.TryGetValue(s.SubstituteId, out var substitute) && substitute.IsActive)
            .ToLookup(s => s.PrincipalId, s => (people[s.SubstituteId], $"{s.Kind}. {s.Role.Name()}"));

        return new AlertDirectory(people, kepalaBidang, kepalaDinas, substitutes);
    }

    /// <summary>The people who do a step of this role for this innovation (active or not: a vacancy still has its Plt.).</summary>
    public IReadOnlyList<AlertPerson> Holders(SopRole role, int bidangId, string proposerId) => role switch
    {
        SopRole.PejabatFungsional => people.TryGetValue(proposerId, out var proposer) ? [proposer] : [],
        SopRole.KepalaBidang => kepalaBidangByBidang[bidangId].ToList(),
        SopRole.KepalaDinas => kepalaDinas,
        _ => [],
    };

    public IReadOnlyList<AlertPerson> KepalaBidang(int bidangId) => kepalaBidangByBidang[bidangId].ToList();

    public IReadOnlyList<AlertPerson> KepalaDinas => kepalaDinas;

    /// <summary>The principals who are active, then the acting officials of any principal; one entry per person.</summary>
    public IReadOnlyList<AlertRecipient> Expand(IEnumerable<AlertPerson> principals)
    {
        var principalList = principals.ToList();
        var recipients = new List<AlertRecipient>();
        var seen = new HashSet<string>();
        foreach (var principal in principalList.Where(p => p.IsActive))
        {
            if (seen.Add(principal.Id)) recipients.Add(new AlertRecipient(principal));
        }
        foreach (var principal in principalList)
        {
            foreach (var (substitute, actingAs) in substitutesByPrincipal[principal.Id])
            {
                if (seen.Add(substitute.Id)) recipients.Add(new AlertRecipient(substitute, principal.FullName, actingAs));
            }
        }
        return recipients;
    }

    /// <summary>
    /// Who hears of a level for a step of <paramref name="role"/>: the doers when it is soon due; the doers
    /// and their supervisor when it is late; the Kepala Dinas on escalation.
    /// </summary>
    public IReadOnlyList<AlertRecipient> RecipientsFor(AlertLevel level, SopRole role, int bidangId, string proposerId)
    {
        var doers = Holders(role, bidangId, proposerId);
        return level switch
        {
            AlertLevel.DueSoon => Expand(doers),
            AlertLevel.Late => Expand(AlertRules.SupervisorOf(role) is { } supervisor
                ? doers.Concat(Holders(supervisor, bidangId, proposerId))
                : doers),
            AlertLevel.Escalation => Expand(kepalaDinas),
            _ => [],
        };
    }
}
