using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Features.Workflow;
using Portal.Tests.Features.Workflow;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Phone;

/// <summary>
/// The portal in the hand: phone-sized Chromium with touch (isMobile), one portal for the class. Every main page fits
/// the screen with no sideways scrolling and no target smaller than a fingertip; the board shows one lane or one step
/// and moves cards by a tap on their menu.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PhoneBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    /// <summary>
    /// What a page does wrong on a phone: the elements reaching past the right edge (outside the wide board and outside
    /// anything that scrolls or clips on its own), and the visible buttons, links and inputs of the page's content smaller
    /// than 44 x 44 CSS px. Excepted as WCAG 2.5.5 allows: a link inside a sentence or block of text (in a paragraph,
    /// or an inline link with other text in its block). A native input that MudBlazor hides under its own control (a
    /// check box) or that sits in a field's box is measured by that control or box.
    /// </summary>
    private const string PhoneProblems = """
        () => {
          const root = document.documentElement;
          const describe = el => {
            const id = el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : (el.id ? '#' + el.id : '');
            const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).slice(0, 3).join('.') : '';
            const text = (el.innerText || el.getAttribute('aria-label') || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
            return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
          };
          const visible = el => {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) return false;
            const style = getComputedStyle(el);
            return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) !== 0;
          };
          const clipped = el => {
            for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
              if (getComputedStyle(up).overflowX !== 'visible' && up.getBoundingClientRect().right <= root.clientWidth + 0.5) return true;
            return false;
          };
          const wide = [];
          if (root.scrollWidth > root.clientWidth)
            for (const el of document.body.querySelectorAll('*')) {
              if (el.closest('.swimlane-scroll') || clipped(el)) continue;
              const r = el.getBoundingClientRect();
              if (r.width > 0 && r.right > root.clientWidth + 0.5 && !(el.parentElement && wide.includes(el.parentElement))) wide.push(el);
            }
          const inline = el => {
            if (el.tagName !== 'A') return false;
            if (el.closest('p')) return true;
            const block = el.parentElement;
            return !!block && (block.innerText || '').trim().length > (el.innerText || '').trim().length + 1 && getComputedStyle(el).display === 'inline';
          };
          const content = document.querySelector('.portal-content') || document.body;
          const small = [];
          for (const el of content.querySelectorAll('button, a[href], [role=button], input:not([type=hidden])')) {
            if (!visible(el) || inline(el) || el.closest('.swimlane-scroll')) continue;
            const target = el.matches('input') ? (el.closest('.mud-button-root, .mud-input, label') || el) : el;
            const r = target.getBoundingClientRect();
            if (r.width < 43.5 || r.height < 43.5) small.push(`${describe(el)} ${Math.round(r.width)}x${Math.round(r.height)}`);
          }
          return {
            scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
            wide: wide.slice(0, 8).map(el => `${describe(el)} right=${Math.round(el.getBoundingClientRect().right)}`),
            small: [...new Set(small)].slice(0, 15),
          };
        }
        """;

    /// <summary>Filled by Playwright from the script's answer (it needs settable properties).</summary>
    private sealed class Problems
    {
        public int ScrollWidth { get; set; }
        public int ClientWidth { get; set; }
        public string[] Wide { get; set; } = [];
        public string[] Small { get; set; } = [];

        public bool Any => ScrollWidth > ClientWidth || Wide.Length > 0 || Small.Length > 0;

        public string Describe(string page) =>
            $"{page}: scrollWidth {ScrollWidth} > clientWidth {ClientWidth}? {ScrollWidth > ClientWidth}"
            + (Wide.Length > 0 ? $"\n  past the right edge: {string.Join("; ", Wide)}" : "")
            + (Small.Length > 0 ? $"\n  smaller than 44x44: {string.Join("; ", Small)}" : "");
    }

    private async Task<IBrowserContext> PhoneAsync(int width, int height) =>
        await session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = true,
            HasTouch = true,
            Locale = "id-ID",
            TimezoneId = "Asia/Makassar",
        });

    private async Task<IPage> SignInOnPhoneAsync(string nip, int width, int height)
    {
        var page = await (await PhoneAsync(width, height)).NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync($"{session.BaseUrl}/akun/masuk");
        await page.FillAsync("#nip", nip);
        await page.FillAsync("#password", Portal.Data.DemoData.Password);
        await page.GetByTestId("signin-submit").TapAsync();
        await page.WaitForURLAsync(url => !url.Contains("/akun/masuk"));
        await BrowserSession.WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>Opens the page, waits until it is live and has loaded what it shows, and returns what is wrong with it on a phone.</summary>
    private static async Task<Problems> OpenAndCheckAsync(IPage page, string baseUrl, string path, bool interactive = true)
    {
        await page.GotoAsync(baseUrl + path);
        if (interactive) await BrowserSession.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".portal-content .mud-progress-linear")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "phone-360" + path.Replace('/', '-'));
        return await page.EvaluateAsync<Problems>(PhoneProblems);
    }

    /// <summary>
    /// What the phone's screen shows. Not full-page: in our runs Playwright drew an emulated phone's full page without
    /// the touch-screen styles (pointer: coarse) that the page had while the test measured it.
    /// </summary>
    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ArtifactsDirectory, name + ".png") });

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task Every_main_page_fits_a_360_px_phone_without_sideways_scrolling_and_with_fingertip_sized_targets()
    {
        int someInnovation;
        await using (var db = session.App.CreateDbContext())
            someInnovation = await db.Innovations.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var found = new List<string>();
        async Task CheckAsync(IPage page, string path, bool interactive = true)
        {
            var problems = await OpenAndCheckAsync(page, session.BaseUrl, path, interactive);
            if (problems.Any) found.Add(problems.Describe(path));
        }

        var stranger = await (await PhoneAsync(360, 740)).NewPageAsync();
        await CheckAsync(stranger, "/akun/masuk", interactive: false);

        var kadis = await SignInOnPhoneAsync(DemoPeople.KepalaDinas, 360, 740);
        foreach (var path in new[] { "/menunggu", "/inovasi", $"/inovasi/{someInnovation}", "/sop", "/notifikasi", "/laporan", "/dasbor", "/papan" })
            await CheckAsync(kadis, path);
        await CheckAsync(kadis, "/akun/ganti-sandi", interactive: false);

        var fungsional = await SignInOnPhoneAsync(DemoPeople.FungsionalPdip, 360, 740);
        await CheckAsync(fungsional, "/inovasi/baru");

        var admin = await SignInOnPhoneAsync(DemoPeople.Administrator, 360, 740);
        foreach (var path in new[] { "/admin/pengguna", "/admin/plh", "/admin/bidang", "/admin/jabatan", "/admin/kantor", "/admin/libur", "/admin/sop",
                                     "/admin/sop/impor", "/admin/pengaturan", "/admin/peringatan", "/admin/audit", "/admin/kesehatan", "/admin/cadangan" })
            await CheckAsync(admin, path);

        Assert.True(found.Count == 0, "At 360 px on a touch screen:\n" + string.Join("\n", found));
    }

    private async Task<int> NewInnovationWithOutputAsync(string title)
    {
        var fungsional = await session.App.IdAsync(DemoPeople.FungsionalPdip);
        var created = await session.App.Get<WorkflowService>().CreateAsync(WorkflowServiceTests.Details(title), fungsional);
        Assert.True(created.Succeeded, created.Message);
        await session.App.AttachAsync(created.InnovationId!.Value, fungsional);
        return created.InnovationId!.Value;
    }

    private static async Task AssertFingertipSizedAsync(ILocator target, string what)
    {
        var box = await target.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width >= 43.5 && box.Height >= 43.5, $"{what} is {box.Width:0}x{box.Height:0} CSS px, under 44x44");
    }

    private static ILocator Zone(IPage page, string zone) => page.GetByTestId("phone-board").Locator($"[data-testid=zone-{zone}]");

    private static async Task ChooseFocusAsync(IPage page, string label)
    {
        await page.GetByTestId("phone-focus-select").TapAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = label }).First.TapAsync();
    }

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task On_a_phone_the_board_shows_one_lane_or_one_step_stays_live_and_a_tap_on_a_card_menu_moves_it()
    {
        var id = await NewInnovationWithOutputAsync("Uji papan di ponsel");
        var page = await SignInOnPhoneAsync(DemoPeople.FungsionalPdip, 390, 844);
        await page.GotoAsync(session.BaseUrl + "/papan");
        var board = page.GetByTestId("phone-board");
        await Assertions.Expect(board).ToHaveAttributeAsync("data-ready", "true");

        // One lane, the person's own: the Pejabat Fungsional's steps, not the Kepala Bidang's verification.
        await Assertions.Expect(Zone(page, "1").GetByTestId($"card-{id}")).ToBeVisibleAsync();
        await Assertions.Expect(Zone(page, "2")).ToBeVisibleAsync();
        await Assertions.Expect(Zone(page, "3")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".swimlane-grid")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the phone board scrolls sideways");
        await ScreenshotAsync(page, "phone-board-lane-fungsional");

        // Still live: an item someone proposes meanwhile appears without a reload.
        var another = await NewInnovationWithOutputAsync("Usulan baru selagi ponsel terbuka");
        await Assertions.Expect(Zone(page, "1").GetByTestId($"card-{another}")).ToBeVisibleAsync();

        // A tap on the card's ⋮ opens its menu; the move goes through the same dialog as on the PC.
        var menuButton = page.GetByTestId($"card-menu-{id}").GetByRole(AriaRole.Button);
        await AssertFingertipSizedAsync(menuButton, "the card's ⋮ button");
        await menuButton.TapAsync();
        var advance = page.GetByTestId($"card-action-{id}-Advance");
        await Assertions.Expect(advance).ToBeVisibleAsync();
        await AssertFingertipSizedAsync(advance, "the menu's move item");
        await advance.TapAsync();
        await Assertions.Expect(page.GetByTestId("move-dialog")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "phone-board-move-dialog");
        await page.GetByTestId("move-confirm").TapAsync();
        await Assertions.Expect(Zone(page, "2").GetByTestId($"card-{id}")).ToBeVisibleAsync();
        await Assertions.Expect(Zone(page, "1").GetByTestId($"card-{id}")).ToHaveCountAsync(0);

        // Another lane: the Kepala Bidang's steps.
        await ChooseFocusAsync(page, "Kepala Bidang");
        await Assertions.Expect(Zone(page, "3")).ToBeVisibleAsync();
        await Assertions.Expect(Zone(page, "1")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "phone-board-lane-kabid");

        // One step at a time.
        await page.GetByTestId("phone-by-step").TapAsync();
        await ChooseFocusAsync(page, "2. ");
        await Assertions.Expect(Zone(page, "2").GetByTestId($"card-{id}")).ToBeVisibleAsync();
        await Assertions.Expect(board.Locator(".focus-cell")).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the phone board scrolls sideways");
        await ScreenshotAsync(page, "phone-board-step-2");
    }
}
