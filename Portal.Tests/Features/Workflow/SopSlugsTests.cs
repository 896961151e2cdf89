using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Portal.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Workflow;

public sealed class SopSlugsTests(SopSlugsTests.App app) : IClassFixture<SopSlugsTests.App>
{
    public sealed class App() : PortalAppFactory();

    [Theory]
    [InlineData("Penanganan Pengaduan", "penanganan-pengaduan")]
    // 54 characters as a whole: the last word does not fit in 50 and is left out, not cut ("…-kependud").
    [InlineData("Penanganan Pengaduan Layanan Administrasi Kependudukan", "penanganan-pengaduan-layanan-administrasi")]
    // Exactly 50 characters fit; 51 leave the last word out.
    [InlineData("Pelayanan Penerbitan Akta Kelahiran Bagi Anak Asuh", "pelayanan-penerbitan-akta-kelahiran-bagi-anak-asuh")]
    [InlineData("Pelayanan Penerbitan Akta Kelahiran Bagi Anak Yatim", "pelayanan-penerbitan-akta-kelahiran-bagi-anak")]
    [InlineData("Pencatatan Perkawinan & Perceraian (Non-Muslim)", "pencatatan-perkawinan-perceraian-non-muslim")]
    [InlineData("  Légalisir   Dokumen — KK/KTP-el  ", "legalisir-dokumen-kk-ktp-el")]
    [InlineData("Pendaftaranpendudukpindahdatangantarkabupatenkotadalamprovinsi", "pendaftaranpendudukpindahdatangantarkabupatenkotad")]
    [InlineData("— ? —", "sop")]
    public void A_slug_is_made_of_whole_words_of_the_title(string title, string expected)
    {
        var slug = SopSlugs.Of(title);

        Assert.Equal(expected, slug);
        Assert.True(slug.Length <= SopSlugs.MaxLength);
    }

    [Theory]
    [InlineData("pengaduan", new string[0], "pengaduan")]
    [InlineData("pengaduan", new[] { "pengaduan" }, "pengaduan-2")]
    [InlineData("pengaduan", new[] { "Pengaduan", "pengaduan-2" }, "pengaduan-3")]
    [InlineData("impor", new string[0], "impor-2")]
    [InlineData("baru", new[] { "baru-2" }, "baru-3")]
    [InlineData("versi", new string[0], "versi-2")]
    public void A_slug_taken_or_reserved_gets_the_first_free_number(string wanted, string[] taken, string expected)
    {
        Assert.Equal(expected, SopSlugs.Free(wanted, taken));
    }

    /// <summary>Every word the app's own routes use right after an SOP address prefix is reserved, so no SOP slug is shadowed.</summary>
    [Fact]
    public void Every_page_word_under_the_SOP_addresses_is_reserved()
    {
        string[] prefixes = ["sop", "papan", "layar", "admin/sop", "inovasi/baru"];
        var patterns = app.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern).ToList();

        var words = patterns
            .SelectMany(pattern => prefixes.Select(prefix => WordAfter(pattern, prefix)))
            .OfType<string>()
            .Distinct()
            .ToList();

        Assert.Contains(patterns, p => p.RawText == "/admin/sop/impor");
        Assert.Contains("impor", words);
        Assert.Contains("versi", words);
        Assert.All(words, word => Assert.Contains(word, SopSlugs.Reserved));
    }

    // The literal segment that follows the prefix's segments, e.g. "impor" in /admin/sop/impor; null when none.
    private static string? WordAfter(RoutePattern pattern, string prefix)
    {
        var parts = prefix.Split('/');
        if (pattern.PathSegments.Count <= parts.Length) return null;
        for (var i = 0; i < parts.Length; i++)
        {
            if (pattern.PathSegments[i].Parts is not [RoutePatternLiteralPart literal] || !string.Equals(literal.Content, parts[i], StringComparison.OrdinalIgnoreCase))
                return null;
        }
        return pattern.PathSegments[parts.Length].Parts switch
        {
            [RoutePatternLiteralPart literal] => literal.Content.ToLowerInvariant(),
            _ => null,
        };
    }
}
