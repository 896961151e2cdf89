using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using Portal.Domain.SopImport;

namespace Portal.Features.Admin.SopImport;

/// <summary>An uploaded SOP read into rows, or why it could not be read (in Indonesian).</summary>
public sealed record SopUploadReading(SopGrid? Grid, string? Refusal)
{
    public static SopUploadReading Refused(string message) => new(null, message);
}

/// <summary>
/// Reads an uploaded .docx or .xlsx into the rows the parser reads. The kind is decided by the content (a zip with
/// word/document.xml or xl/workbook.xml), never by the name; the file is read in memory and never stored.
/// </summary>
public static class SopUpload
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string MaxSizeText = "10 MB";

    /// <summary>An SOP form unpacks to a few megabytes; more is a zip bomb, not a form.</summary>
    private const long MaxUnpackedBytes = 64 * 1024 * 1024;
    private const int MaxEntries = 5_000;

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OldOfficeSignature = [0xD0, 0xCF, 0x11, 0xE0];

    public const string NotAnSopFile = "Berkas bukan dokumen Word (.docx) atau Excel (.xlsx). Unggah SOP dalam salah satu bentuk itu, atau tempel tabelnya.";

    /// <summary>Reads at most <see cref="MaxBytes"/> from the stream; a larger upload is refused without reading the rest.</summary>
    public static async Task<SopUploadReading> ReadAsync(Stream upload, CancellationToken cancellationToken = default)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (memory.Length + read > MaxBytes) return TooLarge();
            memory.Write(buffer, 0, read);
        }
        return Read(memory.ToArray());
    }

    public static SopUploadReading TooLarge() => SopUploadReading.Refused($"Berkas terlalu besar; paling besar {MaxSizeText}.");

    public static SopUploadReading Read(byte[] content)
    {
        if (content.Length == 0) return SopUploadReading.Refused("Berkas kosong.");
        if (content.Length > MaxBytes) return TooLarge();
        if (content.AsSpan().StartsWith(OldOfficeSignature))
            return SopUploadReading.Refused("Berkas ini dokumen Word/Excel lama (.doc/.xls) atau terkunci sandi. Simpan dahulu sebagai .docx atau .xlsx tanpa sandi, lalu unggah lagi.");
        if (!content.AsSpan().StartsWith(ZipSignature)) return SopUploadReading.Refused(NotAnSopFile);

        try
        {
            var kind = KindOf(content);
            if (kind is null) return SopUploadReading.Refused(NotAnSopFile);
            using var stream = new MemoryStream(content, writable: false);
            return kind == Kind.Word
                ? ReadWord(stream)
                : ReadWorkbook(stream);
        }
        catch (Exception exception) when (exception is InvalidDataException or OpenXmlPackageException or IOException or System.Xml.XmlException or FormatException)
        {
            return SopUploadReading.Refused("Berkas rusak atau tidak dapat dibaca sebagai dokumen Word/Excel. Simpan ulang dari Word/Excel, lalu unggah lagi.");
        }
    }

    private enum Kind { Word, Workbook }

    private static Kind? KindOf(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxEntries || zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            throw new InvalidDataException("The package unpacks to more than an SOP form can hold.");
        var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!names.Contains("[Content_Types].xml")) return null;
        return names.Contains("word/document.xml") ? Kind.Word
            : names.Contains("xl/workbook.xml") ? Kind.Workbook
            : null;
    }

    private static SopUploadReading ReadWord(Stream stream)
    {
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        return document.MainDocumentPart?.Document?.Body is { } body
            ? new SopUploadReading(DocxSopReader.Read(body), null)
            : SopUploadReading.Refused(NotAnSopFile);
    }

    private static SopUploadReading ReadWorkbook(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        return document.WorkbookPart is { } workbook && XlsxSopReader.Read(workbook) is { } grid
            ? new SopUploadReading(grid, null)
            : SopUploadReading.Refused("Buku kerja Excel tidak memiliki lembar kerja yang berisi tabel SOP.");
    }
}
