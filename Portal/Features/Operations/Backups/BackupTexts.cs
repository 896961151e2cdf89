namespace Portal.Features.Operations.Backups;

/// <summary>What backups and restores say to people, in one place.</summary>
public static class BackupTexts
{
    public const string FailedAlertKey = "backup-failed";
    public const string MissingAlertKey = "backup-missing";

    public const string DatabaseMissing = "Berkas basis data portal.db tidak ada di cadangan.";
    public const string NotADatabase = "Berkas portal.db di cadangan bukan basis data SQLite (rusak atau berkas lain).";

    public static string IntegrityFailed(string detail) => $"Pemeriksaan keutuhan basis data gagal ({detail}).";

    public static string CountsDiffer(IEnumerable<string> differences) =>
        $"Jumlah baris salinan berbeda dari sumbernya: {string.Join("; ", differences)}.";

    public static string AttachmentMissing(string storedName) => $"Lampiran {storedName} tidak ada di folder data.";

    public static string AttachmentChanged(string storedName) => $"Isi lampiran {storedName} tidak sama dengan SHA-256 yang tercatat.";

    public static string FolderWord(BackupReason reason) => reason switch
    {
        BackupReason.Scheduled => "terjadwal",
        BackupReason.Manual => "manual",
        BackupReason.BeforeUpgrade => "sebelum-pembaruan",
        _ => "cadangan",
    };

    public static string ReasonName(BackupReason reason) => reason switch
    {
        BackupReason.Scheduled => "Terjadwal",
        BackupReason.Manual => "Manual",
        BackupReason.BeforeUpgrade => "Sebelum pembaruan",
        _ => reason.ToString(),
    };

    public static string Size(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => (bytes / 1024d / 1024 / 1024).ToString("N1", Domain.IndonesianFormat.Culture) + " GB",
        >= 1024L * 1024 => (bytes / 1024d / 1024).ToString("N1", Domain.IndonesianFormat.Culture) + " MB",
        >= 1024 => (bytes / 1024d).ToString("N0", Domain.IndonesianFormat.Culture) + " KB",
        _ => $"{bytes} B",
    };

    public const string FailedTitle = "Pencadangan gagal";

    /// <summary>The reason a backup could not be written, without the server's paths.</summary>
    public static string FailureMessage(Exception exception)
    {
        if (Data.PortalDatabase.PostgreSqlFailure(exception) is not null)
            return "Pencadangan gagal: server basis data PostgreSQL tidak dapat dihubungi atau menolak penyalinan. Lihat log server.";
        return exception switch
        {
            UnauthorizedAccessException => "Pencadangan gagal: portal tidak boleh menulis ke folder cadangan. Periksa izin folder cadangan (Backups:Folder).",
            DirectoryNotFoundException => "Pencadangan gagal: folder cadangan tidak ditemukan. Periksa apakah folder jaringan terpasang (Backups:Folder).",
            IOException => "Pencadangan gagal: folder cadangan tidak dapat ditulis (penuh atau tidak tersedia). Periksa folder cadangan (Backups:Folder).",
            Microsoft.Data.Sqlite.SqliteException or Data.DatabaseCopyRefusedException => "Pencadangan gagal: basis data tidak dapat disalin. Lihat log server.",
            _ => "Pencadangan gagal karena kesalahan tak terduga. Lihat log server.",
        };
    }

    public static string VerificationFailedMessage(string? problem) =>
        $"Cadangan dibuat tetapi tidak lolos pemeriksaan: {problem}";

    public const string MissingTitle = "Tidak ada cadangan terbaru";

    public static string MissingMessage(TimeSpan maxAge) =>
        $"Tidak ada cadangan yang terverifikasi dalam {maxAge.TotalHours:0} jam terakhir. Buka halaman Cadangan lalu tekan \"Cadangkan sekarang\", atau periksa folder cadangan.";
}
