using Portal.Domain;
using Portal.Domain.SopImport;

namespace Portal.Tests.Domain.SopImport;

public sealed class SopWaktuTests
{
    public static TheoryData<string, int, DurationUnit> Durations => new()
    {
        { "2 minggu", 10, DurationUnit.WorkingDays },
        { "1 Minggu", 5, DurationUnit.WorkingDays },
        { "2 hari", 2, DurationUnit.WorkingDays },
        { "2 Hari Kerja", 2, DurationUnit.WorkingDays },
        { "2 (dua) hari", 2, DurationUnit.WorkingDays },
        { "3 hari kalender", 3, DurationUnit.CalendarDays },
        { "4 jam", 4, DurationUnit.WorkingHours },
        { "30 menit", 30, DurationUnit.WorkingMinutes },
        { " 15  Menit ", 15, DurationUnit.WorkingMinutes },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void The_waktu_column_reads_as_a_duration(string text, int value, DurationUnit unit)
    {
        var reading = SopWaktu.Read(text);

        Assert.True(reading.Succeeded, reading.Problem);
        Assert.Equal(new SopDuration(value, unit), reading.Duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("—")]
    public void An_empty_waktu_means_no_time_limit(string text)
    {
        var reading = SopWaktu.Read(text);

        Assert.True(reading.Succeeded);
        Assert.Null(reading.Duration);
    }

    [Theory]
    [InlineData("1 bulan")]
    [InlineData("1 x 24 jam")]
    [InlineData("1,5 jam")]
    [InlineData("2 jam kalender")]
    [InlineData("segera")]
    [InlineData("0 hari")]
    public void Anything_else_is_a_problem_in_Indonesian(string text)
    {
        var reading = SopWaktu.Read(text);

        Assert.False(reading.Succeeded);
        Assert.Null(reading.Duration);
        Assert.Contains($"\"{text}\"", reading.Problem);
    }

    [Theory]
    [InlineData(10, DurationUnit.WorkingDays, "2 minggu")]
    [InlineData(2, DurationUnit.WorkingDays, "2 hari")]
    [InlineData(3, DurationUnit.CalendarDays, "3 hari kalender")]
    [InlineData(4, DurationUnit.WorkingHours, "4 jam")]
    [InlineData(30, DurationUnit.WorkingMinutes, "30 menit")]
    public void A_duration_is_written_back_in_words_that_read_the_same(int value, DurationUnit unit, string words)
    {
        var duration = new SopDuration(value, unit);

        Assert.Equal(words, SopWaktu.Text(duration));
        Assert.Equal(duration, SopWaktu.Read(SopWaktu.Text(duration)).Duration);
    }
}
