namespace Portal.Domain;

/// <summary>
/// The rungs of an office's structure, lowest first. An SOP's pelaksana column binds to one; a
/// position (jabatan) has one. The words a person sees are the column's and the position's own names.
/// </summary>
public enum PositionLevel { Staf, KepalaSeksi, KepalaBidang, KepalaDinas }

/// <summary>One pelaksana column of an SOP table, bound to the level of position that does its steps.</summary>
public sealed record SopPelaksana(string Name, PositionLevel Level);

/// <summary>A position of the office as the rules need it: its level and scope (a bidang, or null for the whole office).</summary>
public sealed record OfficePosition(int Id, string Name, PositionLevel Level, int? BidangId);

/// <summary>
/// The one place that decides who acts, who sees and who supervises, from the office's positions and
/// the SOP's pelaksana columns. Nothing else compares levels or scopes.
/// </summary>
public static class OfficeRules
{
    public static string Name(this PositionLevel level) => level switch
    {
        PositionLevel.Staf => "Staf / pejabat fungsional",
        PositionLevel.KepalaSeksi => "Kepala seksi / subbagian",
        PositionLevel.KepalaBidang => "Kepala bidang / sekretaris",
        PositionLevel.KepalaDinas => "Kepala dinas (pimpinan kantor)",
        _ => level.ToString(),
    };

    /// <summary>Whether a capacity covers an item of this bidang: its own bidang, or the whole office.</summary>
    public static bool Covers(this ActorCapacity capacity, int bidangId) => capacity.BidangId is null || capacity.BidangId == bidangId;

    /// <summary>The capacity in which the actor may act on this step of this item, own position first, then Plt./Plh.</summary>
    public static ActorCapacity? CapacityFor(SopDocument sop, SopStepDefinition step, InnovationState state, WorkflowActor actor)
    {
        var column = sop.PelaksanaOf(step);
        return actor.Capacities
            .Where(c => c.Level == column.Level && c.Covers(state.BidangId))
            .OrderBy(c => c.IsActing ? 1 : 0)
            .FirstOrDefault();
    }

    /// <summary>Whether the actor holds the column's level but only for other bidang (for the refusal's wording).</summary>
    public static bool HoldsLevelElsewhere(SopDocument sop, SopStepDefinition step, InnovationState state, WorkflowActor actor) =>
        actor.Capacities.Any(c => c.Level == sop.PelaksanaOf(step).Level && !c.Covers(state.BidangId));

    /// <summary>Whether the actor does any step of this SOP (the board switcher and "Menunggu saya" use it).</summary>
    public static bool IsPelaksanaOf(SopDocument sop, WorkflowActor actor) =>
        actor.Capacities.Any(c => sop.Pelaksana.Any(p => p.Level == c.Level));

    /// <summary>Who may create an item of this SOP: whoever holds (not as Plt./Plh.) the first step's level in a bidang.</summary>
    public static bool MayPropose(SopDocument sop, WorkflowActor actor) => ProposerBidang(sop, actor) is not null;

    /// <summary>The bidang a new item of this SOP belongs to when this actor proposes it; null when they may not.</summary>
    public static int? ProposerBidang(SopDocument sop, WorkflowActor actor) =>
        actor.Capacities.FirstOrDefault(c => c.Level == sop.PelaksanaOf(sop.First).Level && !c.IsActing && c.BidangId is not null)?.BidangId;

    /// <summary>Who may see an item and its documents: the office-wide positions, that bidang's people, administrators.</summary>
    public static bool MaySee(WorkflowActor actor, int bidangId) =>
        actor.IsAdministrator || actor.Capacities.Any(c => c.Covers(bidangId));

    /// <summary>The leadership views (reports, dashboard): any position above the lowest level, and administrators.</summary>
    public static bool IsLeadership(WorkflowActor? actor) =>
        actor is not null && (actor.IsAdministrator || actor.Capacities.Any(c => c.Level > PositionLevel.Staf));

    /// <summary>The head of the office: the highest level, office-wide. Manages Plt./Plh. and receives escalations.</summary>
    public static bool IsHeadOfOffice(WorkflowActor? actor) =>
        actor is not null && actor.Capacities.Any(c => c.Level == PositionLevel.KepalaDinas && c.BidangId is null);

