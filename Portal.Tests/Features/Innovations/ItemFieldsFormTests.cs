using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain;
using Portal.Features.Innovations;

namespace Portal.Tests.Features.Innovations;

/// <summary>The item fields form and view as a person meets them: the input each type needs, its messages, what a submit hands over.</summary>
public sealed class ItemFieldsFormTests : IAsyncLifetime
{
    private const long MaxFileBytes = 2 * 1024 * 1024;

    private static readonly ItemFieldPerson Petugas = new("id-petugas", "Rina Marlina, A.Md.");

    private static readonly ItemFieldDefinition[] Fields =
    [
        new("nomor", "Nomor surat", ItemFieldType.Text, Required: true),
        new("uraian", "Uraian", ItemFieldType.LongText),
        new("tanggal", "Tanggal surat", ItemFieldType.Date, Required: true),
        new("jumlah", "Jumlah berkas", ItemFieldType.Number),
        new("biaya", "Biaya", ItemFieldType.Rupiah, Required: true),
        new("jenis", "Jenis permohonan", ItemFieldType.Choice, Required: true, Options: ["Baru", "Perpanjangan"]),
        new("petugas", "Petugas loket", ItemFieldType.Person),
        new("surat", "Surat permohonan", ItemFieldType.File, Required: true),
    ];

    private readonly BunitContext context = new();
    private readonly List<ItemFieldsSubmission> submissions = [];

    public ItemFieldsFormTests()
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private IRenderedComponent<ItemFieldsForm> RenderForm(IReadOnlyDictionary<string, string>? values = null)
    {
        context.Render<MudPopoverProvider>();
        return context.Render<ItemFieldsForm>(p => p
            .Add(f => f.Fields, Fields)
            .Add(f => f.People, [Petugas])
            .Add(f => f.MaxFileBytes, MaxFileBytes)
            .Add(f => f.Values, values)
            .Add(f => f.OnSubmit, submission => submissions.Add(submission)));
    }

    // Text inputs update as the person types; the date picker's input when it is left.
    private static void Type(IRenderedComponent<ItemFieldsForm> form, string key, string text)
    {
        var input = form.Find($"[data-testid=item-field-{key}] input, [data-testid=item-field-{key}] textarea");
        if (key == "tanggal") input.Change(text);
        else input.Input(text);
    }

    private static void Choose(IRenderedComponent<ItemFieldsForm> form, int fileInput, InputFileContent file) =>
        form.FindComponents<InputFile>()[fileInput].UploadFiles(file);

    private static string ErrorOf(IRenderedComponent<ItemFieldsForm> form, string key) =>
        string.Join(" ", form.FindAll($"[data-testid=item-field-{key}] .mud-input-helper-text.mud-input-error .me-auto").Select(e => e.TextContent.Trim()));

    private static InputFileContent Pdf(string name = "Surat permohonan.pdf") => InputFileContent.CreateFromText("%PDF-1.4\n%isi uji\n", name);

    [Fact]
    public void Bad_input_shows_each_message_under_its_field_and_nothing_is_submitted()
    {
        var form = RenderForm();
        Type(form, "biaya", "1.500.000,50");
        Type(form, "jumlah", "12.5");

        form.Find("[data-testid=item-fields-submit]").Click();

        form.WaitForAssertion(() => Assert.Equal("Biaya harus jumlah rupiah bulat, tanpa sen.", ErrorOf(form, "biaya")));
        Assert.Equal("Jumlah berkas harus berupa angka, mis. 1.250 atau 12,5.", ErrorOf(form, "jumlah"));
        Assert.Equal("Nomor surat wajib diisi.", ErrorOf(form, "nomor"));
        Assert.Equal("Tanggal surat wajib diisi.", ErrorOf(form, "tanggal"));
        Assert.Equal("Jenis permohonan wajib dipilih.", ErrorOf(form, "jenis"));
        Assert.Equal("Surat permohonan wajib dilampirkan.", ErrorOf(form, "surat"));
        Assert.Equal("", ErrorOf(form, "uraian"));
        Assert.Empty(submissions);
    }

    [Fact]
    public void A_file_of_a_type_not_accepted_or_too_large_is_refused_before_anything_is_sent()
    {
        var form = RenderForm(new Dictionary<string, string> { ["jenis"] = "Baru" });
        Type(form, "nomor", "470/12/2026");
        Type(form, "tanggal", "01/12/2026");
        Type(form, "biaya", "0");

        Choose(form, 0, InputFileContent.CreateFromText("MZ", "pemohon.exe"));
        form.Find("[data-testid=item-fields-submit]").Click();
        form.WaitForAssertion(() => Assert.Equal(
            "Surat permohonan: Jenis berkas tidak diterima. Yang diterima: PDF, DOCX, XLSX, JPG, PNG.", ErrorOf(form, "surat")));

        Choose(form, 0, InputFileContent.CreateFromBinary(new byte[MaxFileBytes + 1], "besar.pdf"));
        form.Find("[data-testid=item-fields-submit]").Click();
        form.WaitForAssertion(() => Assert.Equal("Surat permohonan: Berkas terlalu besar: paling besar 2 MB.", ErrorOf(form, "surat")));
        Assert.Empty(submissions);
    }

