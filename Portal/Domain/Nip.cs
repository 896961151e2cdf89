using System.Globalization;

namespace Portal.Domain;

/// <summary>
/// The civil servant number (NIP): 18 digits, starting with the birth date (yyyyMMdd), with the sex
/// (1 or 2) at the 15th digit. The appointment month is not checked: PPPK numbers put "21" there.
/// </summary>
public static class Nip
{
    public const int Length = 18;

    public static string Normalize(string? nip) => (nip ?? "").Trim();

    /// <summary>Why this is not a NIP, in Indonesian, or null when it is one.</summary>
    public static string? Problem(string? nip)
    {
        var value = Normalize(nip);
        if (value.Length == 0) return "NIP wajib diisi.";
        if (value.Length != Length || !value.All(char.IsAsciiDigit)) return "NIP terdiri dari 18 angka.";
        if (!DateOnly.TryParseExact(value[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return "NIP tidak sah: 8 angka pertama harus tanggal lahir (tahun, bulan, tanggal).";
        if (value[14] is not ('1' or '2')) return "NIP tidak sah: angka ke-15 (jenis kelamin) harus 1 atau 2.";
        return null;
    }
}
