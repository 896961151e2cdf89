using Portal.Features.Admin.SopEditor;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Sop;

public sealed class SopPageTests(SopPageTests.App app) : IClassFixture<SopPageTests.App>
{
    public sealed class App() : PortalAppFactory();

    [Fact]
    public async Task Any_signed_in_person_reads_the_header_the_ten_steps_and_every_version_with_its_changes()
    {
        var administration = app.Get<SopAdministration>();
        var (_, revision) = await administration.StartRevisionAsync(await app.InnovationSopIdAsync());
        revision.Steps.Single(s => s.Number == 3).DurationValue = 1;
        revision.Steps.Single(s => s.Number == 3).HasDuration = true;
        revision.Steps.Single(s => s.Number == 8).Pelaksana = 0;
        revision.ChangeNote = "Verifikasi Kabid diberi batas satu hari kerja.";
        Assert.True((await administration.SaveNewVersionAsync(revision, await app.IdAsync(DemoPeople.Administrator))).Succeeded);
        var client = await app.SignedInClientAsync(DemoPeople.Pemantau);

        var current = await (await client.GetAsync("/sop")).HtmlAsync();
        var first = await (await client.GetAsync("/sop/versi/1")).HtmlAsync();

        foreach (var text in new[]
                 {
                     "Pemerintah Kabupaten Paser", "Kerja Sama dan Inovasi Pelayanan", "12./005/SOP/DKPS/1/2024", "2 Januari 2024", "8 Januari 2024",
                     "DR. H. Ismani Yanuardi, S.Hut., MM", "Peraturan Presiden Nomor 96 Tahun 2018", "Mampu untuk mengolah, menyajikan dan menganalisa data kependudukan",
                     "Tidak terkait dengan SOP yang lain", "Alat-alat yang diperlukan sesuai dengan inovasi", "terhambatnya proses layanan", "Laporan Inovasi Pelayanan",
                 })
            Assert.Contains(text, current);
        for (var step = 1; step <= 10; step++) Assert.Contains($"data-testid=\"sop-row-{step}\"", current);
        Assert.Contains("Melakukan set up inovasi (alur pelayanan, persyaratan, infrastruktur dan petugas)", current);
        Assert.Contains("Bila tidak sesuai, kembali ke langkah 2", current);
        Assert.Contains("Verifikasi Kabid diberi batas satu hari kerja.", current);
        Assert.Contains("Langkah 3 (Verifikasi Kabid): Waktu: — → 1 hari", current);
        Assert.Contains("Langkah 8 (Evaluasi): Pelaksana: Kepala Bidang → Pejabat Fungsional", current);
        Assert.Contains("Versi awal dari dokumen SOP yang disahkan.", current);
        Assert.Contains("Ini versi lama.", first);
        Assert.DoesNotContain("Ini versi lama.", current);
    }
}
