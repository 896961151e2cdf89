using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain;
using Portal.Features.Workflow;

namespace Portal.Features.Alerts;

public sealed record AlertPerson(string Id, string FullName, string? Email, bool IsActive, int? BidangId);

/// <summary>
/// One recipient of an alert: the person themselves, or an acting official who receives it as <paramref name="ActingAs"/>
/// (e.g. "Plh. Kepala Dinas"), for <paramref name="OnBehalfOf"/> or, when that is null, for a vacant position.
/// </summary>
public sealed record AlertRecipient(AlertPerson Person, string? OnBehalfOf = null, string? ActingAs = null);

/// <summary>
/// Who holds which position today, read once per job run. The doers of a step are the item's proposer
/// when they hold the step's level, else every holder of that level covering the item's bidang; an acting
/// official in force today receives, in addition, whatever the person they stand in for receives, and a Plt.
/// of a vacant position whatever its holder would. Who supervises whom comes from <see cref="OfficeRules"/>.
/// </summary>
public sealed class AlertDirectory
{
    /// <summary>Who a group of alerts is meant for: these people, and these positions (whose Plt. hears when vacant).</summary>
    /// <summary>An acting official in force today: "Plt." or "Plh." in the named position.</summary>
    private sealed record Acting(AlertPerson Substitute, string Title, string PositionName)
    {
        public string ActingAs => $"{Title} {PositionName}";
    }

    private sealed record Audience(IReadOnlyList<AlertPerson> People, IReadOnlyList<OfficePosition> Positions)
    {
        public Audience Concat(Audience other) => new([.. People, .. other.People], [.. Positions, .. other.Positions]);
    }

    private readonly Dictionary<string, AlertPerson> people;
    private readonly IReadOnlyList<OfficePosition> positions;
    private readonly ILookup<int, AlertPerson> holdersByPosition;
    private readonly Dictionary<string, OfficePosition> positionByPerson;
    private readonly ILookup<string, Acting> substitutesByPrincipal;
    private readonly ILookup<int, Acting> actingForVacancy;

    // A scan asks the same questions for thousands of items of a few proposers: each answer is worked out once per run.
    private readonly Dictionary<(PositionLevel, int, string), IReadOnlyList<string>> doerNames = [];
    private readonly Dictionary<(AlertLevel, PositionLevel, int, string), IReadOnlyList<AlertRecipient>> recipientsFor = [];

    private AlertDirectory(
        Dictionary<string, AlertPerson> people,
        IReadOnlyList<OfficePosition> positions,
        ILookup<int, AlertPerson> holdersByPosition,
        Dictionary<string, OfficePosition> positionByPerson,
        ILookup<string, Acting> substitutesByPrincipal,
        ILookup<int, Acting> actingForVacancy)
    {
        this.people = people;
        this.positions = positions;
        this.holdersByPosition = holdersByPosition;
        this.positionByPerson = positionByPerson;
        this.substitutesByPrincipal = substitutesByPrincipal;
        this.actingForVacancy = actingForVacancy;
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

        var substitutions = (await ActorDirectory.InForce(db, today)
                .Select(s => new { s.SubstituteId, s.PrincipalId, s.PositionId, s.Kind, PositionName = s.Position!.Name })
                .ToListAsync(cancellationToken))
            .Where(s => people.TryGetValue(s.SubstituteId, out var substitute) && substitute.IsActive)
            .ToList();
        var substitutes = substitutions.Where(s => s.PrincipalId is not null)
            .ToLookup(s => s.PrincipalId!, s => new Acting(people[s.SubstituteId], s.Kind + ".", s.PositionName));
        var acting = substitutions.Where(s => s.PrincipalId is null)
            .ToLookup(s => s.PositionId, s => new Acting(people[s.SubstituteId], s.Kind + ".", s.PositionName));

        return new AlertDirectory(people, positions, holders, positionByPerson, substitutes, acting);
    }

