using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokens;

namespace Portal.Tests.Features.Reports;

/// <summary>A rendered PDF opened with PdfPig, with the questions the report tests ask of it.</summary>
internal sealed class PdfReadBack : IDisposable
{
    private readonly PdfDocument document;

    public PdfReadBack(byte[] pdf)
    {
        document = PdfDocument.Open(pdf);
        Pages = document.GetPages().ToList();
    }

    public IReadOnlyList<Page> Pages { get; }

    public string AllText => string.Join("\n", Pages.Select(p => p.Text));

    /// <summary>Text with all whitespace removed, to find passages that wrap across lines.</summary>
    public string CompactText => Compact(AllText);

    public static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Names of the fonts whose program is not embedded in the file.</summary>
    public IReadOnlyList<string> FontsWithoutProgram()
    {
        var scanner = document.Structure.TokenScanner;
        var missing = new List<string>();
        foreach (var page in Pages)
        {
            var resources = Dictionary(page.Dictionary.Data[NameToken.Resources.Data]);
            var fonts = Dictionary(resources.Data[NameToken.Font.Data]);
            foreach (var entry in fonts.Data.Values)
            {
                var font = Dictionary(entry);
                if (font.TryGet(NameToken.DescendantFonts, scanner, out ArrayToken? descendants))
                {
                    font = Dictionary(descendants.Data[0]);
                }

                var embedded = font.TryGet(NameToken.FontDescriptor, scanner, out DictionaryToken? descriptor)
                    && (descriptor.ContainsKey(NameToken.FontFile2) || descriptor.ContainsKey(NameToken.FontFile)
                        || descriptor.ContainsKey(NameToken.FontFile3));
                if (!embedded)
                {
                    missing.Add(font.Data.TryGetValue(NameToken.BaseFont.Data, out var name) ? name.ToString()! : "?");
                }
            }
        }

        return missing;

        DictionaryToken Dictionary(IToken token) =>
            DirectObjectFinder.Get<DictionaryToken>(token, scanner) ?? throw new InvalidDataException("Expected a dictionary.");
    }

    public void Dispose() => document.Dispose();
}
