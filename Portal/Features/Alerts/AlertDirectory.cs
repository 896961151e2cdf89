using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;

namespace Portal.Features.Alerts;

public sealed record AlertPerson(string Id, string FullName, string? Email, bool IsActive, int? BidangId);

/// <summary>
/// One recipient of an alert: the person themselves, or an acting official (Plt./Plh.) who receives it
/// for <paramref name="OnBehalfOf"/>; <paramref name="ActingAs"/> reads e.g. "Plh. Kepala Dinas".
/// </summary>
public sealed record AlertRecipient(AlertPerson Person, string? OnBehalfOf = null, string? ActingAs = null);

/// <summary>
/// Who holds which position today, read once per job run. The doers of a step are the item's proposer
/// when they hold the step's level, else every holder of that level covering the item's bidang; an acting
/// official active today receives, in addition, whatever the person they stand in for receives. Who
/// supervises whom comes from <see cref="OfficeRules"/>.
/// </summary>
public sealed class AlertDirectory
{
    private readonly Dictionary<string, AlertPerson> people;
    private readonly IReadOnlyList<OfficePosition> positions;
    private readonly ILookup<int, AlertPerson> holdersByPosition;
    private readonly Dictionary<string, OfficePosition> positionByPerson;
    private readonly ILookup<string, (AlertPerson Substitute, string ActingAs)> substitutesByPrincipal;

    private AlertDirectory(
        Dictionary<string, AlertPerson> people,
        IReadOnlyList<OfficePosition> positions,
        ILookup<int, AlertPerson> holdersByPosition,
        Dictionary<string, OfficePosition> positionByPerson,
        ILookup<string, (AlertPerson Substitute, string ActingAs)> substitutesByPrincipal)
    {
        this.people = people;
        this.positions = positions;
        this.holdersByPosition = holdersByPosition;
        this.positionByPerson = positionByPerson;
        this.substitutesByPrincipal = substitutesByPrincipal;
    }

    public static async Task<AlertDirectory> LoadAsync(PortalDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking()
            .Select(u => new { Person = new AlertPerson(u.Id, u.FullName, u.Email, u.IsActive, u.BidangId), u.PositionId })
            .ToListAsync(cancellationToken);
        var people = users.ToDictionary(u => u.Person.Id, u => u.Person);
        var positions = (await db.Positions.AsNoTracking().ToListAsync(cancellationToken)).Select(p => p.ToRule()).ToList();
        var positionById = positions.ToDictionary(p => p.Id);

        var holders = users.Where(u => u.PositionId is not null).ToLookup(u => u.PositionId!.Value, u => u.Person);
        var positionByPerson = users.Where(u => u.PositionId is { } id && positionById.ContainsKey(id))
            .ToDictionary(u => u.Person.Id, u => positionById[u.PositionId!.Value]);

        var substitutions = await db.Substitutions.AsNoTracking()
            .Where(s => s.RevokedAt == null && s.StartDate <= today && today <= s.EndDate)
            .Select(s => new { s.SubstituteId, s.PrincipalId, s.Kind, PositionName = s.Position!.Name })
            .ToListAsync(cancellationToken);
        var substitutes = substitutions
            .Where(s => people.TryGetValue(s.SubstituteId, out var substitute) && substitute.IsActive)
            .ToLookup(s => s.PrincipalId, s => (people[s.SubstituteId], $"{s.Kind}. {s.PositionName}"));

        return new AlertDirectory(people, positions, holders, positionByPerson, substitutes);
    }

    /// <summary>The people who do a step of this level for this item (active or not: a vacancy still has its Plt.).</summary>
    public IReadOnlyList<AlertPerson> Holders(PositionLevel level, int bidangId, string proposerId)
    {
        if (people.TryGetValue(proposerId, out var proposer) && positionByPerson.TryGetValue(proposerId, out var own)
            && own.Level == level && (own.BidangId is null || own.BidangId == bidangId))
            return [proposer];
        return HoldersOf(positions.Where(p => p.Level == level && (p.BidangId is null || p.BidangId == bidangId)));
    }

    /// <summary>The head of a bidang: holders of the highest position scoped to that bidang.</summary>
    public IReadOnlyList<AlertPerson> BidangHeads(int bidangId)
    {
        var own = positions.Where(p => p.BidangId == bidangId).ToList();
        return own.Count == 0 ? [] : HoldersOf(own.Where(p => p.Level == own.Max(o => o.Level)));
    }

    public IReadOnlyList<AlertPerson> HeadsOfOffice => HoldersOf(OfficeRules.HeadsOfOffice(positions));

    private List<AlertPerson> HoldersOf(IEnumerable<OfficePosition> chosen) =>
        [.. chosen.SelectMany(p => holdersByPosition[p.Id]).DistinctBy(p => p.Id)];

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
    /// Who hears of a level for a step done at <paramref name="level"/>: the doers when it is soon due; the doers
    /// and the next level up in the item's bidang when it is late; the head of the office on escalation.
    /// </summary>
    public IReadOnlyList<AlertRecipient> RecipientsFor(AlertLevel alert, PositionLevel level, int bidangId, string proposerId)
    {
        var doers = Holders(level, bidangId, proposerId);
        return alert switch
        {
            AlertLevel.DueSoon => Expand(doers),
            AlertLevel.Late => Expand(doers.Concat(HoldersOf(OfficeRules.SupervisorsOf(level, bidangId, positions)))),
            AlertLevel.Escalation => Expand(HeadsOfOffice),
            _ => [],
        };
    }
}
