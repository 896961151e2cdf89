using Portal.Domain;
using Portal.Domain.SopImport;

namespace Portal.Tests.Domain.SopImport;

public sealed class SopDraftSuggestionsTests
{
    [Theory]
    [InlineData("Melakukan verifikasi terhadap konsep jawaban, jika tidak sesuai maka dikembalikan", StepKind.Verify)]
    [InlineData("Memverifikasi berkas permohonan, jika tidak sesuai maka dikembalikan untuk dilengkapi", StepKind.Verify)]
    [InlineData("Memeriksa dan memaraf konsep jawaban yang telah diverifikasi", null)]
    [InlineData("Memberikan persetujuan dan menandatangani akta", StepKind.Approve)]
    [InlineData("Menyetujui laporan", StepKind.Approve)]
    [InlineData("Menyerahkan akta yang telah disetujui kepada pemohon", null)]
    [InlineData("Menerima permohonan dan memeriksa kelengkapan berkas", null)]
    [InlineData("Langkah kerja: verifikasi lapangan oleh petugas", StepKind.Work)]
    [InlineData("Menyusun daftar verifikator", null)]
    public void The_kind_of_step_is_suggested_from_its_verbs(string activity, StepKind? kind) =>
        Assert.Equal(kind, SopDraftSuggestions.KindFromWords(activity));
}