    /// <summary>
    /// The names an alert gives as the step's doers: its active holders, and the Plt. of a vacant position
    /// ("Drs. Bambang Sutrisno (Plt.)").
    /// </summary>
    public IReadOnlyList<string> DoerNames(PositionLevel level, int bidangId, string proposerId)
    {
        if (doerNames.TryGetValue((level, bidangId, proposerId), out var known)) return known;
        var doers = Doers(level, bidangId, proposerId);
        return doerNames[(level, bidangId, proposerId)] =
        [
            .. doers.People.Where(p => p.IsActive).Select(p => p.FullName),
            .. doers.Positions.SelectMany(p => actingForVacancy[p.Id]).Select(a => $"{a.Substitute.FullName} ({a.Title})"),
        ];
    }

    /// <summary>Who receives the daily digest of a bidang: the holders of its highest position, or that position's Plt.</summary>
    public IReadOnlyList<AlertRecipient> BidangHeadRecipients(int bidangId) =>
        Expand(Of(OfficeRules.BidangHeads(bidangId, positions)));

    /// <summary>Who receives what the head of the office receives (escalations, the dinas digest), acting officials included.</summary>
    public IReadOnlyList<AlertRecipient> HeadOfOfficeRecipients => Expand(Of(OfficeRules.HeadsOfOffice(positions)));

    /// <summary>
    /// Who hears of a level for a step done at <paramref name="level"/>: the doers when it is soon due; the doers
    /// and the next level up in the item's bidang when it is late; the head of the office on escalation.
    /// </summary>
    public IReadOnlyList<AlertRecipient> RecipientsFor(AlertLevel alert, PositionLevel level, int bidangId, string proposerId)
    {
        if (recipientsFor.TryGetValue((alert, level, bidangId, proposerId), out var known)) return known;
        var doers = Doers(level, bidangId, proposerId);
        return recipientsFor[(alert, level, bidangId, proposerId)] = alert switch
        {
            AlertLevel.DueSoon => Expand(doers),
            AlertLevel.Late => Expand(doers.Concat(Of(OfficeRules.SupervisorsOf(level, bidangId, positions)))),
            AlertLevel.Escalation => HeadOfOfficeRecipients,
            _ => [],
        };
    }

    /// <summary>The people who do a step of this level for this item (active or not: a principal away still has their Plh.).</summary>
    private Audience Doers(PositionLevel level, int bidangId, string proposerId)
    {
        if (people.TryGetValue(proposerId, out var proposer) && positionByPerson.TryGetValue(proposerId, out var own)
            && own.Level == level && (own.BidangId is null || own.BidangId == bidangId))
            return new Audience([proposer], []);
        return Of(positions.Where(p => p.Level == level && (p.BidangId is null || p.BidangId == bidangId)));
    }

    private Audience Of(IEnumerable<OfficePosition> chosen)
    {
        var list = chosen.ToList();
        return new Audience([.. list.SelectMany(p => holdersByPosition[p.Id]).DistinctBy(p => p.Id)], list);
    }

    /// <summary>The people who are active, then the acting officials of any of them, then the Plt. of any vacant position; one entry per person.</summary>
    private List<AlertRecipient> Expand(Audience audience)
    {
        var recipients = new List<AlertRecipient>();
        var seen = new HashSet<string>();
        foreach (var person in audience.People.Where(p => p.IsActive))
        {
            if (seen.Add(person.Id)) recipients.Add(new AlertRecipient(person));
        }
        foreach (var principal in audience.People)
        {
            foreach (var acting in substitutesByPrincipal[principal.Id])
            {
                if (seen.Add(acting.Substitute.Id)) recipients.Add(new AlertRecipient(acting.Substitute, principal.FullName, acting.ActingAs));
            }
        }
        foreach (var position in audience.Positions)
        {
            foreach (var acting in actingForVacancy[position.Id])
            {
                if (seen.Add(acting.Substitute.Id)) recipients.Add(new AlertRecipient(acting.Substitute, ActingAs: acting.ActingAs));
            }
        }
        return recipients;
    }
}
