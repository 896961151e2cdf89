using Portal.Data;

namespace Portal.Features.Office;

/// <summary>How the office's names are put together on the kop surat, in e-mails and on screens.</summary>
public static class OfficeNames
{
    private const string Pemerintah = "Pemerintah ";

    /// <summary>"Pemerintah Kabupaten Paser" → "Kabupaten Paser": the region a letter is signed in.</summary>
    public static string Region(this OfficeSnapshot office) => RegionOf(office.PemerintahDaerah);

    public static string RegionOf(string pemerintahDaerah) =>
        pemerintahDaerah.StartsWith(Pemerintah, StringComparison.OrdinalIgnoreCase)
            ? pemerintahDaerah[Pemerintah.Length..]
            : pemerintahDaerah;

    /// <summary>"Dinas Kependudukan dan Pencatatan Sipil Kabupaten Paser".</summary>
    public static string FullName(this OfficeSnapshot office) => $"{office.NamaInstansi} {office.Region()}";

    /// <summary>Address, telephone, e-mail and web site in one line for the kop surat; null when none is set.</summary>
    public static string? ContactLine(this OfficeSnapshot office)
    {
        var parts = new List<string>();
        if (Blank(office.Alamat) is { } alamat) parts.Add(alamat);
        if (Blank(office.Telepon) is { } telepon) parts.Add($"Telp. {telepon}");
        if (Blank(office.Email) is { } email) parts.Add($"Pos-el {email}");
        if (Blank(office.Situs) is { } situs) parts.Add($"Laman {situs}");
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
