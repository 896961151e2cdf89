using System.Reflection;
using Portal.Domain;

namespace Portal.Tests.Domain;

/// <summary>The seeded SOP v1 and the people who act on it, for the pure state machine tests.</summary>
internal static class SopFixture
{
    public const int OwnBidang = 1;
    public const int OtherBidang = 2;
    public const string PrincipalKabid = "Ir. Andi Pratama, M.T.";

    public static string SeedJson()
    {
        using var stream = typeof(SopDocument).Assembly
            .GetManifestResourceStream("Portal.Data.Seed.sop-inovasi-pelayanan.json")
            ?? throw new InvalidOperationException("Seed SOP resource missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static readonly SopDocument Sop = SopJson.Parse(SeedJson(), 1);

    /// <summary>The SOP as /work/shared/sop/README.md states it: who acts, what the step asks, where "tidak sesuai" goes.</summary>
    public static readonly IReadOnlyDictionary<int, (PositionLevel Role, StepKind Kind, int? ReturnTo)> Rules =
        new Dictionary<int, (PositionLevel, StepKind, int?)>
        {
            [1] = (PositionLevel.Staf, StepKind.Work, null),
            [2] = (PositionLevel.Staf, StepKind.Work, null),
            [3] = (PositionLevel.KepalaBidang, StepKind.Verify, 2),
            [4] = (PositionLevel.KepalaDinas, StepKind.Verify, 2),
            [5] = (PositionLevel.KepalaDinas, StepKind.Approve, null),
            [6] = (PositionLevel.Staf, StepKind.Work, null),
            [7] = (PositionLevel.Staf, StepKind.Work, null),
            [8] = (PositionLevel.KepalaBidang, StepKind.Work, null),
            [9] = (PositionLevel.Staf, StepKind.Work, null),
            [10] = (PositionLevel.KepalaDinas, StepKind.Approve, null),
        };

    public const int LastStep = 10;

    public static int? NextStep(int step) => step == LastStep ? null : step + 1;

    public static InnovationState Running(int step, int bidang = OwnBidang) =>
        new(step, InnovationStatus.Berjalan, bidang);

    public static WorkflowActor Actor(ActorKind kind) => kind switch
    {
        ActorKind.PejabatFungsionalOwnBidang => Person("pf-own", "Rina", new ActorCapacity(PositionLevel.Staf, OwnBidang)),
        ActorKind.PejabatFungsionalOtherBidang => Person("pf-other", "Dedi", new ActorCapacity(PositionLevel.Staf, OtherBidang)),
        ActorKind.KepalaBidangOwnBidang => Person("kb-own", "Andi", new ActorCapacity(PositionLevel.KepalaBidang, OwnBidang)),
        ActorKind.KepalaBidangOtherBidang => Person("kb-other", "Sari", new ActorCapacity(PositionLevel.KepalaBidang, OtherBidang)),
        ActorKind.KepalaDinas => Person("kadis", "Rahmawati", new ActorCapacity(PositionLevel.KepalaDinas, null)),
        ActorKind.AdministratorOnly => new WorkflowActor("admin", "Admin", [], IsAdministrator: true),
        ActorKind.KepalaDinasAndAdministrator => new WorkflowActor("kadis-admin", "Rahmawati",
            [new ActorCapacity(PositionLevel.KepalaDinas, null)], IsAdministrator: true),
        ActorKind.Pemantau => Person("pemantau", "Yusuf"),
        // A Kepala Bidang of another bidang who stands in (Plh.) for this bidang's Kepala Bidang.
        ActorKind.PlhKepalaBidang => Person("plh", "Sari",
            new ActorCapacity(PositionLevel.KepalaBidang, OtherBidang),
            new ActorCapacity(PositionLevel.KepalaBidang, OwnBidang, PrincipalKabid, "Plh.")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The SOP role this kind of actor holds for an innovation of <see cref="OwnBidang"/>, if any.</summary>
    public static PositionLevel[] RolesForOwnBidang(ActorKind kind) => kind switch
    {
        ActorKind.PejabatFungsionalOwnBidang => [PositionLevel.Staf],
        ActorKind.KepalaBidangOwnBidang or ActorKind.PlhKepalaBidang => [PositionLevel.KepalaBidang],
        ActorKind.KepalaDinas or ActorKind.KepalaDinasAndAdministrator => [PositionLevel.KepalaDinas],
        _ => [],
    };

    /// <summary>The SOP role this kind of actor holds, but only for another bidang.</summary>
    public static PositionLevel[] RolesForOtherBidangOnly(ActorKind kind) => kind switch
    {
        ActorKind.PejabatFungsionalOtherBidang => [PositionLevel.Staf],
        ActorKind.KepalaBidangOtherBidang => [PositionLevel.KepalaBidang],
        _ => [],
    };

    public static bool IsAdministrator(ActorKind kind) =>
        kind is ActorKind.AdministratorOnly or ActorKind.KepalaDinasAndAdministrator;

    public static bool MayAct(ActorKind kind, int step) => RolesForOwnBidang(kind).Contains(Rules[step].Role);

    private static WorkflowActor Person(string id, string name, params ActorCapacity[] capacities) =>
        new(id, name, capacities);
}

public enum ActorKind
{
    PejabatFungsionalOwnBidang,
    PejabatFungsionalOtherBidang,
    KepalaBidangOwnBidang,
    KepalaBidangOtherBidang,
    KepalaDinas,
    AdministratorOnly,
    KepalaDinasAndAdministrator,
    Pemantau,
    PlhKepalaBidang,
}
