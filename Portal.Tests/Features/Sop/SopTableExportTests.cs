using System.Net;
using Portal.Domain;
using Portal.Domain.SopImport;
using Portal.Features.Admin.SopImport;
using Portal.Features.Reports;
using Portal.Features.Sop;
using Portal.Features.Workflow;
using Portal.Tests.Domain.SopImport;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Sop;

/// <summary>The SOP's table as .xlsx: importing the export gives the same SOP back.</summary>
public sealed class SopTableExportTests
{
    private static SopDocument RoundTrip(SopDocument sop)
    {
        var reading = SopUpload.Read(SopTableExport.Workbook(sop));
        Assert.True(reading.Refusal is null, reading.Refusal);
        var draft = SopFormParser.Parse(reading.Grid!);
        Assert.All(draft.Steps, s => Assert.Equal(PelaksanaDecision.Marked, s.Decision));
        foreach (var (step, shortName) in draft.Steps.Zip(sop.Steps.Select(s => s.ShortName))) step.ShortName = shortName;
        Assert.Empty(SopDraftProblems.List(draft));
        return draft.ToDocument();
    }

    /// <summary>Everything the table carries (the short names are the portal's own and are typed in the preview).</summary>
    private static void AssertSameSop(SopDocument expected, SopDocument actual)
    {
        Assert.Equal(SopJson.SerializeHeader(expected.Header), SopJson.SerializeHeader(actual.Header));
        Assert.Equal(expected.Pelaksana, actual.Pelaksana);
        Assert.Equal(
            expected.Steps.Select(s => (s.Number, s.ShortName, s.Activity, s.Pelaksana, s.Kind, s.Duration, string.Join("|", s.Inputs), s.Output, s.ReturnToStep, s.RequiresOutput)),
            actual.Steps.Select(s => (s.Number, s.ShortName, s.Activity, s.Pelaksana, s.Kind, s.Duration, string.Join("|", s.Inputs), s.Output, s.ReturnToStep, s.RequiresOutput)));
    }

    [Fact]
    public void The_built_in_SOP_exported_and_imported_gives_the_same_SOP()
    {
        var builtIn = SignedSop.BuiltIn;

        AssertSameSop(builtIn, RoundTrip(builtIn));
    }

    [Fact]
    public void Hours_minutes_calendar_days_four_pelaksana_and_kinds_the_verbs_would_misread_survive_the_round_trip()
    {
        var draft = SopFormParser.Parse(SyntheticSop.FourPelaksana().Text());
        // The administrator made step 2 a verification that can send back to step 1, and step 3 (whose text says
        // "verifikasi") a work step: only the Keterangan can carry that.
        draft.SetKind(draft.Steps[1], StepKind.Verify);
        draft.SetReturn(draft.Steps[1], 1);
        draft.SetKind(draft.Steps[2], StepKind.Work);
        var sop = draft.ToDocument();

        var back = RoundTrip(sop);

        AssertSameSop(sop, back);
        Assert.Equal([StepKind.Work, StepKind.Verify, StepKind.Work, StepKind.Approve, StepKind.Work], back.Steps.Select(s => s.Kind));
        Assert.Equal(new SopDuration(30, DurationUnit.WorkingMinutes), back.Steps[0].Duration);
    }

    [Fact]
    public void The_workbook_has_the_form_s_columns_and_a_mark_in_each_step_s_pelaksana_column()
    {
        var grid = SopUpload.Read(SopTableExport.Workbook(SignedSop.BuiltIn)).Grid!;
        var texts = grid.Rows.Select(r => r.Select(c => c.Text.Replace("**", "")).ToList()).ToList();
        var header = texts.FindIndex(r => r.FirstOrDefault() == "NO");

        Assert.Equal(["NO", "KEGIATAN", "PELAKSANA", "", "", "MUTU BAKU", "", "", "KETERANGAN"], texts[header]);
        Assert.Equal(["", "", "Pejabat Fungsional", "Kepala Bidang", "Kepala Dinas", "Kelengkapan", "Waktu", "Output"], texts[header + 1]);
        var step8 = texts[header + 2 + 7];
        Assert.Equal(["8", "Melakukan evaluasi terhadap hasil pelaksanaan uji coba inovasi baru", "", "√", "", "Hasil uji coba", "2 hari", "Hasil evaluasi"], step8);
        Assert.Equal("Verifikasi; bila tidak sesuai kembali ke langkah 2", texts[header + 2 + 3][8]);
    }
}

/// <summary>The export's address: any signed-in person downloads the table of a stored version.</summary>
public sealed class SopTableExportEndpointTests(DemoPortal app) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task A_signed_in_person_downloads_the_table_of_the_current_version()
    {
        var (id, current) = await app.Get<SopCatalog>().CurrentAsync();
        var client = await app.SignedInClientAsync(DemoPeople.FungsionalPdip);

        var response = await client.GetAsync(SopTableExport.Url(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportDownloads.ExcelType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"SOP Inovasi Pelayanan versi {current.Version}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var draft = SopFormParser.Parse(SopUpload.Read(await response.Content.ReadAsByteArrayAsync()).Grid!);
        Assert.Equal(current.Steps.Select(s => s.Activity), draft.Steps.Select(s => s.Activity));
        Assert.Contains("sop-export", await (await client.GetAsync("/sop")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nobody_signed_out_downloads_it_and_an_unknown_version_is_not_found()
    {
        var (id, _) = await app.Get<SopCatalog>().CurrentAsync();
        var signedIn = await app.SignedInClientAsync(DemoPeople.Pemantau);

        var anonymous = await app.NewClient().GetAsync(SopTableExport.Url(id));
        var unknown = await signedIn.GetAsync(SopTableExport.Url(id + 1000));

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Versi SOP tidak ditemukan.", await unknown.Content.ReadAsStringAsync());
    }
}
