using Portal.Domain;
using static Portal.Tests.Domain.SopFixture;

namespace Portal.Tests.Domain;

public class SopDefinitionTests
{
    [Fact]
    public void Seed_is_SOP_12_005_as_the_README_reads_it()
    {
        Assert.Equal(1, Sop.Version);
        Assert.Equal("12./005/SOP/DKPS/1/2024", Sop.Header.Nomor);
        Assert.Equal("Inovasi Pelayanan", Sop.Header.Judul);
        Assert.Equal(new DateOnly(2024, 1, 8), Sop.Header.TanggalEfektif);
        Assert.Equal(Rules.Keys, Sop.Steps.Select(s => s.Number));
        Assert.All(Sop.Steps, s => Assert.Equal(Rules[s.Number], (Sop.PelaksanaOf(s).Level, s.Kind, s.ReturnToStep)));
        Assert.Equal(
            ["2 minggu", "2 hari", "—", "2 hari", "—", "1 minggu", "2 hari", "2 hari", "1 hari", "—"],
            Sop.Steps.Select(s => s.Duration.Label()));
        Assert.All(Sop.Steps, s => Assert.Equal(s.Number <= 5 ? InnovationStage.Inisiatif : InnovationStage.UjiCoba, s.Stage));
        Assert.All(Sop.Steps, s => Assert.Equal(s.Kind == StepKind.Work, s.RequiresOutput));
    }

    [Fact]
    public void Seed_has_no_problems()
    {
        Assert.Empty(SopDefinitionRules.Problems(Sop));
    }

    private static IReadOnlyList<string> ProblemsAfter(Func<List<SopStepDefinition>, IEnumerable<SopStepDefinition>> change) =>
        SopDefinitionRules.Problems(Sop with { Steps = change(Sop.Steps.ToList()).ToList() });

    private static SopStepDefinition[] Replace(List<SopStepDefinition> steps, int number, Func<SopStepDefinition, SopStepDefinition> edit) =>
        steps.Select(s => s.Number == number ? edit(s) : s).ToArray();

    [Fact]
    public void Duplicate_step_numbers_are_reported()
    {
        var problems = ProblemsAfter(steps => Replace(steps, 4, s => s with { Number = 3 }));

        Assert.Contains("nomor langkah ganda", problems);
    }

    [Fact]
    public void Steps_out_of_order_are_reported()
    {
        var problems = ProblemsAfter(steps => Enumerable.Reverse(steps));

        Assert.Contains("langkah harus berurutan naik", problems);
    }

    [Fact]
    public void An_SOP_without_steps_is_reported()
    {
        Assert.Contains("SOP tidak memiliki langkah", ProblemsAfter(_ => []));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(0)]
    public void A_return_target_that_is_not_an_earlier_step_is_reported(int target)
    {
        var problems = ProblemsAfter(steps => Replace(steps, 3, s => s with { ReturnToStep = target }));

        Assert.Equal(["langkah 3: tujuan pengembalian harus langkah sebelumnya"], problems);
    }

    [Fact]
    public void A_return_target_missing_from_the_SOP_is_reported()
    {
        var problems = ProblemsAfter(steps => Replace(steps, 4, s => s with { ReturnToStep = 2 }).Where(s => s.Number != 2));

        Assert.Equal(["langkah 3: tujuan pengembalian harus langkah sebelumnya", "langkah 4: tujuan pengembalian harus langkah sebelumnya"], problems);
    }

    [Fact]
    public void A_work_step_with_a_return_target_is_reported()
    {
        var problems = ProblemsAfter(steps => Replace(steps, 8, s => s with { ReturnToStep = 6 }));

        Assert.Equal(["langkah 8: hanya langkah verifikasi atau persetujuan yang dapat mengembalikan"], problems);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void A_duration_that_is_not_positive_is_reported(int value)
    {
        var problems = ProblemsAfter(steps => Replace(steps, 6, s => s with { Duration = new SopDuration(value, DurationUnit.WorkingDays) }));

        Assert.Equal(["langkah 6: waktu harus lebih dari 0"], problems);
    }

    [Fact]
    public void A_step_without_name_or_output_is_reported()
    {
        var problems = ProblemsAfter(steps => Replace(Replace(steps, 1, s => s with { ShortName = " " }).ToList(), 2, s => s with { Output = "" }));

        Assert.Equal(["langkah 1: nama dan output wajib diisi", "langkah 2: nama dan output wajib diisi"], problems);
    }

    [Fact]
    public void Parsing_an_invalid_definition_fails_with_its_problems()
    {
        var json = SeedJson().Replace("\"value\": 10, \"unit\": \"WorkingDays\"", "\"value\": 0, \"unit\": \"WorkingDays\"");
        Assert.NotEqual(SeedJson(), json);

        var error = Assert.Throws<InvalidDataException>(() => SopJson.Parse(json, 2));
        Assert.Contains("langkah 1: waktu harus lebih dari 0", error.Message);
    }

    [Theory]
    [InlineData(10, DurationUnit.WorkingDays, "2 minggu")]
    [InlineData(5, DurationUnit.WorkingDays, "1 minggu")]
    [InlineData(15, DurationUnit.WorkingDays, "3 minggu")]
    [InlineData(2, DurationUnit.WorkingDays, "2 hari")]
    [InlineData(1, DurationUnit.WorkingDays, "1 hari")]
    [InlineData(7, DurationUnit.WorkingDays, "7 hari")]
    [InlineData(3, DurationUnit.CalendarDays, "3 hari kalender")]
    [InlineData(14, DurationUnit.CalendarDays, "14 hari kalender")]
    [InlineData(4, DurationUnit.WorkingHours, "4 jam")]
    [InlineData(1, DurationUnit.WorkingHours, "1 jam")]
    [InlineData(30, DurationUnit.WorkingMinutes, "30 menit")]
    [InlineData(90, DurationUnit.WorkingMinutes, "90 menit")]
    public void Duration_labels_read_like_the_SOP(int value, DurationUnit unit, string label)
    {
        Assert.Equal(label, new SopDuration(value, unit).Label());
    }

    [Fact]
    public void No_duration_is_a_dash()
    {
        Assert.Equal("—", ((SopDuration?)null).Label());
    }
}
