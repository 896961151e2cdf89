using Microsoft.Playwright;
using Portal.Domain;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Board;

/// <summary>The board as people use it: real Chromium, real mouse drags, two people watching each other.</summary>
[Trait("Category", "Browser")]
public sealed class BoardBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    /// <summary>A new innovation at step 1 whose output (hasil kajian) is already attached.</summary>
    private async Task<(int Id, long Version)> NewInnovationAsync(string title)
    {
        var workflow = session.App.Get<WorkflowService>();
        var fungsional = await session.App.IdAsync(DemoPeople.FungsionalPdip);
        var created = await workflow.CreateAsync(WorkflowServiceTests.Details(title), fungsional);
        Assert.True(created.Succeeded, created.Message);
        await session.App.AttachAsync(created.InnovationId!.Value, fungsional);
        return (created.InnovationId!.Value, created.Version!.Value);
    }

    private static ILocator Card(IPage page, int id) => page.GetByTestId($"card-{id}");

    private static ILocator Zone(IPage page, string zone) => page.Locator($"[data-testid=zone-{zone}]");

    private static ILocator MenuButton(IPage page, int id) => page.GetByTestId($"card-menu-{id}").GetByRole(AriaRole.Button);

    /// <summary>Another Pejabat Fungsional of the same bidang advances the innovation, through the one write path.</summary>
    private async Task MoveAsOtherPersonAsync(int id, long version)
    {
        var colleague = await session.App.IdAsync(DemoPeople.FungsionalPdip2);
        var moved = await session.App.Get<WorkflowService>().MoveAsync(new MoveCommand(id, version, WorkflowActionKind.Advance), colleague);
        Assert.True(moved.Succeeded, moved.Message);
    }

    private async Task<string> OtherPersonAsync() => (await session.App.UserAsync(DemoPeople.FungsionalPdip2)).FullName;

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task Dragging_a_card_to_the_next_step_moves_it_and_a_Kepala_Bidang_board_follows_without_reload()
    {
        var (id, _) = await NewInnovationAsync("Uji seret langkah satu ke dua");
        var fungsional = await session.SignInAsync(DemoPeople.FungsionalPdip);
        var kabid = await session.SignInAsync(DemoPeople.KabidPdip);
        await BrowserSession.WaitForBoardAsync(fungsional);
        await BrowserSession.WaitForBoardAsync(kabid);
        await Assertions.Expect(Zone(kabid, "1").Locator($"[data-testid=card-{id}]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(fungsional, "board-fungsional-before-drag");

        await Card(fungsional, id).DragToAsync(Zone(fungsional, "2"));
        await Assertions.Expect(fungsional.GetByTestId("move-dialog")).ToBeVisibleAsync();
        await Assertions.Expect(fungsional.GetByTestId("move-dialog")).ToContainTextAsync("Hasil identifikasi dan kajian");
        await fungsional.GetByTestId("move-confirm").ClickAsync();

        await Assertions.Expect(Zone(fungsional, "2").Locator($"[data-testid=card-{id}]")).ToBeVisibleAsync();
        await Assertions.Expect(Zone(kabid, "2").Locator($"[data-testid=card-{id}]")).ToBeVisibleAsync();
        await Assertions.Expect(Card(kabid, id)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("card-highlight"));
        await BrowserSession.ScreenshotAsync(kabid, "board-kabid-sees-move-live");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task An_illegal_drag_that_skips_a_step_snaps_back_with_the_reason()
    {
        var (id, _) = await NewInnovationAsync("Uji seret melompat");
        var page = await session.SignInAsync(DemoPeople.FungsionalPdip);
        await BrowserSession.WaitForBoardAsync(page);

        // While the card is held over step 3, the next step lights up as the legal drop and the skipped one does not.
        await Card(page, id).HoverAsync();
        await page.Mouse.DownAsync();
        await Zone(page, "3").HoverAsync();
        await Assertions.Expect(Zone(page, "2")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bzone-legal\b"));
        await Assertions.Expect(Zone(page, "3")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bzone-illegal\b"));
        await BrowserSession.ScreenshotAsync(page, "board-drag-highlight");
        await page.Mouse.UpAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Tidak boleh melompati langkah");
        await Assertions.Expect(page.Locator(".zone-dragging")).ToHaveCountAsync(0);
        await Assertions.Expect(Zone(page, "1").Locator($"[data-testid=card-{id}]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "board-illegal-drag-refused");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_keyboard_alone_advances_a_card_and_every_focused_control_shows_its_focus()
    {
        var (id, _) = await NewInnovationAsync("Uji menu papan ketik");
        var page = await session.SignInAsync(DemoPeople.FungsionalPdip);
        await BrowserSession.WaitForBoardAsync(page);

        // Tab from the top of the page to the card's menu button, as a person without a mouse would.
        var menuButton = MenuButton(page, id);
        await TabUntilFocusedAsync(page, menuButton);
        await AssertFocusVisibleAsync(page, "the card's menu button");

        // Enter opens the menu and the first move takes the focus; Enter chooses it.
        await page.Keyboard.PressAsync("Enter");
        var action = page.GetByTestId($"card-action-{id}-Advance");
        await Assertions.Expect(action).ToContainTextAsync("Lanjutkan ke langkah 2");
        await Assertions.Expect(action).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page, "the move in the open menu");
        await page.Keyboard.PressAsync("Enter");

        // The dialog opens with the focus inside it, on the note.
        var dialog = page.GetByTestId("move-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("move-text")).ToBeFocusedAsync();
        await AssertFocusVisibleAsync(page, "the note in the dialog");
        await page.Keyboard.TypeAsync("Kajian selesai dan diunggah.");
        await Assertions.Expect(page.GetByTestId("move-text")).ToHaveValueAsync("Kajian selesai dan diunggah.");

        // Tab past "Batal" to the confirm button, then Enter.
        var confirm = page.GetByTestId("move-confirm");
        await TabUntilFocusedAsync(page, confirm, maxPresses: 5);
        await AssertFocusVisibleAsync(page, "the confirm button");
        await BrowserSession.ScreenshotAsync(page, "board-keyboard-confirm-focused");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(Zone(page, "2").Locator($"[data-testid=card-{id}]")).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    /// <summary>Presses Tab until the element has the focus; fails when it does not come within the presses allowed.</summary>
    private static async Task TabUntilFocusedAsync(IPage page, ILocator target, int maxPresses = 300)
    {
        for (var presses = 0; presses < maxPresses; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab did not reach {target} in {maxPresses} presses.");
    }

    /// <summary>
    /// The focused element draws a focus ring a person can see: a solid, non-transparent outline at least 2 px wide.
    /// (A box shadow is not taken as proof: filled buttons carry one whether focused or not.)
    /// </summary>
    private static async Task AssertFocusVisibleAsync(IPage page, string what)
    {
        var ring = await page.EvaluateAsync<string>("""
            () => {
                const e = document.activeElement;
                if (!e || e === document.body) return 'nothing has the focus';
                const s = getComputedStyle(e);
                const visible = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
                    && !/rgba\(.*,\s*0\)$/.test(s.outlineColor) && s.outlineColor !== 'transparent';
                return visible ? '' : `${e.tagName.toLowerCase()} "${(e.textContent || '').trim().slice(0, 40)}": outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}, box-shadow ${s.boxShadow}`;
            }
            """);
        Assert.True(ring.Length == 0, $"No visible focus on {what}: {ring}");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task An_open_card_menu_stays_open_while_another_persons_move_re_renders_the_board()
    {
        var (mine, _) = await NewInnovationAsync("Uji menu tetap terbuka");
        var (other, otherVersion) = await NewInnovationAsync("Uji kartu lain dipindahkan");
        var page = await session.SignInAsync(DemoPeople.FungsionalPdip);
        await BrowserSession.WaitForBoardAsync(page);
        await MenuButton(page, mine).ClickAsync();
        var action = page.GetByTestId($"card-action-{mine}-Advance");
        await Assertions.Expect(action).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "board-card-menu-open");

        // A colleague moves the other card out of the same cell; this board follows it live.
        await MoveAsOtherPersonAsync(other, otherVersion);
        await Assertions.Expect(Zone(page, "2").Locator($"[data-testid=card-{other}]")).ToBeVisibleAsync();

        Assert.True(await action.IsVisibleAsync(), "the menu closed when the board re-rendered");
        await action.ClickAsync();
        await page.GetByTestId("move-confirm").ClickAsync();
        await Assertions.Expect(Zone(page, "2").Locator($"[data-testid=card-{mine}]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Inovasi dilanjutkan ke langkah 2");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task An_open_move_dialog_survives_another_persons_move_and_confirms()
    {
        var (mine, _) = await NewInnovationAsync("Uji dialog tetap terbuka");
        var (other, otherVersion) = await NewInnovationAsync("Uji kartu lain saat dialog terbuka");
        var page = await session.SignInAsync(DemoPeople.FungsionalPdip);
        await BrowserSession.WaitForBoardAsync(page);
        await MenuButton(page, mine).ClickAsync();
        await page.GetByTestId($"card-action-{mine}-Advance").ClickAsync();
        await page.GetByTestId("move-text").FillAsync("Catatan yang sedang ditulis.");

        await MoveAsOtherPersonAsync(other, otherVersion);
        await Assertions.Expect(Zone(page, "2").Locator($"[data-testid=card-{other}]")).ToBeVisibleAsync();

        Assert.Equal("Catatan yang sedang ditulis.", await page.GetByTestId("move-text").InputValueAsync());
        await page.GetByTestId("move-confirm").ClickAsync();
        await Assertions.Expect(Zone(page, "2").Locator($"[data-testid=card-{mine}]")).ToBeVisibleAsync();
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task When_another_person_moves_the_card_whose_menu_is_open_the_menu_closes_and_says_who_moved_it()
    {
        var (id, version) = await NewInnovationAsync("Uji kartu dipindahkan orang lain");
        var page = await session.SignInAsync(DemoPeople.FungsionalPdip);
        await BrowserSession.WaitForBoardAsync(page);
        await MenuButton(page, id).ClickAsync();
        await Assertions.Expect(page.GetByTestId($"card-action-{id}-Advance")).ToBeVisibleAsync();

        await MoveAsOtherPersonAsync(id, version);

        await Assertions.Expect(page.Locator(".mud-snackbar"))
            .ToContainTextAsync($"Inovasi \"Uji kartu dipindahkan orang lain\" sudah dipindahkan oleh {await OtherPersonAsync()} pada ");
        await Assertions.Expect(page.GetByTestId($"card-action-{id}-Advance")).ToHaveCountAsync(0);
        await Assertions.Expect(Zone(page, "2").Locator($"[data-testid=card-{id}]")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "board-menu-closed-card-moved-by-colleague");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task When_another_person_moves_the_card_of_an_open_move_dialog_the_dialog_closes_and_says_who_moved_it()
    {
        var (id, version) = await NewInnovationAsync("Uji dialog kartu dipindahkan orang lain");
        var page = await session.SignInAsync(DemoPeople.FungsionalPdip);
        await BrowserSession.WaitForBoardAsync(page);
        await MenuButton(page, id).ClickAsync();
        await page.GetByTestId($"card-action-{id}-Advance").ClickAsync();
        await Assertions.Expect(page.GetByTestId("move-dialog")).ToBeVisibleAsync();

        await MoveAsOtherPersonAsync(id, version);

        await Assertions.Expect(page.Locator(".mud-snackbar"))
            .ToContainTextAsync($"Inovasi \"Uji dialog kartu dipindahkan orang lain\" sudah dipindahkan oleh {await OtherPersonAsync()} pada ");
        await Assertions.Expect(page.GetByTestId("move-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(Zone(page, "2").Locator($"[data-testid=card-{id}]")).ToBeVisibleAsync();
        await using var db = session.App.CreateDbContext();
        Assert.Equal(1, db.AuditEntries.Count(a => a.InnovationId == id && a.Action == Portal.Data.Entities.AuditActions.StepAdvanced));
    }

    // The filter selects render their items only while open (every open board holds them closed): a person still picks
    // from the list with the mouse or the keyboard, and a reopened address shows the chosen names.
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task A_Kepala_Dinas_filters_the_board_by_bidang_with_the_mouse_and_by_status_with_the_keyboard()
    {
        var (pdip, _) = await NewInnovationAsync("Uji saringan bidang PDIP");
        var dafdukPerson = await session.App.IdAsync(DemoPeople.FungsionalDafduk);
        var created = await session.App.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details("Uji saringan bidang Dafduk"), dafdukPerson);
        Assert.True(created.Succeeded, created.Message);
        var dafduk = created.InnovationId!.Value;
        var page = await session.SignInAsync(DemoPeople.KepalaDinas);
        await BrowserSession.WaitForBoardAsync(page);
        await Assertions.Expect(Card(page, pdip)).ToBeVisibleAsync();

        await page.GetByTestId("filter-bidang").ClickAsync();
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(options.First).ToHaveTextAsync("Semua bidang");
        await options.GetByText("Bidang Pelayanan Pendaftaran Penduduk").ClickAsync();

        await Assertions.Expect(Card(page, dafduk)).ToBeVisibleAsync();
        await Assertions.Expect(Card(page, pdip)).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?bidang=\d+$"));
        foreach (var meta in await page.Locator(".board-card .card-meta").AllInnerTextsAsync()) Assert.StartsWith("Dafduk", meta);

        await page.GetByTestId("filter-status").ClickAsync();
        await Assertions.Expect(options.First).ToHaveTextAsync("Semua status");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"status=terlambat"));
        await Assertions.Expect(Card(page, dafduk)).ToHaveCountAsync(0); // new today: not late

        await page.ReloadAsync();
        await BrowserSession.WaitForBoardAsync(page);
        await Assertions.Expect(page.GetByTestId("filter-bidang")).ToHaveValueAsync("Bidang Pelayanan Pendaftaran Penduduk");
        await Assertions.Expect(page.GetByTestId("filter-status")).ToHaveValueAsync("Terlambat");
        await BrowserSession.ScreenshotAsync(page, "board-filtered-by-bidang-and-status");
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task A_Kepala_Bidang_returns_a_card_with_a_reason_and_the_fungsional_sees_the_returned_badge()
    {
        var (id, version) = await NewInnovationAsync("Uji pengembalian konsep");
        var workflow = session.App.Get<WorkflowService>();
        var fungsionalId = await session.App.IdAsync(DemoPeople.FungsionalPdip);
        version = (await workflow.MoveAsync(new MoveCommand(id, version, WorkflowActionKind.Advance), fungsionalId)).Version!.Value;
        await session.App.AttachAsync(id, fungsionalId, "konsep inovasi.pdf");
        await workflow.MoveAsync(new MoveCommand(id, version, WorkflowActionKind.Advance), fungsionalId);

        var fungsional = await session.SignInAsync(DemoPeople.FungsionalPdip);
        var kabid = await session.SignInAsync(DemoPeople.KabidPdip);
        await BrowserSession.WaitForBoardAsync(fungsional);
        await BrowserSession.WaitForBoardAsync(kabid);
        await Card(kabid, id).DragToAsync(Zone(kabid, "2"));
        await Assertions.Expect(kabid.GetByTestId("move-dialog")).ToContainTextAsync("dikembalikan ke langkah 2");
        await kabid.GetByTestId("move-confirm").ClickAsync();
        await Assertions.Expect(kabid.GetByTestId("move-dialog")).ToContainTextAsync("minimal 10 karakter");
        await kabid.GetByTestId("move-text").FillAsync("Konsep belum memuat jadwal uji coba.");
        await kabid.GetByTestId("move-confirm").ClickAsync();

        var returned = Zone(fungsional, "2").Locator($"[data-testid=card-{id}]");
        await Assertions.Expect(returned).ToBeVisibleAsync();
        await Assertions.Expect(returned.GetByTestId("returned-badge")).ToHaveTextAsync("↩ dikembalikan ×1");
        await BrowserSession.ScreenshotAsync(fungsional, "board-fungsional-sees-returned");

        await fungsional.GotoAsync($"{session.BaseUrl}/inovasi/{id}");
        await Assertions.Expect(fungsional.GetByTestId("tracker-returns")).ToContainTextAsync("Konsep belum memuat jadwal uji coba.");
        await BrowserSession.ScreenshotAsync(fungsional, "detail-tracker-after-return");
    }
}

[Trait("Category", "Browser")]
public sealed class StepOutputBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task Without_its_output_a_card_says_so_and_the_fungsional_uploads_it_on_the_detail_page_then_advances()
    {
        var workflow = session.App.Get<WorkflowService>();
        var fungsional = await session.App.IdAsync(DemoPeople.FungsionalPdip);
        var created = await workflow.CreateAsync(WorkflowServiceTests.Details("Uji lampiran wajib"), fungsional);
        var id = created.InnovationId!.Value;

        var page = await session.SignInAsync(DemoPeople.FungsionalPdip);
        await BrowserSession.WaitForBoardAsync(page);
        var card = page.GetByTestId($"card-{id}");
        await Assertions.Expect(card.GetByTestId("output-missing-badge")).ToBeVisibleAsync();
        await card.DragToAsync(page.Locator("[data-testid=zone-2]"));
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("belum dilampirkan");

        await page.GotoAsync($"{session.BaseUrl}/inovasi/{id}");
        await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("output-missing")).ToBeVisibleAsync();
        var path = Path.Combine(Path.GetTempPath(), "hasil kajian.pdf");
        await File.WriteAllBytesAsync(path, Portal.Data.DemoDocument.Pdf("Hasil identifikasi dan kajian"));
        await BrowserSession.ChooseFilesAsync(page.Locator("[data-testid=outputs-panel] input[type=file]").First, path);
        await Assertions.Expect(page.GetByTestId("outputs-panel")).ToContainTextAsync("hasil kajian.pdf");
        await Assertions.Expect(page.GetByTestId("output-missing")).ToHaveCountAsync(0);

        await page.GetByTestId("action-Advance").ClickAsync();
        await page.GetByTestId("move-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("tracker-step-2")).ToHaveAttributeAsync("data-state", "current");
        await BrowserSession.ScreenshotAsync(page, "detail-after-upload-and-advance");
    }
}
