using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Outputs;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Outputs;

public sealed class StepOutputsTests(DemoPortal app) : IClassFixture<DemoPortal>
{
    private StepOutputs Outputs => app.Get<StepOutputs>();

    private async Task<(int Id, string Fungsional)> NewInnovationAsync()
    {
        var fungsional = await app.IdAsync(DemoPeople.FungsionalPdip);
        var created = await app.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Inovasi dengan lampiran"), fungsional);
        return (created.InnovationId!.Value, fungsional);
    }

    private async Task<int> AttachmentCountAsync(int innovationId)
    {
        await using var db = app.CreateDbContext();
        return await db.Attachments.CountAsync(a => a.InnovationId == innovationId);
    }

    private int StoredFileCount() =>
        Directory.Exists(Outputs.Folder) ? Directory.GetFiles(Outputs.Folder, "*.bin", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task An_upload_is_stored_outside_wwwroot_and_downloads_byte_for_byte_with_its_hash()
    {
        var (id, fungsional) = await NewInnovationAsync();
        var bytes = DemoDocument.Pdf("Hasil identifikasi dan kajian", "Bidang PDIP");

        var result = await Outputs.UploadAsync(id, "Hasil kajian (final).pdf", new MemoryStream(bytes), fungsional);

        Assert.True(result.Succeeded, result.Message);
        await using var db = app.CreateDbContext();
        var row = await db.Attachments.SingleAsync(a => a.Id == result.AttachmentId);
        Assert.Equal((1, "application/pdf", (long)bytes.Length), (row.StepNumber, row.ContentType, row.SizeBytes));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), row.Sha256);
        Assert.DoesNotContain("Hasil kajian", row.StoredName);
        Assert.StartsWith(app.DataDirectory, Path.Combine(Outputs.Folder, row.StoredName));
        Assert.Contains(await db.AuditEntries.Where(a => a.InnovationId == id).Select(a => a.Action).ToListAsync(), a => a == AuditActions.OutputUploaded);

