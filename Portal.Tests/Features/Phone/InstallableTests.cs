using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using Portal.Components.Layout;
using Portal.Tests.Features.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Phone;

/// <summary>
/// "Tambahkan ke layar utama": browsers install the portal from its web app manifest, which they fetch without the
/// sign-in cookie, and iOS from the apple-touch-icon and its meta tags on the page.
/// </summary>
public sealed class InstallableTests(DemoPortal app) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task The_manifest_is_served_to_anyone_and_describes_a_standalone_app_that_opens_on_the_waiting_list()
    {
        using var client = app.NewClient();

        var response = await client.GetAsync("/manifest.webmanifest");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        SecurityHeaderAssert.HasSecurityHeaders(response);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = manifest.RootElement;
        Assert.Equal("Portal Inovasi Pelayanan", root.GetProperty("name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("short_name").GetString()));
        // Launchers cut a short name after about twelve characters.
        Assert.True(root.GetProperty("short_name").GetString()!.Length <= 12, "short_name too long for a home screen");
        Assert.Equal("/menunggu", root.GetProperty("start_url").GetString());
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        Assert.Equal(PortalTheme.Theme.PaletteLight.Primary.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex), root.GetProperty("theme_color").GetString(), ignoreCase: true);
        Assert.Equal(PortalTheme.Theme.PaletteLight.Background.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex), root.GetProperty("background_color").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task Every_icon_the_manifest_declares_is_a_PNG_of_the_declared_size_and_one_of_512_is_maskable()
    {
        using var client = app.NewClient();
        using var manifest = JsonDocument.Parse(await client.GetStringAsync("/manifest.webmanifest"));

        var icons = manifest.RootElement.GetProperty("icons").EnumerateArray().ToList();

        foreach (var icon in icons)
        {
            var src = icon.GetProperty("src").GetString()!;
            var declared = icon.GetProperty("sizes").GetString()!;
            var response = await client.GetAsync(src);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{src}: {response.StatusCode}");
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            var (width, height) = PngSize(await response.Content.ReadAsByteArrayAsync(), src);
            Assert.Equal(declared, $"{width}x{height}");
        }
        var sizes = icons.Select(i => (Size: i.GetProperty("sizes").GetString(), Purpose: i.TryGetProperty("purpose", out var p) ? p.GetString() : "any")).ToList();
        Assert.Contains(("192x192", "any"), sizes);
        Assert.Contains(("512x512", "any"), sizes);
        Assert.Contains(("512x512", "maskable"), sizes);
    }

    [Fact]
    public async Task The_pages_link_the_manifest_and_carry_what_iOS_needs_for_the_home_screen()
    {
        using var client = app.NewClient();

        // The sign-in page, where a new phone first lands, and a page behind it.
        foreach (var html in new[] { await (await client.GetAsync("/akun/masuk")).HtmlAsync(),
                                     await (await (await app.SignedInClientAsync(DemoPeople.KepalaDinas)).GetAsync("/menunggu")).HtmlAsync() })
        {
            Assert.Contains("<link rel=\"manifest\" href=\"manifest.webmanifest\"", html);
            Assert.Contains("<meta name=\"apple-mobile-web-app-capable\" content=\"yes\"", html);
            Assert.Matches("<meta name=\"apple-mobile-web-app-title\" content=\"[^\"]+\"", html);
            Assert.Contains($"<meta name=\"theme-color\" content=\"{PortalTheme.Theme.PaletteLight.Primary.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex)}\"", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("<link rel=\"apple-touch-icon\" sizes=\"180x180\" href=\"img/apple-touch-icon.png\"", html);
        }
        var touchIcon = await client.GetAsync("/img/apple-touch-icon.png");
        Assert.Equal(HttpStatusCode.OK, touchIcon.StatusCode);
        var bytes = await touchIcon.Content.ReadAsByteArrayAsync();
        Assert.Equal((180, 180), PngSize(bytes, "apple-touch-icon.png"));
        // iOS paints a transparent icon's background black: this one has no alpha channel (colour type 2, RGB).
        Assert.Equal(2, bytes[25]);
    }

    /// <summary>Width and height from a PNG's IHDR chunk, which follows the 8-byte signature.</summary>
    private static (int Width, int Height) PngSize(byte[] png, string name)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(png.Length > 24 && png.AsSpan(0, 8).SequenceEqual(signature), $"{name} is not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
