using System.Globalization;
using Portal.Data;

namespace Portal.Features.Office;

/// <summary>
/// The office's logo at one address for pages, e-mails and the TV screen: the uploaded one, else the portal's own.
/// The address carries the profile's version, so a browser may keep it for a year and still sees a new logo at once.
/// </summary>
public static class OfficeLogo
{
    public const string Route = "/kantor/logo";
    public const string SvgType = "image/svg+xml";
    public const string PngType = "image/png";

    private static readonly Lazy<byte[]> BuiltInSvg = new(() => Resource("Portal.Assets.logo.svg"));
    private static readonly Lazy<byte[]> BuiltInPng = new(() => Resource("Portal.Assets.logo.png"));

    /// <summary>The logo's address with the version query, e.g. /kantor/logo?v=638…</summary>
    public static string Url(OfficeSnapshot office) => $"{Route}?v={Version(office)}";

    /// <summary>The logo's bytes and content type: the uploaded logo, else the portal's own.</summary>
    public static (byte[] Content, string ContentType) Content(OfficeSnapshot office) =>
        office.Logo is { Length: > 0 } logo ? (logo, office.LogoContentType ?? PngType) : (BuiltInSvg.Value, SvgType);

    /// <summary>
    /// The logo a PDF can print (PDFsharp reads PNG, not SVG): the uploaded PNG, the portal's own without an upload,
    /// and none for an uploaded SVG, rather than another office's mark on this office's kop.
    /// </summary>
    public static byte[]? Png(OfficeSnapshot office) => office.Logo switch
    {
        null or { Length: 0 } => BuiltInPng.Value,
        { } logo when office.LogoContentType == PngType => logo,
        _ => null,
    };

    public static WebApplication MapOfficeLogo(this WebApplication app)
    {
        app.MapGet(Route, async (string? v, OfficeProfileStore store, HttpContext http) =>
        {
            var office = await store.GetAsync(http.RequestAborted);
            var (content, contentType) = Content(office);
            http.Response.Headers.CacheControl = v == Version(office) ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.Bytes(content, contentType);
        }).AllowAnonymous();
        return app;
    }

    private static string Version(OfficeSnapshot office) => office.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static byte[] Resource(string name)
    {
        using var stream = typeof(OfficeLogo).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
