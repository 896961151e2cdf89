using Portal.Domain;

namespace Portal.Tests.Domain;

/// <summary>
/// A second SOP of another shape (four pelaksana, a Kepala Seksi among them) run by the same rules as the
/// innovation SOP: nothing in the state machine knows either SOP.
/// </summary>
public sealed class OfficeRulesTests
{
    private const int Dafduk = 2, Pdip = 5;

    private static readonly SopDocument Pengaduan = new(1,
        SopFixture.Sop.Header with { Nomor = "800/012/SOP/DKPS/2024", Judul = "Penanganan Pengaduan" },
        [
            new("Petugas Pelayanan", PositionLevel.Staf),
            new("Kepala Seksi", PositionLevel.KepalaSeksi),
            new("Kepala Bidang", PositionLevel.KepalaBidang),
            new("Kepala Dinas", PositionLevel.KepalaDinas),
        ],
        [
            Step(1, 0, StepKind.Work, new SopDuration(2, DurationUnit.WorkingHours)),
            Step(2, 0, StepKind.Work, new SopDuration(1, DurationUnit.WorkingDays)),
            Step(3, 1, StepKind.Verify, new SopDuration(4, DurationUnit.WorkingHours), returnTo: 2),
            Step(4, 2, StepKind.Work, new SopDuration(1, DurationUnit.WorkingDays)),
            Step(5, 3, StepKind.Approve, new SopDuration(1, DurationUnit.WorkingDays)),
        ]);

    private static readonly WorkflowActor Petugas = Person("petugas", new ActorCapacity(PositionLevel.Staf, Dafduk, PositionName: "Petugas Pelayanan"));
    private static readonly WorkflowActor PetugasPdip = Person("petugas-pdip", new ActorCapacity(PositionLevel.Staf, Pdip));
    private static readonly WorkflowActor Kasi = Person("kasi", new ActorCapacity(PositionLevel.KepalaSeksi, Dafduk, PositionName: "Kepala Seksi Identitas"));
    private static readonly WorkflowActor Kabid = Person("kabid", new ActorCapacity(PositionLevel.KepalaBidang, Dafduk));
    private static readonly WorkflowActor Kadis = Person("kadis", new ActorCapacity(PositionLevel.KepalaDinas, null));

    /// <summary>A petugas who stands in (Plh.) for the Kepala Seksi while keeping their own position.</summary>
    private static readonly WorkflowActor PlhKasi = Person("plh",
        new ActorCapacity(PositionLevel.Staf, Dafduk),
        new ActorCapacity(PositionLevel.KepalaSeksi, Dafduk, "Ir. Kasi Definitif", "Plh.", "Kepala Seksi Identitas"));

    [Fact]
    public void A_full_run_with_a_return_follows_the_columns_levels()
    {
        var state = Running(1);
        foreach (var (actor, action, expected) in new (WorkflowActor, WorkflowAction, int?)[]
        {
            (Petugas, WorkflowAction.Advance(), 2),
            (Petugas, WorkflowAction.Advance(), 3),
            (Kasi, WorkflowAction.Return("Jawaban belum menjawab pokok pengaduan."), 2),
            (Petugas, WorkflowAction.Advance(), 3),
            (Kasi, WorkflowAction.Advance(), 4),
            (Kabid, WorkflowAction.Advance(), 5),
            (Kadis, WorkflowAction.Approve(), null),
        })
        {
            var allowed = Assert.IsType<WorkflowDecision.Allowed>(SopWorkflow.Decide(Pengaduan, state, actor, action));
            Assert.Equal(expected, allowed.TargetStep);
            state = allowed.TargetStep is { } next ? state with { CurrentStep = next } : state with { Status = allowed.NewStatus };
        }
        Assert.Equal(InnovationStatus.Selesai, state.Status);
    }

    [Fact]
    public void The_wrong_position_and_another_bidang_are_refused_with_the_columns_name()
    {
        var wrongLevel = Assert.IsType<WorkflowDecision.Refused>(SopWorkflow.Decide(Pengaduan, Running(3), Kabid, WorkflowAction.Advance()));
        Assert.Equal("Langkah 3 (Langkah 3) adalah tugas Kepala Seksi; Anda tidak dapat menjalankannya.", wrongLevel.Reason);

        var otherBidang = Assert.IsType<WorkflowDecision.Refused>(SopWorkflow.Decide(Pengaduan, Running(1), PetugasPdip, WorkflowAction.Advance()));
        Assert.Equal("Inovasi ini milik bidang lain; hanya Petugas Pelayanan dari bidang inovasi ini yang dapat menjalankan langkah 1.", otherBidang.Reason);
    }

    [Fact]
    public void A_Plh_stands_in_for_the_Kepala_Seksi_and_is_recorded_as_such()
    {
        var allowed = Assert.IsType<WorkflowDecision.Allowed>(SopWorkflow.Decide(Pengaduan, Running(3), PlhKasi, WorkflowAction.Advance()));
        Assert.Equal(("Plh.", "Ir. Kasi Definitif", "Kepala Seksi Identitas"),
            (allowed.ActingAs!.ActingTitle, allowed.ActingAs.OnBehalfOf, allowed.ActingAs.PositionName));
        // In their own position they still do the petugas steps.
        Assert.IsType<WorkflowDecision.Allowed>(SopWorkflow.Decide(Pengaduan, Running(2), PlhKasi, WorkflowAction.Advance()));
    }

