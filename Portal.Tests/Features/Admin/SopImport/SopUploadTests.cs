using System.IO.Compression;
using System.Text;
using Portal.Domain.SopImport;
using Portal.Features.Admin.SopImport;
using Portal.Tests.Domain.SopImport;

namespace Portal.Tests.Features.Admin.SopImport;

/// <summary>The same SOP table uploaded as .docx or .xlsx reads as it does pasted; anything else is refused in words.</summary>
public sealed class SopUploadTests
{
    private static SopDraft Upload(byte[] content)
    {
        var reading = SopUpload.Read(content);
        Assert.True(reading.Refusal is null, reading.Refusal);
        return SopFormParser.Parse(reading.Grid!);
    }

    [Fact]
    public void The_signed_SOP_as_a_Word_document_reads_as_the_pasted_text()
    {
        var pasted = SopFormParser.Parse(SignedSop.Text);

        var word = Upload(SopFormFiles.FromText(SignedSop.Text).Docx());

        Assert.Equal(10, word.Steps.Count);
        Assert.Equal(SopFormFiles.Shape(pasted), SopFormFiles.Shape(word));
    }

    [Fact]
    public void The_signed_SOP_as_an_Excel_workbook_reads_as_the_pasted_text()
    {
        var pasted = SopFormParser.Parse(SignedSop.Text);

        var workbook = Upload(SopFormFiles.FromText(SignedSop.Text).Xlsx());

        Assert.Equal(10, workbook.Steps.Count);
        Assert.Equal(SopFormFiles.Shape(pasted), SopFormFiles.Shape(workbook));
    }

    [Fact]
    public void A_marked_table_reads_the_same_from_Word_Excel_and_pasted_text()
    {
        var sop = SyntheticSop.FourPelaksana();
        var pasted = SopFormParser.Parse(sop.Text());
        Assert.Empty(SopDraftProblems.List(pasted));

        Assert.Equal(SopFormFiles.Shape(pasted), SopFormFiles.Shape(Upload(SopFormFiles.From(sop).Docx())));
        Assert.Equal(SopFormFiles.Shape(pasted), SopFormFiles.Shape(Upload(SopFormFiles.From(sop).Xlsx())));
    }

    [Fact]
    public void A_drawing_in_a_pelaksana_cell_suggests_that_column_but_does_not_decide_it()
    {
        // Table row 3 is step 2; column 4 is the Kepala Seksi's (NO, KEGIATAN, then four pelaksana).
        var files = SopFormFiles.From(SyntheticSop.FourPelaksana(marked: false));

        foreach (var content in new[] { files.Docx(drawingAt: (3, 4)), files.Xlsx(drawingAt: (3, 4)) })
        {
            var step = Upload(content).Steps[1];
            Assert.Equal([2], step.DrawnColumns);
            Assert.Equal(2, step.PelaksanaColumn);
            Assert.Equal(PelaksanaDecision.Suggested, step.Decision);
        }
    }

    public static TheoryData<string, byte[], string> Refusals => new()
    {
        { "empty", [], "Berkas kosong." },
        { "a PDF", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj"), SopUpload.NotAnSopFile },
        { "pasted text saved as .docx", Encoding.UTF8.GetBytes(SyntheticSop.FourPelaksana().Text()), SopUpload.NotAnSopFile },
        { "an old .doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "dokumen Word/Excel lama (.doc/.xls)" },
        { "a zip of something else", Zip(("gambar/foto.txt", "bukan SOP"), ("[Content_Types].xml", "<Types/>")), SopUpload.NotAnSopFile },
        { "a broken package", [.. Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document"))], "Berkas rusak" },
        { "a cut-off file", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8], "Berkas rusak" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_file_that_is_not_an_SOP_form_is_refused_in_Indonesian(string what, byte[] content, string expected)
    {
        var reading = SopUpload.Read(content);

        Assert.Null(reading.Grid);
        Assert.True(reading.Refusal?.Contains(expected) == true, $"{what}: {reading.Refusal}");
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_without_reading_it_all()
    {
        var stream = new CountingStream(SopUpload.MaxBytes * 3);

        var reading = await SopUpload.ReadAsync(stream);

        Assert.Equal($"Berkas terlalu besar; paling besar {SopUpload.MaxSizeText}.", reading.Refusal);
        Assert.InRange(stream.Position, SopUpload.MaxBytes, SopUpload.MaxBytes + 100_000);
    }

    [Fact]
    public void A_zip_that_unpacks_to_far_more_than_a_form_is_refused()
    {
        var bomb = Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", new string(' ', 80 * 1024 * 1024)));
        Assert.True(bomb.Length < SopUpload.MaxBytes);

        Assert.Contains("Berkas rusak", SopUpload.Read(bomb).Refusal);
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open());
                writer.Write(content);
            }
        }
        return memory.ToArray();
    }

    /// <summary>An upload of the given length that never holds it: zeros after a zip signature.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            Array.Clear(buffer, offset, n);
            if (position == 0 && n >= 4) "PK\x03\x04"u8.CopyTo(buffer.AsSpan(offset));
            position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
