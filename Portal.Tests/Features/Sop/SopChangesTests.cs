using Portal.Domain;
using Portal.Features.Sop;

namespace Portal.Tests.Features.Sop;

public sealed class SopChangesTests
{
    private static readonly SopPelaksana[] Columns =
        [new("Pejabat Fungsional", PositionLevel.Staf), new("Kepala Bidang", PositionLevel.KepalaBidang), new("Kepala Dinas", PositionLevel.KepalaDinas)];

    private static SopDocument Version1 => new(1, Header, Columns, [Step(1, PositionLevel.Staf, 2, null), Step(2, PositionLevel.KepalaBidang, null, 1, StepKind.Verify)]);

    [Fact]
    public void Identical_versions_have_no_changes()
    {
        Assert.Empty(SopChanges.Compare(Version1, Version1 with { Version = 2 }));
    }

    [Fact]
    public void Role_time_return_target_and_required_output_are_each_described_per_step()
    {
        var version2 = Version1 with
        {
            Version = 2,
            Steps =
            [
                Step(1, PositionLevel.Staf, 5, null) with { Duration = new SopDuration(3, DurationUnit.CalendarDays) },
                Step(2, PositionLevel.KepalaDinas, 10, null, StepKind.Verify) with { RequiresOutput = true },
            ],
        };

        var changes = SopChanges.Compare(Version1, version2);

        Assert.Equal(2, changes.Count);
        Assert.Equal(["Waktu: 2 hari → 3 hari kalender"], changes[0].Changes);
        Assert.Equal(
            ["Pelaksana: Kepala Bidang → Kepala Dinas", "Waktu: — → 2 minggu", "Bila tidak sesuai: kembali ke langkah 1 → —", "Output wajib diunggah: tidak → ya"],
            changes[1].Changes);
        Assert.Equal("langkah 1 (Langkah 1): Waktu: 2 hari → 3 hari kalender; langkah 2 (Langkah 2): Pelaksana: Kepala Bidang → Kepala Dinas, "
            + "Waktu: — → 2 minggu, Bila tidak sesuai: kembali ke langkah 1 → —, Output wajib diunggah: tidak → ya", SopChanges.Describe(changes));
    }

    private static SopStepDefinition Step(int number, PositionLevel level, int? days, int? returnTo, StepKind kind = StepKind.Work) => new(
        number, $"Langkah {number}", $"Kegiatan {number}", Array.FindIndex(Columns, c => c.Level == level), kind,
        days is { } d ? new SopDuration(d, DurationUnit.WorkingDays) : null, ["Masukan"], "Keluaran", returnTo, InnovationStage.Inisiatif, false);

    private static readonly SopHeader Header = new(
        "Pemerintah Kabupaten Paser", "Disdukcapil", "Kerja Sama dan Inovasi Pelayanan", "12./005/SOP/DKPS/1/2024", "Inovasi Pelayanan",
        new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 8), "Kepala Dinas", "Nama", null,
        [], [], [], [], [], []);
}
