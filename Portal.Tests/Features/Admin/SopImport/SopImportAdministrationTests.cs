using Microsoft.EntityFrameworkCore;
using Portal.Features.Admin.SopImport;
using Portal.Tests.Domain.SopImport;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin.SopImport;

/// <summary>Reading an SOP for the preview: administrators only, and nothing is written anywhere.</summary>
public sealed class SopImportAdministrationTests(DemoPortal app) : IClassFixture<DemoPortal>
{
    private SopImportAdministration Administration => app.Get<SopImportAdministration>();

    [Fact]
    public async Task An_administrator_reads_pasted_text_and_uploads_and_nothing_is_stored()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var before = await StoredStateAsync();

        var pasted = await Administration.ReadTextAsync(SignedSop.Text, admin);
        using var word = new MemoryStream(SopFormFiles.FromText(SignedSop.Text).Docx());
        var uploaded = await Administration.ReadFileAsync(word, word.Length, admin);

        Assert.Null(pasted.Refusal);
        Assert.Null(uploaded.Refusal);
        Assert.Equal(10, pasted.Draft!.Steps.Count);
        Assert.Equal(SopFormFiles.Shape(pasted.Draft), SopFormFiles.Shape(uploaded.Draft!));
        Assert.Equal(before, await StoredStateAsync());
    }

    [Theory]
    [InlineData(DemoPeople.KepalaDinas)]
    [InlineData(DemoPeople.FungsionalPdip)]
    [InlineData(DemoPeople.Pemantau)]
    public async Task Only_an_administrator_may_read_an_SOP_for_import(string nip)
    {
        var person = await app.IdAsync(nip);
        using var word = new MemoryStream(SopFormFiles.FromText(SignedSop.Text).Docx());

        Assert.Equal("Anda tidak berwenang melakukan tindakan ini.", (await Administration.ReadTextAsync(SignedSop.Text, person)).Refusal);
        Assert.Equal("Anda tidak berwenang melakukan tindakan ini.", (await Administration.ReadFileAsync(word, word.Length, person)).Refusal);
        Assert.Equal(0, word.Position);
    }

    [Fact]
    public async Task Too_long_a_paste_and_too_large_a_file_are_refused_in_Indonesian()
    {
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var longText = SignedSop.Text + new string(' ', SopImportAdministration.MaxPastedLength);
        using var declaredLarge = new MemoryStream([0x50, 0x4B, 0x03, 0x04]);

        Assert.StartsWith("Teks terlalu panjang", (await Administration.ReadTextAsync(longText, admin)).Refusal);
        Assert.Equal("Tempel tabel SOP lebih dahulu.", (await Administration.ReadTextAsync("  ", admin)).Refusal);
        Assert.Equal($"Berkas terlalu besar; paling besar {SopUpload.MaxSizeText}.",
            (await Administration.ReadFileAsync(declaredLarge, SopUpload.MaxBytes + 1, admin)).Refusal);
    }

    /// <summary>The SOPs, their versions and every file in the data folder (an upload must leave none behind).</summary>
    private async Task<string> StoredStateAsync()
    {
        await using var db = app.CreateDbContext();
        var sops = await db.Sops.CountAsync();
        var versions = await db.SopDefinitions.CountAsync();
        var audit = await db.AuditEntries.CountAsync();
        var files = Directory.EnumerateFiles(app.DataDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal) && !f.Contains("logs"))
            .Order();
        return $"{sops} SOP, {versions} versions, {audit} audit rows; files: {string.Join(", ", files.Select(Path.GetFileName))}";
    }
}
