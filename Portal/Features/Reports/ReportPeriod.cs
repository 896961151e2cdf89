using FluentValidation;
using Portal.Domain;

namespace Portal.Features.Reports;

/// <summary>A reporting period in the office's calendar: one month, or a whole year when <see cref="Month"/> is null.</summary>
public sealed record ReportPeriod(int Year, int? Month, OfficeZone Zone)
{
    public DateTimeOffset Start => Midnight(new DateOnly(Year, Month ?? 1, 1));

    public DateTimeOffset End => Midnight(Month is null ? new DateOnly(Year + 1, 1, 1) : new DateOnly(Year, Month.Value, 1).AddMonths(1));

    public string Label => Month is { } month ? $"{MonthName(month)} {Year}" : $"Tahun {Year}";

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>The months of this period, for per-month figures.</summary>
    public IReadOnlyList<ReportPeriod> Months => Month is null ? Enumerable.Range(1, 12).Select(m => new ReportPeriod(Year, m, Zone)).ToList() : [this];

    public static string MonthName(int month) => IndonesianFormat.Culture.DateTimeFormat.GetMonthName(month);

    private DateTimeOffset Midnight(DateOnly date) => Zone.Instant(date, TimeOnly.MinValue);
}

/// <summary>What a report page or download asks for: a year, optionally a month, a bidang and an SOP (none: the innovation SOP).</summary>
public sealed record ReportRequest(int? Tahun, int? Bulan = null, int? Bidang = null, int? Sop = null)
{
    public ReportPeriod PeriodIn(OfficeZone zone) => new(Tahun!.Value, Bulan, zone);
}

public sealed class ReportRequestValidator : AbstractValidator<ReportRequest>
{
    public ReportRequestValidator()
    {
        RuleFor(r => r.Tahun).NotNull().WithMessage("Tahun wajib diisi, misalnya ?tahun=2026.")
            .InclusiveBetween(2020, 2100).WithMessage("Tahun harus antara 2020 dan 2100.");
        RuleFor(r => r.Bulan).InclusiveBetween(1, 12).When(r => r.Bulan is not null).WithMessage("Bulan harus antara 1 dan 12.");
        RuleFor(r => r.Bidang).GreaterThan(0).When(r => r.Bidang is not null).WithMessage("Bidang tidak dikenal.");
        RuleFor(r => r.Sop).GreaterThan(0).When(r => r.Sop is not null).WithMessage("SOP tidak dikenal.");
    }
}
