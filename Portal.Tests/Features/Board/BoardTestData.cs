using Portal.Data;
using Portal.Domain;
using Portal.Features.Innovations;

namespace Portal.Tests.Features.Board;

/// <summary>The real SOP v1 and innovations in chosen states, for rendering board components without a database.</summary>
internal static class BoardTestData
{
    public const int Pdip = 5;
    public const int Dafduk = 2;

    public static readonly SopDocument SopV1 = LoadSop();

    private static SopDocument LoadSop()
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("Portal.Data.Seed.sop-inovasi-pelayanan.json")!;
        using var reader = new StreamReader(stream);
        return SopJson.Parse(reader.ReadToEnd(), 1);
    }

    public static InnovationSummary Item(int id, int step, int bidangId = Pdip, SlaStatus? sla = null, int returns = 0,
        InnovationStatus status = InnovationStatus.Berjalan, int sopDefinitionId = 1, string proposerId = "fungsional-pdip", bool hasOutput = true,
        StepTime timeInStep = default) => new(
        id, $"Inovasi {id}", bidangId, bidangId == Pdip ? "PDIP" : "Dafduk", proposerId, "Rizky Ramadhan, S.Kom.", step, status, returns,
        sopDefinitionId, sopDefinitionId, new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 4, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero), 1,
        sla ?? new SlaStatus(SlaLevel.OnTime, 2, 0), timeInStep, hasOutput, SopId: 1);

    public static WorkflowActor Fungsional(int bidangId = Pdip) =>
        new("fungsional-pdip", "Rizky Ramadhan, S.Kom.", [new ActorCapacity(PositionLevel.Staf, bidangId)]);

    public static WorkflowActor Kabid(int bidangId = Pdip) =>
        new("kabid-pdip", "Nurul Hidayah, S.E., M.M.", [new ActorCapacity(PositionLevel.KepalaBidang, bidangId)]);

    public static WorkflowActor Kadis() =>
        new("kadis", "Hj. Rahmawati Saleh", [new ActorCapacity(PositionLevel.KepalaDinas, null)]);
}
