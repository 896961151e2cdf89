using Microsoft.Playwright;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.E2E;

/// <summary>Opens the main pages as a new user would, at an office PC's and a TV's size, and keeps screenshots.</summary>
[Trait("Category", "Browser")]
public sealed class PageTourTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_board_shows_three_lanes_every_SOP_step_and_the_demo_cards_at_office_and_TV_sizes()
    {
        foreach (var (width, height) in new[] { (1366, 768), (1920, 1080) })
        {
            var page = await session.SignInAsync(DemoPeople.KabidPdip, width, height);
            await Assertions.Expect(page.GetByTestId("lane-0")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("lane-1")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("lane-2")).ToBeVisibleAsync();
            for (var step = 1; step <= 10; step++)
                await Assertions.Expect(page.GetByTestId($"column-{step}")).ToHaveCountAsync(1);
            await using (var db = session.App.CreateDbContext())
            {
                var onBoard = db.Innovations.Count(i => i.Status != Portal.Domain.InnovationStatus.Dibatalkan && i.SopDefinition!.Sop!.RecordKind == Portal.Data.Entities.SopRecordKind.InovasiPelayanan);
                Assert.True(onBoard >= 15);
                await Assertions.Expect(page.Locator(".board-card")).ToHaveCountAsync(onBoard);
            }
            await BrowserSession.ScreenshotAsync(page, $"tour-board-{width}x{height}");
            await page.Context.CloseAsync();
        }
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task A_fungsional_proposes_an_innovation_and_an_invalid_form_is_explained_first()
    {
        var page = await session.SignInAsync(DemoPeople.FungsionalDafduk);
        await page.GotoAsync($"{session.BaseUrl}/inovasi/baru");
        await BrowserSession.WaitForInteractiveAsync(page);
        await page.GetByTestId("field-title").FillAsync("KK");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByText("Judul wajib diisi, minimal 5 karakter.")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "tour-create-invalid");

        await page.GetByTestId("field-title").FillAsync("Layanan Akta Cerai Terpadu Pengadilan Agama");
        await page.GetByTestId("field-summary").FillAsync("Penerbitan akta perceraian langsung setelah putusan pengadilan agama.");
        await page.GetByTestId("field-background").FillAsync("Penduduk harus datang dua kali: ke pengadilan dan ke dinas.");
        await page.GetByTestId("field-goal").FillAsync("Satu kali datang, dokumen selesai.");
        await page.GetByTestId("field-benefit").FillAsync("Menghemat waktu dan biaya penduduk.");
        await page.GetByTestId("save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("innovation-title")).ToHaveTextAsync("Layanan Akta Cerai Terpadu Pengadilan Agama");
        await Assertions.Expect(page.GetByTestId("tracker-step-1")).ToHaveAttributeAsync("data-state", "current");
        await BrowserSession.ScreenshotAsync(page, "tour-detail-new");

        await page.GotoAsync($"{session.BaseUrl}/inovasi");
        await Assertions.Expect(page.GetByText("Layanan Akta Cerai Terpadu Pengadilan Agama")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "tour-list");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task An_unknown_innovation_id_shows_a_friendly_not_found_page()
    {
        var page = await session.SignInAsync(DemoPeople.Pemantau);
        await page.GotoAsync($"{session.BaseUrl}/inovasi/987654");
        await Assertions.Expect(page.GetByTestId("not-found")).ToContainTextAsync("Inovasi tidak ditemukan");
    }
}
