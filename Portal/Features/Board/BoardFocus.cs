using Portal.Domain;

namespace Portal.Features.Board;

public enum BoardFocusKind { Lane, Step }

/// <summary>
/// The part of a board a phone shows instead of the wide grid: one lane (a pelaksana's steps, in SOP order) or one
/// step. <see cref="Key"/> is the lane's index in the SOP's pelaksana list, or a zone (a step number or "selesai").
/// </summary>
public readonly record struct BoardFocus(BoardFocusKind Kind, string Key)
{
    /// <summary>Keys the phone's board apart from the grid, so switching builds it anew (with its own script attachment).</summary>
    public const string PhoneKey = "phone";

    /// <summary>The SOP's lanes: the pelaksana who do at least one step.</summary>
    public static IEnumerable<int> Lanes(SopDocument sop) =>
        Enumerable.Range(0, sop.Pelaksana.Count).Where(lane => sop.Steps.Any(s => s.Pelaksana == lane));

    /// <summary>Finished items sit in the lane of whoever starts them.</summary>
    public static int DoneLane(SopDocument sop) => sop.First.Pelaksana;

    /// <summary>Every zone of the board, in the grid's column order.</summary>
    public static IEnumerable<string> Zones(SopDocument sop) => sop.Steps.Select(s => s.Number.ToString()).Append(SwimlaneBoard.DoneZone);

    /// <summary>The zones this focus shows, in SOP order.</summary>
    public IReadOnlyList<string> ZonesIn(SopDocument sop)
    {
        if (Kind == BoardFocusKind.Step) return [Key];
        var lane = int.Parse(Key);
        var steps = sop.Steps.Where(s => s.Pelaksana == lane).Select(s => s.Number.ToString());
        return (lane == DoneLane(sop) ? steps.Append(SwimlaneBoard.DoneZone) : steps).ToList();
    }

    /// <summary>The lane of this person's own position first (then one they act in), else the first lane.</summary>
    public static BoardFocus LaneFor(SopDocument sop, WorkflowActor? actor)
    {
        var lanes = Lanes(sop).ToList();
        var own = actor?.Capacities.OrderBy(c => c.IsActing ? 1 : 0)
            .Select(c => lanes.Where(lane => sop.Pelaksana[lane].Level == c.Level).Cast<int?>().FirstOrDefault())
            .FirstOrDefault(lane => lane is not null);
        return new(BoardFocusKind.Lane, (own ?? lanes.First()).ToString());
    }

    /// <summary>The same place seen the other way: a lane's first step, or a step's lane.</summary>
    public BoardFocus Switched(SopDocument sop) => Kind == BoardFocusKind.Lane
        ? new(BoardFocusKind.Step, ZonesIn(sop)[0])
        : new(BoardFocusKind.Lane, (Key == SwimlaneBoard.DoneZone ? DoneLane(sop) : sop.Step(int.Parse(Key)).Pelaksana).ToString());

    /// <summary>Whether this focus still names a lane or zone of the SOP (a newer version may have fewer).</summary>
    public bool FitsIn(SopDocument sop) => Kind == BoardFocusKind.Lane
        ? Lanes(sop).Select(l => l.ToString()).Contains(Key)
        : Zones(sop).Contains(Key);

    /// <summary>What the selector offers for this kind, with how many cards each holds (before a cell's cap).</summary>
    public static IReadOnlyList<(string Key, string Label)> Choices(SopDocument sop, BoardFocusKind kind, Func<string, int> cardsIn) =>
        kind == BoardFocusKind.Lane
            ? Lanes(sop).Select(lane => (lane.ToString(),
                $"{sop.Pelaksana[lane].Name} ({new BoardFocus(kind, lane.ToString()).ZonesIn(sop).Sum(cardsIn)})")).ToList()
            : Zones(sop).Select(zone => (zone, $"{ZoneTitle(sop, zone)} ({cardsIn(zone)})")).ToList();

    public static string ZoneTitle(SopDocument sop, string zone) =>
        zone == SwimlaneBoard.DoneZone ? "Selesai" : $"{zone}. {sop.Step(int.Parse(zone)).ShortName}";
}
