using System.Text;
using Portal.Features.Admin.Office;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Admin;

/// <summary>The logo is checked by what its bytes are, never by its name; an SVG that could act or fetch is refused.</summary>
public sealed class OfficeLogoFileTests
{
    [Fact]
    public void A_real_png_and_a_plain_svg_are_accepted_with_the_type_their_content_shows()
    {
        Assert.Equal(("image/png", null), Outcome(TestImages.Png(64, 48)));
        Assert.Equal(("image/png", null), Outcome(File.ReadAllBytes(RepositoryFiles.PathOf("wwwroot-assets/images/logo.png"))));
        Assert.Equal(("image/svg+xml", null), Outcome(File.ReadAllBytes(RepositoryFiles.PathOf("wwwroot-assets/images/logo.svg"))));
        Assert.Equal(("image/svg+xml", null), Outcome(TestImages.Svg(
            """<defs><linearGradient id="g"><stop offset="0" stop-color="#0B4EA2"/></linearGradient></defs><rect width="64" height="64" fill="url(#g)"/><use xlink:href="#g"/>""")));
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        { "a .png that is a text file", Encoding.UTF8.GetBytes("ini bukan gambar, hanya teks yang diberi nama logo.png"), "bukan gambar PNG atau SVG" },
        { "a PNG cut short", TestImages.Png(64, 64)[..30], "rusak atau terpotong" },
        { "a PNG whose data is damaged", Damaged(TestImages.Png(64, 64)), "rusak atau terpotong" },
        { "a PNG too large in pixels", TestImages.Png(5000, 1), "5000×1 piksel" },
        { "an SVG with a script", TestImages.Svg("""<script>alert(document.cookie)</script><rect width="64" height="64"/>"""), "skrip (<script>)" },
        { "an SVG with a script in another case", TestImages.Svg("""<SCRIPT xmlns="http://www.w3.org/2000/svg">alert(1)</SCRIPT>"""), "skrip (<script>)" },
        { "an SVG with an event attribute", TestImages.Svg("""<rect width="64" height="64" onload="alert(1)"/>"""), "atribut peristiwa (onload)" },
        { "an SVG with foreignObject", TestImages.Svg("""<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>"""), "<foreignObject>" },
        { "an SVG with a javascript: link", TestImages.Svg("""<a href="javascript:alert(1)"><rect width="9" height="9"/></a>"""), "tautan javascript:" },
        { "an SVG with an external image", TestImages.Svg("""<image xlink:href="https://contoh.example/pelacak.png" width="9" height="9"/>"""), "tautan ke luar berkas" },
        { "an SVG with an external style", TestImages.Svg("""<style>@import url(https://contoh.example/a.css);</style>"""), "tautan ke luar berkas" },
        { "an SVG with an entity declaration", Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>"""), "XML yang sah" },
        { "XML that is not an SVG", Encoding.UTF8.GetBytes("""<html><body>logo</body></html>"""), "bukan gambar SVG" },
        { "an SVG that is not well-formed", Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>"""), "XML yang sah" },
        { "an empty file", [], "kosong" },
        { "a file over 512 KB", TestImages.Svg(new string(' ', 512 * 1024)), "paling besar 512 KB" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_logo_that_is_not_a_safe_png_or_svg_is_refused_with_the_reason(string what, byte[] content, string reason)
    {
        var check = OfficeLogoFile.Check(content);

        Assert.False(check.Succeeded, what);
        Assert.Null(check.ContentType);
        Assert.Contains(reason, check.Problem);
    }

    private static (string?, string?) Outcome(byte[] content)
    {
        var check = OfficeLogoFile.Check(content);
        return (check.ContentType, check.Problem);
    }

    // Keeps the header (so the size reads well) and garbles the compressed pixels.
    private static byte[] Damaged(byte[] png)
    {
        var copy = png.ToArray();
        for (var i = 41; i < copy.Length - 12; i++) copy[i] ^= 0x5A;
        return copy;
    }
}
