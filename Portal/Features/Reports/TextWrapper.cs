using PdfSharp.Drawing;

namespace Portal.Features.Reports;

/// <summary>Breaks text into lines that fit a width, measured with the real font.</summary>
internal static class TextWrapper
{
    /// <summary>
    /// Keeps the text's own line breaks, wraps at spaces, and cuts a word that is wider than a
    /// whole line (a long URL or file name) wherever it must.
    /// </summary>
    public static IReadOnlyList<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Fits(graphics, candidate, font, width))
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && !Fits(graphics, line, font, width))
                {
                    var cut = LongestFittingPrefix(graphics, line, font, width);
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private static bool Fits(XGraphics graphics, string text, XFont font, double width) =>
        graphics.MeasureString(text, font).Width <= width;

    /// <summary>Binary search over a word of two or more characters; always at least one, so wrapping ends.</summary>
    private static int LongestFittingPrefix(XGraphics graphics, string word, XFont font, double width)
    {
        int low = 1, high = word.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Fits(graphics, word[..middle], font, width))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
