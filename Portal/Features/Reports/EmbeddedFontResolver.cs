using PdfSharp.Fonts;

namespace Portal.Features.Reports;

/// <summary>
/// Serves Liberation Sans from the assembly's embedded resources, so reports render the same on
/// any server whatever fonts it has installed.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string FamilyName = "Liberation Sans";

    private const string RegularFace = "LiberationSans-Regular";
    private const string BoldFace = "LiberationSans-Bold";
    private const string ItalicFace = "LiberationSans-Italic";

    private static readonly Lock RegistrationGate = new();

    /// <summary>PDFsharp's font resolver is process-wide and must be set before the first font is created.</summary>
    public static void EnsureRegistered()
    {
        lock (RegistrationGate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!string.Equals(familyName, FamilyName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return (bold, italic) switch
        {
            (true, true) => new FontResolverInfo(BoldFace, mustSimulateBold: false, mustSimulateItalic: true),
            (true, false) => new FontResolverInfo(BoldFace),
            (false, true) => new FontResolverInfo(ItalicFace),
            _ => new FontResolverInfo(RegularFace),
        };
    }

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly
            .GetManifestResourceStream($"Portal.Assets.fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