    [Fact]
    public void A_Plt_of_a_vacant_position_acts_sees_and_leads_in_it_for_no_principal_but_never_proposes()
    {
        const int Sekretariat = 9;
        var pltKabid = Person("sekretaris",
            new ActorCapacity(PositionLevel.KepalaBidang, Sekretariat, PositionName: "Sekretaris Dinas"),
            new ActorCapacity(PositionLevel.KepalaBidang, Dafduk, null, "Plt.", "Kepala Bidang Dafduk"));
        var pltPetugas = Person("plt-petugas", new ActorCapacity(PositionLevel.Staf, Dafduk, null, "Plt.", "Petugas Pelayanan"));

        var allowed = Assert.IsType<WorkflowDecision.Allowed>(SopWorkflow.Decide(Pengaduan, Running(4), pltKabid, WorkflowAction.Advance()));
        Assert.Equal(("Plt. Kepala Bidang Dafduk", null), (allowed.ActingAs!.ActingAs, allowed.ActingAs.OnBehalfOf));
        Assert.IsType<WorkflowDecision.Refused>(SopWorkflow.Decide(Pengaduan, Running(4) with { BidangId = Pdip }, pltKabid, WorkflowAction.Advance()));
        Assert.True(OfficeRules.MaySee(pltKabid, Dafduk));
        Assert.False(OfficeRules.MaySee(pltKabid, Pdip));
        Assert.False(OfficeRules.MayPropose(Pengaduan, pltPetugas));
        Assert.Null(new ActorCapacity(PositionLevel.Staf, Dafduk, PositionName: "Petugas Pelayanan").ActingAs);
    }

    [Fact]
    public void What_a_Plt_will_do_is_read_from_the_same_rules()
    {
        var kasi = new OfficePosition(2, "Kepala Seksi Identitas", PositionLevel.KepalaSeksi, Dafduk);
        var kadis = new OfficePosition(4, "Kepala Dinas", PositionLevel.KepalaDinas, null);
        OfficePosition[] positions = [new(1, "Petugas Pelayanan", PositionLevel.Staf, Dafduk), kasi, new(3, "Kepala Bidang Dafduk", PositionLevel.KepalaBidang, Dafduk), kadis];
        var sops = new[] { ("Penanganan Pengaduan", Pengaduan) };

        Assert.Equal(
        [
            "Menjalankan langkah SOP jabatan ini untuk Bidang Dafduk: SOP Penanganan Pengaduan langkah 3.",
            "Menerima peringatan \"segera jatuh tempo\" dan \"terlambat\" atas langkah itu.",
            "Melihat inovasi dan pelaksanaan SOP lainnya, beserta dokumennya, untuk Bidang Dafduk.",
            "Menerima peringatan \"terlambat\" atas langkah jabatan di bawahnya untuk Bidang Dafduk.",
            "Membuka laporan dan dasbor pimpinan.",
        ], OfficeRules.ActingDuties(kasi, "Bidang Dafduk", sops, positions));
        Assert.Contains("Menerima eskalasi keterlambatan dan ringkasan harian seluruh kantor, serta dapat menetapkan Plt./Plh.",
            OfficeRules.ActingDuties(kadis, "seluruh kantor", sops, positions));
        // With the Kepala Bidang's position gone, the Kepala Seksi heads the bidang and gets its digest.
        Assert.Contains("Menerima ringkasan harian Bidang Dafduk.", OfficeRules.ActingDuties(kasi, "Bidang Dafduk", sops, [.. positions.Where(p => p.Id != 3)]));
    }

    [Fact]
    public void Who_proposes_sees_and_leads_follows_level_and_scope()
    {
        Assert.Equal(Dafduk, OfficeRules.ProposerBidang(Pengaduan, Petugas));
        Assert.Null(OfficeRules.ProposerBidang(Pengaduan, Kasi));
        Assert.False(OfficeRules.MayPropose(Pengaduan, PlhKasi with { Capacities = [PlhKasi.Capacities[1]] }));
        Assert.True(OfficeRules.IsPelaksanaOf(Pengaduan, Kasi));
        Assert.False(OfficeRules.IsPelaksanaOf(SopFixture.Sop, Kasi));

        Assert.True(OfficeRules.MaySee(Kadis, Pdip));
        Assert.True(OfficeRules.MaySee(Kasi, Dafduk));
        Assert.False(OfficeRules.MaySee(Kasi, Pdip));
        Assert.True(OfficeRules.IsLeadership(Kasi));
        Assert.False(OfficeRules.IsLeadership(Petugas));
        Assert.True(OfficeRules.IsHeadOfOffice(Kadis));
        Assert.False(OfficeRules.IsHeadOfOffice(Kabid));
        Assert.Equal(Dafduk, OfficeRules.DefaultBidang(Kasi));
        Assert.Null(OfficeRules.DefaultBidang(Kadis));
    }

    private static InnovationState Running(int step) => new(step, InnovationStatus.Berjalan, Dafduk);

    private static WorkflowActor Person(string id, params ActorCapacity[] capacities) => new(id, id, capacities);

    private static SopStepDefinition Step(int number, int pelaksana, StepKind kind, SopDuration duration, int? returnTo = null) =>
        new(number, $"Langkah {number}", $"Kegiatan {number}", pelaksana, kind, duration, ["Masukan"], $"Keluaran {number}", returnTo,
            InnovationStage.Inisiatif, false);
}