    /// <summary>A bidang's leader starts reports on their own bidang; office-wide leaders and administrators on all of them.</summary>
    public static int? DefaultBidang(WorkflowActor actor) =>
        actor.IsAdministrator || actor.Capacities.Any(c => c.BidangId is null)
            ? null
            : actor.Capacities.Where(c => c.Level > PositionLevel.Staf).Select(c => c.BidangId).FirstOrDefault();

    /// <summary>
    /// The positions that supervise a step done at <paramref name="level"/> for an item of <paramref name="bidangId"/>:
    /// those of the next level up that has a position covering that bidang (e.g. a Kepala Seksi over staff where
    /// the bidang has seksi, else the Kepala Bidang), never the level itself. Empty at the top.
    /// </summary>
    public static IReadOnlyList<OfficePosition> SupervisorsOf(PositionLevel level, int bidangId, IEnumerable<OfficePosition> positions)
    {
        var covering = positions.Where(p => p.Level > level && (p.BidangId is null || p.BidangId == bidangId)).ToList();
        if (covering.Count == 0) return [];
        var next = covering.Min(p => p.Level);
        return [.. covering.Where(p => p.Level == next)];
    }

    /// <summary>The head of the office's positions: the highest level with office-wide scope.</summary>
    public static IReadOnlyList<OfficePosition> HeadsOfOffice(IEnumerable<OfficePosition> positions) =>
        [.. positions.Where(p => p.Level == PositionLevel.KepalaDinas && p.BidangId is null)];

    /// <summary>The head of a bidang (who receives its daily digest): the highest positions scoped to that bidang.</summary>
    public static IReadOnlyList<OfficePosition> BidangHeads(int bidangId, IEnumerable<OfficePosition> positions)
    {
        var own = positions.Where(p => p.BidangId == bidangId).ToList();
        return own.Count == 0 ? [] : [.. own.Where(p => p.Level == own.Max(o => o.Level))];
    }

    /// <summary>
    /// What an acting official in <paramref name="position"/> does under the rules above, in the words the page that
    /// appoints them shows: the SOP steps of its level, what they see, the alerts and digests they receive.
    /// </summary>
    /// <param name="scope">The position's scope in words, e.g. "Bidang Pelayanan Pencatatan Sipil" or "seluruh kantor".</param>
    /// <param name="sops">The office's SOPs (title and current version).</param>
    public static IReadOnlyList<string> ActingDuties(OfficePosition position, string scope, IEnumerable<(string Title, SopDocument Sop)> sops,
        IReadOnlyList<OfficePosition> positions)
    {
        var steps = sops
            .Select(s => (s.Title, Numbers: s.Sop.Steps.Where(step => s.Sop.PelaksanaOf(step).Level == position.Level).Select(step => step.Number).ToList()))
            .Where(s => s.Numbers.Count > 0)
            .Select(s => $"SOP {s.Title} langkah {string.Join(", ", s.Numbers)}")
            .ToList();
        var bidangIds = position.BidangId is { } own ? [own] : positions.Select(p => p.BidangId).OfType<int>().Distinct().ToList();
        var supervises = bidangIds.Any(b => Enum.GetValues<PositionLevel>().Any(level => level < position.Level && SupervisorsOf(level, b, positions).Contains(position)));
        var heads = HeadsOfOffice(positions).Contains(position);

        var duties = new List<string>();
        if (steps.Count == 0)
        {
            duties.Add($"Belum ada langkah SOP yang dijalankan jabatan setingkat {position.Level.Name().ToLowerInvariant()}.");
        }
        else
        {
            duties.Add($"Menjalankan langkah SOP jabatan ini untuk {scope}: {string.Join("; ", steps)}.");
            duties.Add("Menerima peringatan \"segera jatuh tempo\" dan \"terlambat\" atas langkah itu.");
        }
        duties.Add($"Melihat inovasi dan pelaksanaan SOP lainnya, beserta dokumennya, untuk {scope}.");
        if (supervises) duties.Add($"Menerima peringatan \"terlambat\" atas langkah jabatan di bawahnya untuk {scope}.");
        if (heads) duties.Add("Menerima eskalasi keterlambatan dan ringkasan harian seluruh kantor, serta dapat menetapkan Plt./Plh.");
        else if (position.BidangId is { } bidang && BidangHeads(bidang, positions).Contains(position)) duties.Add($"Menerima ringkasan harian {scope}.");
        if (position.Level > PositionLevel.Staf) duties.Add("Membuka laporan dan dasbor pimpinan.");
        return duties;
    }
}
