using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Portal.Features.Outputs;

public sealed record AllowedFileType(string Extension, string ContentType, string Label);

/// <summary>
/// Which documents a step output may be, recognised by their content (magic bytes, and for Office files
/// the parts inside the ZIP), never by the extension alone.
/// </summary>
public static partial class FileTypes
{
    public static readonly IReadOnlyList<AllowedFileType> Allowed =
    [
        new(".pdf", "application/pdf", "PDF"),
        new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)"),
        new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)"),
        new(".jpg", "image/jpeg", "JPG"),
        new(".jpeg", "image/jpeg", "JPG"),
        new(".png", "image/png", "PNG"),
    ];

    public static string AcceptAttribute => string.Join(",", Allowed.Select(t => t.Extension));

    public static string AllowedList => "PDF, DOCX, XLSX, JPG, PNG";

    public static string TooLarge(long maxBytes) => $"Berkas terlalu besar: paling besar {maxBytes / 1024 / 1024} MB.";

    public const string UploadInterrupted = "Unggahan terputus. Periksa jaringan lalu coba lagi.";

    /// <summary>The problem with a file name, or null when it is acceptable.</summary>
    public static string? NameProblem(string fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName)) return "Nama berkas kosong.";
        if (fileName.Length > 150) return "Nama berkas terlalu panjang (paling banyak 150 karakter).";
        if (fileName.Contains("..") || fileName.IndexOfAny(['/', '\\']) >= 0)
            return "Nama berkas tidak boleh mengandung \"..\", \"/\" atau \"\\\".";
        if (!SafeName().IsMatch(fileName))
            return "Nama berkas hanya boleh berisi huruf, angka, spasi dan tanda - _ . ( ) ,";
        return Allowed.Any(t => fileName.EndsWith(t.Extension, StringComparison.OrdinalIgnoreCase))
            ? null
            : $"Jenis berkas tidak diterima. Yang diterima: {AllowedList}.";
    }

    /// <summary>Recognises the file by its content; null when it is none of the allowed types.</summary>
    public static AllowedFileType? Detect(Stream content, string fileName)
    {
        Span<byte> head = stackalloc byte[8];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var byExtension = Allowed.FirstOrDefault(t => t.Extension == extension);
        if (byExtension is null || read < 4) return null;

        var matches = byExtension.Extension switch
        {
            ".pdf" => head[..5].SequenceEqual("%PDF-"u8),
            ".png" => read >= 8 && head.SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
            ".jpg" or ".jpeg" => head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF,
            ".docx" => IsOfficePackage(content, head, "word/"),
            ".xlsx" => IsOfficePackage(content, head, "xl/"),
            _ => false,
        };
        return matches ? byExtension : null;
    }

    private static bool IsOfficePackage(Stream content, ReadOnlySpan<byte> head, string partFolder)
    {
        if (!head[..4].SequenceEqual("PK\u0003\u0004"u8)) return false;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Any(e => e.FullName == "[Content_Types].xml")
                && zip.Entries.Any(e => e.FullName.StartsWith(partFolder, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{N} _\-\.\(\),]+$")]
    private static partial Regex SafeName();
}