    [Fact]
    public async Task Good_input_is_handed_over_as_typed_with_the_chosen_file()
    {
        var form = RenderForm(new Dictionary<string, string> { ["jenis"] = "Perpanjangan", ["petugas"] = Petugas.Id });
        Type(form, "nomor", "470/12/2026");
        Type(form, "uraian", "Perpanjangan izin\nlengkap");
        Type(form, "tanggal", "01/12/2026");
        Type(form, "jumlah", "1.250");
        Type(form, "biaya", "Rp 1.500.000");
        Choose(form, 0, Pdf());

        form.Find("[data-testid=item-fields-submit]").Click();

        form.WaitForAssertion(() => Assert.Single(submissions));
        var submission = submissions[0];
        Assert.Equal(new Dictionary<string, string?>
        {
            ["nomor"] = "470/12/2026",
            ["uraian"] = "Perpanjangan izin\nlengkap",
            ["tanggal"] = "2026-12-01",
            ["jumlah"] = "1.250",
            ["biaya"] = "Rp 1.500.000",
            ["jenis"] = "Perpanjangan",
            ["petugas"] = Petugas.Id,
        }, submission.Values);
        var file = Assert.Single(submission.Files);
        Assert.Equal(("surat", "Surat permohonan.pdf"), (file.Key, file.Value.FileName));
        await using var content = file.Value.OpenRead();
        using var reader = new StreamReader(content);
        Assert.StartsWith("%PDF-1.4", await reader.ReadToEndAsync());

        // The same values pass the server's check, which stores them in their plain form.
        var check = ItemFieldRules.Check(Fields.Where(f => f.Type != ItemFieldType.File).ToList(), submission.Values,
            new ItemFieldContext(new HashSet<string> { Petugas.Id }, new HashSet<Guid>()));
        Assert.True(check.IsValid, string.Join(" ", check.Problems.Values));
        Assert.Equal(("1500000", "1250", "2026-12-01"), (check.Values["biaya"], check.Values["jumlah"], check.Values["tanggal"]));
    }

    [Fact]
    public void Stored_values_fill_the_form_as_a_person_writes_them()
    {
        var form = RenderForm(new Dictionary<string, string> { ["biaya"] = "1500000", ["tanggal"] = "2026-12-01", ["petugas"] = Petugas.Id });

        Assert.Equal("1.500.000", form.Find("[data-testid=item-field-biaya] input").GetAttribute("value"));
        Assert.Equal("01/12/2026", form.Find("[data-testid=item-field-tanggal] input").GetAttribute("value"));
        Assert.Equal(Petugas.Name, form.Find("[data-testid=item-field-petugas] input").GetAttribute("value"));
    }

    [Fact]
    public void Problems_the_server_found_after_a_submit_are_listed()
    {
        context.Render<MudPopoverProvider>();
        var form = context.Render<ItemFieldsForm>(p => p
            .Add(f => f.Fields, Fields)
            .Add(f => f.People, [])
            .Add(f => f.MaxFileBytes, MaxFileBytes)
            .Add(f => f.Problems, new Dictionary<string, string> { ["surat"] = "Surat permohonan: Isi berkas tidak sesuai dengan jenisnya \".pdf\"." })
            .Add(f => f.OnSubmit, _ => { }));

        Assert.Contains("Isi berkas tidak sesuai dengan jenisnya", form.Find("[data-testid=item-fields-problems]").TextContent);
    }

    [Fact]
    public void The_view_shows_each_value_in_words_with_files_as_links()
    {
        var attachment = Guid.NewGuid();
        var view = context.Render<ItemFieldsView>(p => p
            .Add(v => v.Fields, Fields)
            .Add(v => v.Values, new Dictionary<string, string>
            {
                ["nomor"] = "470/12/2026", ["tanggal"] = "2026-12-01", ["jumlah"] = "1250.5", ["biaya"] = "1500000",
                ["jenis"] = "Baru", ["petugas"] = Petugas.Id, ["surat"] = attachment.ToString(),
            })
            .Add(v => v.Names, new ItemFieldNames(
                new Dictionary<string, string> { [Petugas.Id] = Petugas.Name },
                new Dictionary<Guid, string> { [attachment] = "Surat permohonan.pdf" })));

        string Value(string key) => view.Find($"[data-testid=item-value-{key}]").TextContent.Trim();
        Assert.Equal("470/12/2026", Value("nomor"));
        Assert.Equal("—", Value("uraian"));
        Assert.Equal("1 Desember 2026", Value("tanggal"));
        Assert.Equal("1.250,5", Value("jumlah"));
        Assert.Equal("Rp 1.500.000", Value("biaya"));
        Assert.Equal(Petugas.Name, Value("petugas"));
        var link = view.Find("[data-testid=item-value-surat] a");
        Assert.Equal(("Surat permohonan.pdf", $"/lampiran/{attachment}"), (link.TextContent, link.GetAttribute("href")));
        Assert.Equal(Fields.Select(f => f.Label), view.FindAll("dt").Select(d => d.TextContent));
    }
}
