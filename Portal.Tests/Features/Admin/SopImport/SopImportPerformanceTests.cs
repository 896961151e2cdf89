using System.Diagnostics;
using Portal.Domain;
using Portal.Domain.SopImport;
using Portal.Features.Admin.SopImport;
using Portal.Tests.Domain.SopImport;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Admin.SopImport;

/// <summary>
/// Importing a 30-step SOP: reading it from pasted text, .docx and .xlsx, and saving it. The figures are written to
/// the test output, not asserted (the machine is shared); the test checks that the import is the SOP it should be.
/// </summary>
[Trait("Category", "Performance")]
public sealed class SopImportPerformanceTests(DemoPortal app, ITestOutputHelper output) : IClassFixture<DemoPortal>
{
    private const int Repeats = 50;

    [Fact]
    public async Task A_thirty_step_SOP_is_read_from_each_source_and_saved()
    {
        var sop = SyntheticSop.ThirtySteps();
        var text = sop.Text();
        var docx = SopFormFiles.From(sop).Docx();
        var xlsx = SopFormFiles.From(sop).Xlsx();

        var (first, textTimes) = Time(() => SopFormParser.Parse(text));
        var (_, docxTimes) = Time(() => SopFormParser.Parse(SopUpload.Read(docx).Grid!));
        var (_, xlsxTimes) = Time(() => SopFormParser.Parse(SopUpload.Read(xlsx).Grid!));

        Assert.Equal(30, first.Steps.Count);
        Assert.Empty(SopDraftProblems.List(first));
        Assert.Equal(10, first.Steps.Count(s => s.Kind == StepKind.Verify));
        Assert.Equal(Enumerable.Range(1, 10).Select(round => (int?)(3 * round - 2)), first.Steps.Where(s => s.Kind == StepKind.Verify).Select(s => s.ReturnToStep));

        var administration = app.Get<SopImportAdministration>();
        var admin = await app.IdAsync(DemoPeople.Administrator);
        var saving = Stopwatch.StartNew();
        var saved = await administration.SaveAsync(first, "tiga-puluh-langkah.txt", admin);
        saving.Stop();
        Assert.True(saved.Result.Succeeded, saved.Result.Message);

        output.WriteLine($"30-step SOP ({text.Length:N0} characters of text, .docx {docx.Length / 1024.0:N1} KB, .xlsx {xlsx.Length / 1024.0:N1} KB), read and parsed, min / median / p95 over {Repeats} runs after the first:");
        output.WriteLine($"  pasted text: first {textTimes[0]:F1} ms, then {Figures.Summary(textTimes.Skip(1).ToList())}");
        output.WriteLine($"  .docx:       first {docxTimes[0]:F1} ms, then {Figures.Summary(docxTimes.Skip(1).ToList())}");
        output.WriteLine($"  .xlsx:       first {xlsxTimes[0]:F1} ms, then {Figures.Summary(xlsxTimes.Skip(1).ToList())}");
        output.WriteLine($"  save as a new SOP (one transaction, SQLite): {saving.Elapsed.TotalMilliseconds:F0} ms");
    }

    private static (SopDraft First, List<double> Milliseconds) Time(Func<SopDraft> parse)
    {
        SopDraft? first = null;
        var times = new List<double>();
        for (var i = 0; i <= Repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            var draft = parse();
            watch.Stop();
            first ??= draft;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return (first!, times);
    }
}
