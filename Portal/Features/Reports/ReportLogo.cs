using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Portal.Features.Reports;

/// <summary>Whether the PDF reports can print an image as the kop's logo.</summary>
public static class ReportLogo
{
    /// <summary>Draws the PNG into a throw-away PDF: the same decoding every Laporan would do with it.</summary>
    public static bool CanDraw(byte[] png)
    {
        try
        {
            using var document = new PdfDocument();
            var page = document.AddPage();
            using (var graphics = XGraphics.FromPdfPage(page))
            using (var image = XImage.FromStream(new MemoryStream(png, writable: false)))
            {
                graphics.DrawImage(image, 0, 0, 10, 10);
            }
            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PDFsharp's image readers throw many kinds of exception for a damaged file; each means "cannot print it".
            return false;
        }
    }
}