        var opened = await Outputs.OpenAsync(row.Id, fungsional);
        await using var content = opened!.Value.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    public static TheoryData<string, byte[], string> BadUploads => new()
    {
        { "kosong.pdf", [], "Berkas kosong" },
        { "program.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04], "Isi berkas tidak sesuai" },
        { "gambar.png", DemoDocument.Pdf("bukan gambar"), "Isi berkas tidak sesuai" },
        { "../../etc/passwd.pdf", DemoDocument.Pdf("x"), "tidak boleh mengandung" },
        { "laporan<script>.pdf", DemoDocument.Pdf("x"), "hanya boleh berisi" },
        { "skrip.exe", [0x4D, 0x5A], "Jenis berkas tidak diterima" },
        { "arsip.docx", Zip("isi.txt"), "Isi berkas tidak sesuai" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_is_refused_with_a_message_and_nothing_is_stored(string fileName, byte[] content, string expected)
    {
        var (id, fungsional) = await NewInnovationAsync();
        var filesBefore = StoredFileCount();

        var result = await Outputs.UploadAsync(id, fileName, new MemoryStream(content), fungsional);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Message);
        Assert.Equal(0, await AttachmentCountAsync(id));
        Assert.Equal(filesBefore, StoredFileCount());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_without_being_kept()
    {
        var (id, fungsional) = await NewInnovationAsync();
        var tooBig = new byte[(int)await Outputs.MaxBytesAsync() + 10];
        "%PDF-"u8.CopyTo(tooBig);

        var result = await Outputs.UploadAsync(id, "besar.pdf", new MemoryStream(tooBig), fungsional);

        Assert.False(result.Succeeded);
        Assert.Contains("terlalu besar", result.Message);
        Assert.Equal(0, await AttachmentCountAsync(id));
        Assert.Empty(Directory.Exists(Path.Combine(Outputs.Folder, "tmp")) ? Directory.GetFiles(Path.Combine(Outputs.Folder, "tmp")) : []);
    }

    [Fact]
    public async Task A_real_docx_and_xlsx_are_accepted()
    {
        var (id, fungsional) = await NewInnovationAsync();
        Assert.True((await Outputs.UploadAsync(id, "konsep.docx", new MemoryStream(Zip("[Content_Types].xml", "word/document.xml")), fungsional)).Succeeded);
        Assert.True((await Outputs.UploadAsync(id, "anggaran.xlsx", new MemoryStream(Zip("[Content_Types].xml", "xl/workbook.xml")), fungsional)).Succeeded);
    }

    [Fact]
    public async Task Someone_who_does_not_do_the_step_cannot_upload_and_another_bidang_cannot_download()
    {
        var (id, fungsional) = await NewInnovationAsync();
        var kabid = await app.IdAsync(DemoPeople.KabidPdip);
        var otherBidang = await app.IdAsync(DemoPeople.FungsionalDafduk);

        var byKabid = await Outputs.UploadAsync(id, "hasil.pdf", new MemoryStream(DemoDocument.Pdf("x")), kabid);
        Assert.False(byKabid.Succeeded);
        Assert.Contains("Pejabat Fungsional", byKabid.Message);

        var uploaded = await Outputs.UploadAsync(id, "hasil.pdf", new MemoryStream(DemoDocument.Pdf("x")), fungsional);
        Assert.Null(await Outputs.OpenAsync(uploaded.AttachmentId!.Value, otherBidang));
        Assert.NotNull(await Outputs.OpenAsync(uploaded.AttachmentId!.Value, kabid));
        Assert.NotNull(await Outputs.OpenAsync(uploaded.AttachmentId!.Value, await app.IdAsync(DemoPeople.KepalaDinas)));
        Assert.Null(await Outputs.OpenAsync(Guid.NewGuid(), fungsional));
    }

    [Fact]
    public async Task A_replaced_file_is_kept_and_marked_superseded()
    {
        var (id, fungsional) = await NewInnovationAsync();
        var first = await Outputs.UploadAsync(id, "kajian v1.pdf", new MemoryStream(DemoDocument.Pdf("v1")), fungsional);
        var second = await Outputs.UploadAsync(id, "kajian v2.pdf", new MemoryStream(DemoDocument.Pdf("v2")), fungsional, replaces: first.AttachmentId);

        Assert.True(second.Succeeded, second.Message);
        await using var db = app.CreateDbContext();
        var old = await db.Attachments.SingleAsync(a => a.Id == first.AttachmentId);
        Assert.Equal(second.AttachmentId, old.SupersededById);
        Assert.NotNull(await Outputs.OpenAsync(old.Id, fungsional));
    }

    [Fact]
    public async Task Outputs_of_a_finished_step_cannot_be_replaced_and_a_file_chosen_for_a_step_that_moved_on_is_refused()
    {
        var (id, fungsional) = await NewInnovationAsync();
        var kajian = await Outputs.UploadAsync(id, "kajian.pdf", new MemoryStream(DemoDocument.Pdf("kajian")), fungsional);
        long stepOneRun;
        await using (var db = app.CreateDbContext())
            stepOneRun = (await db.Attachments.SingleAsync(a => a.Id == kajian.AttachmentId)).StepRunId;
        await using (var db = app.CreateDbContext())
        {
            var version = (await db.Innovations.SingleAsync(i => i.Id == id)).Version;
            var moved = await app.Get<WorkflowService>().MoveAsync(new MoveCommand(id, version, Portal.Domain.WorkflowActionKind.Advance), fungsional);
            Assert.True(moved.Succeeded, moved.Message);
        }

        var replacing = await Outputs.UploadAsync(id, "kajian v2.pdf", new MemoryStream(DemoDocument.Pdf("v2")), fungsional, replaces: kajian.AttachmentId);
        Assert.False(replacing.Succeeded);
        Assert.Contains("langkah yang sudah selesai", replacing.Message);

        var stale = await Outputs.UploadAsync(id, "kajian lagi.pdf", new MemoryStream(DemoDocument.Pdf("x")), fungsional, forRunId: stepOneRun);
        Assert.False(stale.Succeeded);
        Assert.Contains("sudah berpindah langkah", stale.Message);
        await using var check = app.CreateDbContext();
        Assert.Null((await check.Attachments.SingleAsync(a => a.Id == kajian.AttachmentId)).SupersededAt);
        Assert.Equal(1, await AttachmentCountAsync(id));
    }

    [Fact]
    public async Task The_download_endpoint_refuses_anonymous_visitors_and_unknown_ids()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var anonymous = await client.GetAsync($"/lampiran/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }
        return buffer.ToArray();
    }
}
