using System.Buffers.Binary;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Reports;

/// <summary>Rendered report pages kept under the test output's <c>test-artifacts/</c> folder for people to look at.</summary>
internal static class ReportArtifacts
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "test-artifacts");

    /// <summary>Writes the PDF and a 60 dpi PNG of its first page; returns the PNG's path.</summary>
    public static string RenderFirstPage(byte[] pdf, string name)
    {
        Directory.CreateDirectory(Folder);
        var pdfPath = Path.Combine(Folder, name + ".pdf");
        File.WriteAllBytes(pdfPath, pdf);
        var pngBase = Path.Combine(Folder, name + "-page1");
        ExternalTools.Run(ExternalTools.PdfToPpm, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdfPath, pngBase);
        return pngBase + ".png";
    }

    public static (int Width, int Height) PngSize(string path)
    {
        var header = File.ReadAllBytes(path).AsSpan(0, 24);
        return (BinaryPrimitives.ReadInt32BigEndian(header[16..]), BinaryPrimitives.ReadInt32BigEndian(header[20..]));
    }
}
