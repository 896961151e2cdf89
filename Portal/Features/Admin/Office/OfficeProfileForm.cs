using System.Text.RegularExpressions;
using FluentValidation;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Domain;

namespace Portal.Features.Admin.Office;

/// <summary>One weekday on the office profile page: open or not, and its hours.</summary>
public sealed class OfficeDayForm
{
    public required DayOfWeek Day { get; init; }
    public bool Open { get; set; }
    public TimeSpan? Opens { get; set; }
    public TimeSpan? Closes { get; set; }

    /// <summary>"Senin", "Selasa", ...</summary>
    public string Name => IndonesianFormat.Culture.TextInfo.ToTitleCase(IndonesianFormat.Culture.DateTimeFormat.GetDayName(Day));
}

/// <summary>The office profile page's model: names and contacts for the kop surat, the logo, the zone and the working week.</summary>
public sealed class OfficeProfileForm
{
    /// <summary>Monday first, as the office's week is read.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public string PemerintahDaerah { get; set; } = "";
    public string NamaInstansi { get; set; } = "";
    public string? Alamat { get; set; }
    public string? Telepon { get; set; }
    public string? Email { get; set; }
    public string? Situs { get; set; }
    public string TimeZoneId { get; set; } = OfficeZone.Wita.Id;
    public List<OfficeDayForm> Days { get; set; } = [];

    /// <summary>The logo to keep or store (already checked on upload, checked again on save); null for the portal's own.</summary>
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }

    public DateTimeOffset? UpdatedAt { get; private set; }
    public string? UpdatedByName { get; private set; }

    public static OfficeProfileForm From(OfficeSnapshot office) => new()
    {
        PemerintahDaerah = office.PemerintahDaerah,
        NamaInstansi = office.NamaInstansi,
        Alamat = office.Alamat,
        Telepon = office.Telepon,
        Email = office.Email,
        Situs = office.Situs,
        TimeZoneId = office.Zone.Id,
        Days = [.. Week.Select(day => office.Hours.On(day) is { } hours
            ? new OfficeDayForm { Day = day, Open = true, Opens = hours.Opens.ToTimeSpan(), Closes = hours.Closes.ToTimeSpan() }
            : new OfficeDayForm { Day = day, Open = false, Opens = new TimeSpan(7, 30, 0), Closes = new TimeSpan(16, 0, 0) })],
        Logo = office.Logo,
        LogoContentType = office.LogoContentType,
        UpdatedAt = office.UpdatedAt == default ? null : office.UpdatedAt,
        UpdatedByName = office.UpdatedByName,
    };

    /// <summary>The values to store; call only after the form passed <see cref="OfficeProfileFormValidator"/>.</summary>
    public OfficeProfile ToProfile() => new()
    {
        PemerintahDaerah = PemerintahDaerah.Trim(),
        NamaInstansi = NamaInstansi.Trim(),
        Alamat = Blank(Alamat),
        Telepon = Blank(Telepon),
        Email = Blank(Email),
        Situs = Blank(Situs),
        Logo = Logo,
        LogoContentType = Logo is null ? null : LogoContentType,
        TimeZoneId = TimeZoneId,
        HoursJson = OfficeHoursJson.Serialize(new OfficeHours([.. Days.Where(d => d.Open)
            .Select(d => new WorkingDayHours(d.Day, TimeOnly.FromTimeSpan(d.Opens!.Value), TimeOnly.FromTimeSpan(d.Closes!.Value)))])),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed partial class OfficeProfileFormValidator : AbstractValidator<OfficeProfileForm>
{
    public const int MaxNameLength = 150;

    [GeneratedRegex(@"^[0-9+()\-. ]{5,30}$")]
    private static partial Regex Telephone();

    [GeneratedRegex(@"^(https?://)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:[0-9]{1,5})?(/\S*)?$")]
    private static partial Regex WebSite();

    public OfficeProfileFormValidator()
    {
        RuleFor(f => f.PemerintahDaerah).Must(v => v.Trim().Length > 0).WithMessage("Nama pemerintah daerah wajib diisi, mis. Pemerintah Kabupaten Paser.")
            .MaximumLength(MaxNameLength).WithMessage($"Nama pemerintah daerah paling banyak {MaxNameLength} karakter.");
        RuleFor(f => f.NamaInstansi).Must(v => v.Trim().Length > 0).WithMessage("Nama instansi wajib diisi, mis. Dinas Kependudukan dan Pencatatan Sipil.")
            .MaximumLength(MaxNameLength).WithMessage($"Nama instansi paling banyak {MaxNameLength} karakter.");
        RuleFor(f => f.Alamat).MaximumLength(300).WithMessage("Alamat paling banyak 300 karakter.");
        RuleFor(f => f.Telepon).Must(t => string.IsNullOrWhiteSpace(t) || Telephone().IsMatch(t.Trim()))
            .WithMessage("Telepon hanya berisi angka, spasi, +, -, titik dan tanda kurung (5 sampai 30 karakter), mis. (0543) 21234.");
        RuleFor(f => f.Email).EmailAddress().When(f => !string.IsNullOrWhiteSpace(f.Email)).WithMessage("E-mail kantor bukan alamat e-mail yang sah.")
            .MaximumLength(200).WithMessage("E-mail kantor paling banyak 200 karakter.");
        RuleFor(f => f.Situs).Must(s => string.IsNullOrWhiteSpace(s) || (s.Trim().Length <= 200 && WebSite().IsMatch(s.Trim())))
            .WithMessage("Situs harus alamat web, mis. https://disdukcapil.paserkab.go.id (paling banyak 200 karakter).");
        RuleFor(f => f.TimeZoneId).Must(id => OfficeZone.FromId(id) is not null)
            .WithMessage("Pilih zona waktu kantor: WIB, WITA atau WIT.");
        RuleFor(f => f.Days).Must(days => days.Select(d => d.Day).Order().SequenceEqual(OfficeProfileForm.Week.Order()))
            .WithMessage("Jam kerja harus memuat ketujuh hari, Senin sampai Minggu.")
            .Must(days => days.Any(d => d.Open)).WithMessage("Pilih sedikitnya satu hari kerja.");
        RuleForEach(f => f.Days).Custom((day, context) =>
        {
            if (!day.Open) return;
            if (day.Opens is not { } opens || day.Closes is not { } closes)
                context.AddFailure($"Jam buka dan jam tutup hari {day.Name} wajib diisi.");
            else if (opens < TimeSpan.Zero || closes >= TimeSpan.FromDays(1))
                context.AddFailure($"Jam kerja hari {day.Name} harus di antara 00:00 dan 23:59.");
            else if (closes <= opens)
                context.AddFailure($"Jam tutup hari {day.Name} harus sesudah jam bukanya.");
        });
        RuleFor(f => f.Logo).Custom((logo, context) =>
        {
            if (logo is null) return;
            var check = OfficeLogoFile.Check(logo);
            if (!check.Succeeded) context.AddFailure(check.Problem!);
            else if (check.ContentType != context.InstanceToValidate.LogoContentType) context.AddFailure("Jenis berkas logo tidak cocok dengan isinya; unggah logonya lagi.");
        });
    }
}
