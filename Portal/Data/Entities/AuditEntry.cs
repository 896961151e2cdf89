namespace Portal.Data.Entities;

/// <summary>Append-only history: who did what, when, from which step to which, and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? OnBehalfOf { get; set; }
    public required string Action { get; set; }
    public int? InnovationId { get; set; }
    public int? FromStep { get; set; }
    public int? ToStep { get; set; }
    public string? FromStatus { get; set; }
    public string? ToStatus { get; set; }
    public string? Reason { get; set; }
    public string? Detail { get; set; }
}

/// <summary>The audit action names, kept in one place so filters and screens agree.</summary>
public static class AuditActions
{
    public const string InnovationCreated = "Inovasi dibuat";
    public const string StepAdvanced = "Langkah dilanjutkan";
    public const string StepVerified = "Diverifikasi sesuai";
    public const string StepReturned = "Dikembalikan untuk perbaikan";
    public const string StepApproved = "Disetujui";
    public const string InnovationCancelled = "Inovasi dibatalkan";
    public const string SignIn = "Masuk";
    public const string SignInFailed = "Gagal masuk";
    public const string LockedOut = "Akun terkunci";
    public const string RoleChanged = "Peran diubah";
    public const string UserCreated = "Akun dibuat";
    public const string UserChanged = "Akun diubah";
    public const string UserDeactivated = "Akun dinonaktifkan";
    public const string UserReactivated = "Akun diaktifkan kembali";
    public const string UserUnlocked = "Kunci akun dibuka";
    public const string PasswordReset = "Kata sandi diatur ulang";
    public const string PasswordChanged = "Kata sandi diganti";
    public const string FirstAdministrator = "Administrator pertama dibuat";
    public const string Substitution = "Plt./Plh. ditetapkan";
    public const string SubstitutionRevoked = "Plt./Plh. dicabut";
    public const string BidangChanged = "Bidang diubah";
    public const string SopChanged = "SOP diubah";
    public const string SopImported = "SOP diimpor";
    public const string HolidaysChanged = "Hari libur diubah";
    public const string DueDateRecomputed = "Tenggat dihitung ulang";
    public const string SettingsChanged = "Pengaturan diubah";
    public const string OfficeProfileChanged = "Profil kantor diubah";
    public const string PositionChanged = "Jabatan diubah";
    public const string OutputUploaded = "Lampiran diunggah";
    public const string DetailsChanged = "Data inovasi diubah";
}
