using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Features.Accessibility;

/// <summary>
/// Every main page audited with axe-core for WCAG 2.1 A/AA in a real Chromium, as the person who uses it: no serious or
/// critical violation. The counts per impact are written to the test output for the report.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PageAccessibilityTests(AccessibilitySession session, ITestOutputHelper output) : IClassFixture<AccessibilitySession>
{
    /// <summary>A page to audit: who looks at it, where, on which screen, and what is done first (e.g. open a dialog).</summary>
    private sealed record AuditedPage(string? Nip, string Path, bool Phone = false, bool Board = false, bool Static = false,
        Func<IPage, Task>? Prepare = null);

    private static readonly Dictionary<string, AuditedPage> Pages = new()
    {
        ["masuk"] = new(null, "/akun/masuk", Static: true),
        ["ganti-sandi"] = new(DemoPeople.FungsionalPdip, "/akun/ganti-sandi", Static: true),
        ["papan"] = new(DemoPeople.FungsionalPdip, "/", Board: true),
        ["papan-sop-lain"] = new(DemoPeople.FungsionalPdip, "/papan/{sop}", Board: true),
        ["inovasi-detail"] = new(DemoPeople.FungsionalPdip, "/inovasi/{innovation}"),
        ["inovasi-detail-dialog"] = new(DemoPeople.FungsionalPdip, "/inovasi/{innovation}", Prepare: OpenMoveDialogAsync),
        ["inovasi-daftar"] = new(DemoPeople.FungsionalPdip, "/inovasi"),
        ["inovasi-baru"] = new(DemoPeople.FungsionalPdip, "/inovasi/baru"),
        ["sop"] = new(DemoPeople.FungsionalPdip, "/sop"),
        ["notifikasi"] = new(DemoPeople.KepalaDinas, "/notifikasi"),
        ["menunggu"] = new(DemoPeople.KepalaDinas, "/menunggu"),
        ["laporan"] = new(DemoPeople.KepalaDinas, "/laporan"),
        ["dasbor"] = new(DemoPeople.KepalaDinas, "/dasbor"),
        ["layar"] = new(DemoPeople.KepalaDinas, "/layar", Board: true),
        ["admin-pengguna"] = new(DemoPeople.Administrator, "/admin/pengguna"),
        ["admin-pengguna-detail"] = new(DemoPeople.Administrator, "/admin/pengguna/{user}"),
        ["admin-jabatan"] = new(DemoPeople.Administrator, "/admin/jabatan"),
        ["admin-bidang"] = new(DemoPeople.Administrator, "/admin/bidang"),
        ["admin-plh"] = new(DemoPeople.Administrator, "/admin/plh"),
        ["admin-libur"] = new(DemoPeople.Administrator, "/admin/libur"),
        ["admin-pengaturan"] = new(DemoPeople.Administrator, "/admin/pengaturan"),
        ["admin-kantor"] = new(DemoPeople.Administrator, "/admin/kantor"),
        ["admin-peringatan"] = new(DemoPeople.Administrator, "/admin/peringatan"),
        ["admin-sop"] = new(DemoPeople.Administrator, "/admin/sop"),
        ["admin-sop-ubah"] = new(DemoPeople.Administrator, "/admin/sop/{sop}"),
        ["admin-sop-impor"] = new(DemoPeople.Administrator, "/admin/sop/impor"),
        ["admin-audit"] = new(DemoPeople.Administrator, "/admin/audit"),
        ["admin-cadangan"] = new(DemoPeople.Administrator, "/admin/cadangan"),
        ["admin-kesehatan"] = new(DemoPeople.Administrator, "/admin/kesehatan"),
        ["ponsel-menunggu"] = new(DemoPeople.KepalaDinas, "/menunggu", Phone: true),
        ["ponsel-inovasi-detail"] = new(DemoPeople.FungsionalPdip, "/inovasi/{innovation}", Phone: true),
        ["ponsel-papan"] = new(DemoPeople.KabidPdip, "/papan", Phone: true, Board: true),
    };

    public static TheoryData<string> PageNames => new(Pages.Keys);

    [RequiresToolTheory(ExternalTools.Chromium)]
    [MemberData(nameof(PageNames))]
    public async Task The_page_has_no_serious_or_critical_WCAG_2_1_AA_violation(string name)
    {
        var audited = Pages[name];
        var page = await session.PageAsync(audited.Nip, audited.Phone);
        var path = audited.Path
            .Replace("{innovation}", (await session.RunningInnovationIdAsync()).ToString())
            .Replace("{sop}", await session.OtherSopSlugAsync())
            .Replace("{user}", await session.UserIdAsync(DemoPeople.FungsionalPdip));
        var response = await page.GotoAsync(session.BaseUrl + path);
        Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
        if (audited.Nip is not null) Assert.DoesNotContain("/akun/masuk", page.Url);
        if (!audited.Static) await BrowserSession.WaitForInteractiveAsync(page);
        // The wide board, or on a phone the one-lane list the board becomes there.
        if (audited.Board) await page.WaitForSelectorAsync(".swimlane-scroll[data-ready=true], [data-testid=phone-board][data-ready=true]");
        if (audited.Prepare is not null) await audited.Prepare(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AnimationsDoneAsync(page);
        await BrowserSession.ScreenshotAsync(page, "a11y-" + name);

        // Best practices beyond WCAG (landmarks, heading order …) are reported for the record, not required.
        var violations = await AxeAudit.RunAsync(page, name, output);

        var blocking = AxeAudit.Blocking(violations);
        Assert.True(blocking.Count == 0, $"{name} ({path}):\n" + string.Join("\n", blocking));
    }

    /// <summary>The SLA level's own words (from the SOP reading: tanpa tenggat, tepat waktu, segera jatuh tempo, terlambat …).</summary>
    private static readonly Dictionary<string, string> SlaWords = new()
    {
        ["NoDeadline"] = "tanpa tenggat",
        ["OnTime"] = "tepat waktu",
        ["DueSoon"] = "segera jatuh tempo",
        ["Late"] = "terlambat",
    };

    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task The_SLA_state_on_board_cards_is_told_in_words_and_an_icon_not_by_colour_alone()
    {
        var page = await session.PageAsync(DemoPeople.FungsionalPdip, phone: false);
        await page.GotoAsync(session.BaseUrl + "/");
        await BrowserSession.WaitForBoardAsync(page);

        // Per chip on a card: its level, the text a person sees (innerText skips hidden text), the icon drawn, the card's name.
        var chips = await page.Locator(".board-card [data-testid=sla-chip]").EvaluateAllAsync<SlaChipSeen[]>("""
            chips => chips.map(chip => ({
                level: chip.dataset.level,
                text: chip.innerText.trim(),
                icon: chip.querySelector('svg')?.innerHTML ?? '',
                card: chip.closest('.board-card').getAttribute('aria-label') ?? '' }))
            """);

        var levels = chips.Select(c => c.Level).Distinct().ToList();
        Assert.True(levels.Count >= 3, $"The demo board should show at least three SLA levels, saw {string.Join(", ", levels)}");
        foreach (var chip in chips)
        {
            Assert.StartsWith(SlaWords[chip.Level], chip.Text);
            Assert.Contains(SlaWords[chip.Level], chip.Card);
            Assert.False(string.IsNullOrEmpty(chip.Icon), $"no icon on the {chip.Level} chip");
        }
        // One icon per level, and no two levels share an icon.
        var iconPerLevel = chips.GroupBy(c => c.Level).ToDictionary(g => g.Key, g => Assert.Single(g.Select(c => c.Icon).Distinct()));
        Assert.Equal(iconPerLevel.Count, iconPerLevel.Values.Distinct().Count());
    }

    /// <summary>WCAG 2.3.3: for a person whose system asks for less motion, a dialog appears at once; others keep its short zoom.</summary>
    [RequiresToolFact(ExternalTools.Chromium)]
    public async Task A_dialog_appears_without_motion_for_a_person_who_asks_for_less_and_zooms_in_for_others()
    {
        var page = await session.SignInAsync(DemoPeople.FungsionalPdip);
        foreach (var (motion, moves) in new[] { (ReducedMotion.Reduce, false), (ReducedMotion.NoPreference, true) })
        {
            await page.EmulateMediaAsync(new() { ReducedMotion = motion });
            await page.GotoAsync($"{session.BaseUrl}/inovasi/{await session.RunningInnovationIdAsync()}");
            await BrowserSession.WaitForInteractiveAsync(page);
            // Where the confirm button is, frame by frame, for its first 20 frames on screen.
            await page.EvaluateAsync("""
                () => {
                  window.confirmAt = [];
                  const tick = () => {
                    const button = document.querySelector('[data-testid=move-confirm]');
                    if (button) { const r = button.getBoundingClientRect(); window.confirmAt.push(`${Math.round(r.x)},${Math.round(r.y)}`); }
                    if (window.confirmAt.length < 20) requestAnimationFrame(tick);
                  };
                  requestAnimationFrame(tick);
                }
                """);
            await OpenMoveDialogAsync(page);

            var seconds = await page.Locator(".mud-dialog").EvaluateAsync<double>("d => parseFloat(getComputedStyle(d).animationDuration)");
            if (moves) Assert.True(seconds >= 0.05, $"without a preference the dialog zooms in; its animation lasts {seconds} s");
            else
            {
                Assert.True(seconds < 0.001, $"with reduced motion the dialog must not animate; its animation lasts {seconds} s");
                // Nor does anything in it move the button once it is there (an auto-sizing note box once did, by 28 px).
                await page.WaitForFunctionAsync("() => window.confirmAt.length >= 20");
                var places = await page.EvaluateAsync<string[]>("() => window.confirmAt");
                Assert.True(places.Distinct().Count() == 1, $"the confirm button moved after it appeared: {string.Join(" -> ", places.Distinct())}");
            }

            await page.GetByTestId("move-cancel").ClickAsync();
            await Assertions.Expect(page.GetByTestId("move-dialog")).ToHaveCountAsync(0);
        }
    }

    private sealed class SlaChipSeen
    {
        public string Level { get; set; } = "";
        public string Text { get; set; } = "";
        public string Icon { get; set; } = "";
        public string Card { get; set; } = "";
    }

    private static async Task OpenMoveDialogAsync(IPage page)
    {
        await page.GetByTestId("action-Advance").ClickAsync();
        await Assertions.Expect(page.GetByTestId("move-dialog")).ToBeVisibleAsync();
    }

    // A fading dialog or popover would be audited half transparent; endless ones (spinners) are left alone.
    private static Task AnimationsDoneAsync(IPage page) => page.WaitForFunctionAsync(
        "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)");
}
