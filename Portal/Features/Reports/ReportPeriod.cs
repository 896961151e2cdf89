using FluentValidation;
using Portal.Domain;

namespace Portal.Features.Reports;

/// <summary>A reporting period in WITA: one calendar month, or a whole year when <see cref="Month"/> is null.</summary>
public sealed record ReportPeriod(int Year, int? Month = null)
{
    public DateTimeOffset Start => WitaMidnight(new DateTime(Year, Month ?? 1, 1));

    public DateTimeOffset End => WitaMidnight(Month is null ? new DateTime(Year + 1, 1, 1) : new DateTime(Year, Month.Value, 1).AddMonths(1));

    public string Label => Month is { } month ? $"{MonthName(month)} {Year}" : $"Tahun {Year}";

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>The months of this period, for per-month figures.</summary>
    public IReadOnlyList<ReportPeriod> Months => Month is null ? Enumerable.Range(1, 12).Select(m => new ReportPeriod(Year, m)).ToList() : [this];

    public static string MonthName(int month) => WitaFormat.Indonesian.DateTimeFormat.GetMonthName(month);

    private static DateTimeOffset WitaMidnight(DateTime local) => new(local, WorkingCalendar.Wita.GetUtcOffset(local));
}

/// <summary>What a report page or download asks for: a year, optionally a month, a bidang and an SOP (none: the innovation SOP).</summary>
public sealed record ReportRequest(int? Tahun, int? Bulan = null, int? Bidang = null, int? Sop = null)
{
    public ReportPeriod Period => new(Tahun!.Value, Bulan);
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
