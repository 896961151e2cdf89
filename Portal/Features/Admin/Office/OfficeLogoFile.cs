using System.Buffers.Binary;
using System.Xml;
using Portal.Features.Office;
using Portal.Features.Reports;

namespace Portal.Features.Admin.Office;

/// <summary>An uploaded logo after its check: the content type its bytes show, or why it is refused (in Indonesian).</summary>
public sealed record LogoCheck(string? ContentType, string? Problem)
{
    public bool Succeeded => Problem is null;

    public static LogoCheck Refused(string problem) => new(null, problem);
}

/// <summary>
/// Checks an uploaded logo by its content, never its name: a PNG whose header decodes to a sensible size and that the
/// PDF reports can draw, or an SVG that parses as XML with an &lt;svg&gt; root and carries nothing that could run or
/// fetch (scripts, foreignObject, event attributes, links out of the file). The logo is shown to everyone, in pages,
/// e-mails and on the TV screen, so an image that can act is refused rather than cleaned.
/// </summary>
public static class OfficeLogoFile
{
    public const int MaxBytes = 512 * 1024;
    public const int MaxPixels = 4096;
    public const string Accept = ".png,.svg,image/png,image/svg+xml";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    public static LogoCheck Check(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0) return LogoCheck.Refused("Berkas logo kosong.");
        if (content.Length > MaxBytes)
            return LogoCheck.Refused($"Logo berukuran {content.Length / 1024} KB; paling besar {MaxBytes / 1024} KB.");
        if (content.StartsWith(PngSignature)) return CheckPng(content);
        if (LooksLikeXml(content)) return CheckSvg(content.ToArray());
        return LogoCheck.Refused("Isi berkas bukan gambar PNG atau SVG. Simpan logo sebagai .png atau .svg, lalu unggah lagi.");
    }

    private static LogoCheck CheckPng(ReadOnlySpan<byte> content)
    {
        // The first chunk must be IHDR (13 bytes): width and height as big-endian integers.
        if (content.Length < 33 || !content.Slice(12, 4).SequenceEqual("IHDR"u8))
            return LogoCheck.Refused("Berkas PNG rusak atau terpotong; simpan ulang gambarnya lalu unggah lagi.");
        var width = BinaryPrimitives.ReadInt32BigEndian(content.Slice(16, 4));
        var height = BinaryPrimitives.ReadInt32BigEndian(content.Slice(20, 4));
        if (width is < 1 or > MaxPixels || height is < 1 or > MaxPixels)
            return LogoCheck.Refused($"Logo PNG berukuran {width}×{height} piksel; ukuran yang diterima 1 sampai {MaxPixels} piksel per sisi.");
        if (!ReportLogo.CanDraw(content.ToArray()))
            return LogoCheck.Refused("Berkas PNG rusak atau terpotong; simpan ulang gambarnya lalu unggah lagi.");
        return new LogoCheck(OfficeLogo.PngType, null);
    }

    private static bool LooksLikeXml(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) content = content[3..];
        foreach (var b in content)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b == (byte)'<';
        }
        return false;
    }

    private static LogoCheck CheckSvg(byte[] content)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxBytes * 2L,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content, writable: false), settings);
            var root = true;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && ReachesOut(reader.Value))
                        return Unsafe("tautan ke luar berkas (url(...) atau @import)");
                    continue;
                }
                if (root)
                {
                    if (reader.LocalName != "svg" || reader.NamespaceURI is not ("" or SvgNamespace))
                        return LogoCheck.Refused("Berkas XML ini bukan gambar SVG (elemen akarnya bukan <svg>).");
                    root = false;
                }
                if (reader.LocalName.Equals("script", StringComparison.OrdinalIgnoreCase)) return Unsafe("skrip (<script>)");
                if (reader.LocalName.Equals("foreignObject", StringComparison.OrdinalIgnoreCase)) return Unsafe("<foreignObject>");
                if (AttributeProblem(reader) is { } problem) return Unsafe(problem);
            }
            return root
                ? LogoCheck.Refused("Berkas SVG kosong.")
                : new LogoCheck(OfficeLogo.SvgType, null);
        }
        catch (XmlException)
        {
            return LogoCheck.Refused("Berkas SVG tidak dapat dibaca sebagai XML yang sah; simpan ulang dari aplikasi gambarnya.");
        }
    }

    private static string? AttributeProblem(XmlReader reader)
    {
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
        {
            var name = reader.LocalName;
            var value = reader.Value.Trim();
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return $"atribut peristiwa ({reader.Name})";
            if (value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)) return "tautan javascript:";
            if (name.Equals("href", StringComparison.OrdinalIgnoreCase) && !IsInsideLink(value)) return "tautan ke luar berkas";
            if (ReachesOut(value)) return "tautan ke luar berkas (url(...) atau @import)";
        }
        reader.MoveToElement();
        return null;
    }

    // A link to a part of the same file (#id) or an embedded raster image; anything else would be fetched or followed.
    private static bool IsInsideLink(string value) =>
        value.StartsWith('#')
        || value.StartsWith("data:image/png", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("data:image/jpeg", StringComparison.OrdinalIgnoreCase);

    private static bool ReachesOut(string text)
    {
        if (text.Contains("@import", StringComparison.OrdinalIgnoreCase)) return true;
        for (var at = text.IndexOf("url(", StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf("url(", at + 4, StringComparison.OrdinalIgnoreCase))
        {
            var target = text[(at + 4)..].TrimStart(' ', '\'', '"');
            if (!target.StartsWith('#')) return true;
        }
        return false;
    }

    private static LogoCheck Unsafe(string what) =>
        LogoCheck.Refused($"Logo SVG ditolak karena memuat {what}. Simpan logo tanpa bagian itu (mis. ekspor sebagai \"Plain SVG\") atau unggah PNG.");
}
