using Portal.Data.Entities;
using Portal.Domain;
using Portal.Features.Reports;
using Portal.Tests.Domain;

namespace Portal.Tests.Features.Reports;

/// <summary>
/// A small, hand-checked set of innovations on the 2026 calendar (no holidays fall in September–November 2026),
/// seen on Wednesday 25 November 2026 12:00 WITA. The expected figures in the tests are worked out by hand in
/// the comments below.
/// </summary>
internal static class ReportTestData
{
    public static readonly DateTimeOffset Now = TestCalendar.Wita("2026-11-25 12:00");
    public static readonly WorkingCalendar Calendar = TestCalendar.Create2026();

    public static readonly IReadOnlyList<Bidang> Bidang =
    [
        new() { Id = 1, Name = "Pemanfaatan Data dan Inovasi Pelayanan", ShortName = "PDIP" },
        new() { Id = 2, Name = "Pelayanan Pendaftaran Penduduk", ShortName = "Dafduk" },
        new() { Id = 3, Name = "Pelayanan Pencatatan Sipil", ShortName = "Capil" },
    ];

    private static long nextRunId = 1;

    /// <summary>
    /// A, bidang PDIP, finished Fri 23 Oct. Working days per step 5,1,0,5,0,2,1,1,0,1; only step 4 late
    /// (due Tue 13 Oct 16:00, done Fri 16 Oct: 3 working days late).
    /// </summary>
    public static readonly ReportInnovation A = Innovation(1, "A Layanan selesai", 1, InnovationStatus.Selesai, "2026-10-01 08:00",
        Run(1, "2026-10-01 08:00", "2026-10-08 10:00"),
        Run(2, "2026-10-08 10:00", "2026-10-09 10:00"),
        Run(3, "2026-10-09 10:00", "2026-10-09 14:00", StepOutcome.Sesuai),
        Run(4, "2026-10-09 14:00", "2026-10-16 09:00", StepOutcome.Sesuai),
        Run(5, "2026-10-16 09:00", "2026-10-16 10:00", StepOutcome.Disetujui),
        Run(6, "2026-10-16 10:00", "2026-10-20 10:00"),
        Run(7, "2026-10-20 10:00", "2026-10-21 10:00"),
        Run(8, "2026-10-21 10:00", "2026-10-22 10:00"),
        Run(9, "2026-10-22 10:00", "2026-10-22 15:00"),
        Run(10, "2026-10-22 15:00", "2026-10-23 09:00", StepOutcome.Disetujui)) with { Budget = 15_000_000m };

    /// <summary>B, bidang Dafduk, returned at step 3; step 2 open again since Wed 4 Nov, due Fri 6 Nov: 13 working days late now.</summary>
    public static readonly ReportInnovation B = Innovation(2, "B Dikembalikan", 2, InnovationStatus.Berjalan, "2026-11-02 10:00",
        Run(1, "2026-11-02 10:00", "2026-11-03 10:00"),
        Run(2, "2026-11-03 10:00", "2026-11-04 10:00"),
        Run(3, "2026-11-04 10:00", "2026-11-04 11:00", StepOutcome.TidakSesuai),
        Run(2, "2026-11-04 11:00", null));

    /// <summary>C, bidang PDIP, step 1 open since Mon 23 Nov, due 7 Dec: on time.</summary>
    public static readonly ReportInnovation C = Innovation(3, "C Baru mulai", 1, InnovationStatus.Berjalan, "2026-11-23 09:00",
        Run(1, "2026-11-23 09:00", null));

    /// <summary>D, bidang Capil, cancelled at step 6 on 15 Sep; its earlier steps were on time, one working day each for 1, 2 and 4.</summary>
    public static readonly ReportInnovation D = Innovation(4, "D Dibatalkan", 3, InnovationStatus.Dibatalkan, "2026-09-01 09:00",
        Run(1, "2026-09-01 09:00", "2026-09-02 09:00"),
        Run(2, "2026-09-02 09:00", "2026-09-03 09:00"),
        Run(3, "2026-09-03 09:00", "2026-09-03 10:00", StepOutcome.Sesuai),
        Run(4, "2026-09-03 10:00", "2026-09-04 10:00", StepOutcome.Sesuai),
        Run(5, "2026-09-04 10:00", "2026-09-04 11:00", StepOutcome.Disetujui),
        Run(6, "2026-09-04 11:00", "2026-09-15 09:00", StepOutcome.Dibatalkan));

    /// <summary>
    /// F, bidang PDIP, at step 7 since Tue 24 Nov (due Thu 26 Nov: due soon, not late). Working days 5,1,0,3,0,7;
    /// step 4 was 1 working day late, step 6 two.
    /// </summary>
    public static readonly ReportInnovation F = Innovation(6, "F Uji coba", 1, InnovationStatus.Berjalan, "2026-11-02 08:00",
        Run(1, "2026-11-02 08:00", "2026-11-09 08:00"),
        Run(2, "2026-11-09 08:00", "2026-11-10 08:00"),
        Run(3, "2026-11-10 08:00", "2026-11-10 09:00", StepOutcome.Sesuai),
        Run(4, "2026-11-10 09:00", "2026-11-13 09:00", StepOutcome.Sesuai),
        Run(5, "2026-11-13 09:00", "2026-11-13 10:00", StepOutcome.Disetujui),
        Run(6, "2026-11-13 10:00", "2026-11-24 10:00"),
        Run(7, "2026-11-24 10:00", null));

    /// <summary>E finished in 2025: never active in 2026.</summary>
    public static readonly ReportInnovation E = Innovation(5, "E Tahun lalu", 2, InnovationStatus.Selesai, "2025-06-02 09:00",
        Run(1, "2025-06-02 09:00", "2025-06-03 09:00"),
        Run(10, "2025-06-03 09:00", "2025-06-30 09:00", StepOutcome.Disetujui));

    public static readonly IReadOnlyList<ReportInnovation> All = [A, B, C, D, E, F];

    /// <summary>The snapshot the loader would give: the innovations active in the period, of one bidang when asked.</summary>
    public static ReportSnapshot Snapshot(ReportPeriod period, int? bidangId = null, DateTimeOffset? now = null) =>
        new(period, bidangId,
            All.Where(i => i.ActiveIn(period) && (bidangId is null || i.BidangId == bidangId)).ToList(),
            new Dictionary<int, SopDocument> { [1] = SopFixture.Sop },
            SopFixture.Sop, Bidang, Calendar, DueSoonWorkingDays: 1, now ?? Now);

    private static ReportInnovation Innovation(int id, string title, int bidangId, InnovationStatus status, string created, params ReportRun[] runs) =>
        new(id, title, $"Ringkasan {title}", $"Latar {title}", $"Tujuan {title}", $"Manfaat {title}",
            InnovationType.Digital, GovernmentAffair.PelayananPublik, null, DateOnly.FromDateTime(TestCalendar.Wita(created).DateTime),
            bidangId, Bidang.Single(b => b.Id == bidangId).Name, $"Pengusul {id}", $"19900101201501100{id}", 1, status,
            TestCalendar.Wita(created), runs);

    private static ReportRun Run(int step, string started, string? finished, StepOutcome outcome = StepOutcome.Selesai)
    {
        var startedAt = TestCalendar.Wita(started);
        var duration = SopFixture.Sop.Step(step).Duration;
        return new ReportRun(nextRunId++, step, startedAt, duration is null ? null : Calendar.DueAt(startedAt, duration),
            finished is null ? null : TestCalendar.Wita(finished), finished is null ? null : outcome, duration);
    }
}
