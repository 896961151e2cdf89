using Microsoft.Playwright;
using Portal.Data;
using Portal.Features.Workflow;
using Portal.Tests.Domain.SopImport;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Features.Admin.SopImport;

/// <summary>An administrator imports an SOP through the real page in Chromium.</summary>
[Trait("Category", "Browser")]
public sealed class SopImportBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_administrator_pastes_a_table_confirms_the_pelaksana_and_saves_a_new_SOP()
    {
        var page = await session.SignInAsync(DemoPeople.Administrator, width: 1600, height: 1000);
        await OpenAsync(page);
        var sop = SyntheticSop.FourPelaksana(marked: false) with { Nomor = "800/031/SOP/DKPS/2025", Judul = "Penerbitan Akta Kelahiran Uji Peramban" };

        await page.GetByTestId("import-paste").FillAsync(sop.Text());
        await page.GetByTestId("import-read-text").ClickAsync();

        var problems = page.GetByTestId("import-problems");
        await Expect(problems).ToContainTextAsync("Langkah 3: pastikan pelaksananya (usulan: Pejabat Fungsional).");
        await Expect(page.GetByTestId("import-save")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("import-step-0").GetByTestId("step-duration")).ToHaveTextAsync("→ 30 menit kerja");
        await Expect(page.GetByTestId("import-step-4").GetByTestId("step-duration")).ToHaveTextAsync("→ 3 hari kalender");

        await page.GetByTestId("confirm-all").ClickAsync();
        await ChooseAsync(page, page.GetByTestId("import-step-1").GetByTestId("step-pelaksana"), "Pejabat Fungsional");
        await ChooseAsync(page, page.GetByTestId("import-step-2").GetByTestId("step-pelaksana"), "Kepala Seksi");
        await Expect(page.GetByTestId("import-clean")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "admin-sop-impor-pratinjau");

        await page.GetByTestId("import-save").ClickAsync();

        await Expect(page.GetByTestId("import-saved")).ToContainTextAsync("SOP Penerbitan Akta Kelahiran Uji Peramban disimpan sebagai SOP baru (versi 1) dengan 5 langkah.");
        var stored = (await session.App.Get<SopCatalog>().ListAsync()).Single(s => s.Title == "Penerbitan Akta Kelahiran Uji Peramban");
        var (_, document) = await session.App.Get<SopCatalog>().CurrentAsync(stored.Id);
        Assert.Equal([0, 1, 2, 3, 0], document.Steps.Select(s => s.Pelaksana));
        Assert.Equal(2, document.Steps[2].ReturnToStep);

        // The administrator adds what an item of the new SOP records, in the SOP editor: version 2.
        await page.GetByTestId("import-saved-editor").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/admin/sop/{stored.Slug}"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ubah SOP Penerbitan Akta Kelahiran Uji Peramban");
        await page.GetByTestId("field-add").ClickAsync();
        var field = page.GetByTestId("item-field-edit-0");
        await field.GetByTestId("field-label").FillAsync("Nama ibu kandung");
        await field.GetByTestId("field-required").CheckAsync();
        await page.GetByTestId("sop-change-note").FillAsync("Isian permohonan akta kelahiran (uji peramban).");
        await page.GetByTestId("sop-change-note").BlurAsync();
        await Expect(page.GetByTestId("sop-pending-changes")).ToContainTextAsync("isian \"Nama ibu kandung\" ditambahkan");
        await page.GetByTestId("sop-save").ClickAsync();
        await Expect(page.GetByTestId("sop-current-version")).ToContainTextAsync("Versi berlaku: 2");
        await BrowserSession.ScreenshotAsync(page, "admin-sop-isian");

        // A fungsional starts an item of it with the form its fields make, gives the first step's output, and drags it on.
        var fungsional = await session.SignInAsync(DemoPeople.FungsionalPdip);
        await fungsional.GotoAsync($"{session.BaseUrl}/inovasi/baru/{stored.Slug}");
        await BrowserSession.WaitForInteractiveAsync(fungsional);
        await fungsional.GetByTestId("item-field-judul").Locator("input").FillAsync("Akta kelahiran a.n. Ayu Lestari");
        await fungsional.GetByTestId("item-fields-submit").ClickAsync();
        await Expect(fungsional.GetByTestId("item-field-nama_ibu_kandung")).ToContainTextAsync("Nama ibu kandung wajib diisi.");
        await fungsional.GetByTestId("item-field-nama_ibu_kandung").Locator("input").FillAsync("Siti Rahmawati");
        // As a person sees it: the server took the name once its "wajib diisi" goes. Clicking Mulai before that, the
        // click's validation can run while the typing is still being handled, and finds the field empty.
        await Expect(fungsional.GetByTestId("item-field-nama_ibu_kandung")).Not.ToContainTextAsync("wajib diisi");
        await BrowserSession.ScreenshotAsync(fungsional, "pelaksanaan-baru-isian");
        await fungsional.GetByTestId("item-fields-submit").ClickAsync();
        await WaitForStartedItemAsync(fungsional);
        await BrowserSession.WaitForInteractiveAsync(fungsional);
        await Expect(fungsional.GetByTestId("item-fields")).ToContainTextAsync("Siti Rahmawati");
        var itemId = int.Parse(fungsional.Url[(fungsional.Url.LastIndexOf('/') + 1)..]);
        await BrowserSession.ChooseFilesAsync(fungsional.Locator("[data-testid=outputs-panel] input[type=file]").First, new FilePayload
        {
            Name = "Berkas diterima.pdf", MimeType = "application/pdf", Buffer = DemoDocument.Pdf("Berkas diterima", "Uji peramban"),
        });
        await Expect(fungsional.GetByTestId("output-missing")).ToHaveCountAsync(0);

        await fungsional.GotoAsync($"{session.BaseUrl}/papan/{stored.Slug}");
        await BrowserSession.WaitForBoardAsync(fungsional);
        await Expect(fungsional.Locator("h1")).ToHaveTextAsync("Papan Penerbitan Akta Kelahiran Uji Peramban");
        var card = fungsional.Locator($"[data-testid=zone-1] [data-testid=card-{itemId}]");
        await Expect(card).ToBeVisibleAsync();
        await card.DragToAsync(fungsional.Locator("[data-testid=zone-2]"));
        await Expect(fungsional.GetByTestId("move-dialog")).ToBeVisibleAsync();
        await fungsional.GetByTestId("move-confirm").ClickAsync();
        await Expect(fungsional.Locator($"[data-testid=zone-2] [data-testid=card-{itemId}]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(fungsional, "papan-sop-impor");
    }

    // Seen once in CI under load (not again alone): the item page did not open within 15 s after Mulai. Say what the
    // form showed instead, so that the cause is in the next failure's message.
    private static async Task WaitForStartedItemAsync(IPage page)
    {
        try
        {
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/inovasi/\d+$"));
        }
        catch (TimeoutException)
        {
            await BrowserSession.ScreenshotAsync(page, "pelaksanaan-baru-tidak-terbuka");
            var shown = string.Join(" | ", await page.Locator(".mud-alert, .mud-input-helper-text.mud-input-error, .mud-snackbar").AllInnerTextsAsync());
            var button = await page.GetByTestId("item-fields-submit").IsDisabledAsync() ? "disabled (still saving)" : "enabled";
            throw new TimeoutException($"The new item did not open after Mulai; the page is at {page.Url}, the button is {button}, and shows: {shown}");
        }
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task An_uploaded_workbook_is_previewed_and_a_file_that_is_not_an_SOP_is_refused_in_words()
    {
        var page = await session.SignInAsync(DemoPeople.Administrator, width: 1600, height: 1000);
        await OpenAsync(page);
        var input = page.GetByTestId("import-source").Locator("input[type=file]").First;

        await BrowserSession.ChooseFilesAsync(input, new FilePayload
        {
            Name = "sop-akta.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = SopFormFiles.From(SyntheticSop.FourPelaksana()).Xlsx(),
        });

        await Expect(page.GetByTestId("import-source-name")).ToHaveTextAsync("Dibaca dari: sop-akta.xlsx");
        await Expect(page.GetByTestId("import-clean")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("import-step-3").GetByTestId("step-decision")).ToHaveTextAsync("ditandai di tabel");

        await BrowserSession.ChooseFilesAsync(input, new FilePayload { Name = "sop.docx", MimeType = "application/pdf", Buffer = "%PDF-1.7"u8.ToArray() });

        await Expect(page.GetByTestId("import-refusal")).ToContainTextAsync("Berkas bukan dokumen Word (.docx) atau Excel (.xlsx).");
        await Expect(page.GetByTestId("import-steps")).ToHaveCountAsync(0);
    }

    private async Task OpenAsync(IPage page)
    {
        await page.GotoAsync(session.BaseUrl + "/admin/sop/impor");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Impor SOP dari tabel");
    }

    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
