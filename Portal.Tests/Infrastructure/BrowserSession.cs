using Microsoft.Playwright;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// One Debian Chromium per test class (started through Playwright, never downloaded) against the
/// portal on a real Kestrel port. Each signed-in person gets an own browser context.
/// </summary>
public class BrowserSession : IAsyncLifetime
{
    private IPlaywright? playwright;

    static BrowserSession() => Assertions.SetDefaultExpectTimeout(10_000);

    public BrowserSession() : this((TimeProvider?)null) { }

    protected BrowserSession(TimeProvider? clock) : this(new PortalAppFactory(clock)) { }

    /// <summary>A session on a portal built differently (e.g. one whose database can be made full).</summary>
    protected BrowserSession(PortalAppFactory app) => App = app;

    public PortalAppFactory App { get; }

    /// <summary>
    /// Keeps Chromium on these CPUs (taskset), for benchmarks that open many boards on this machine: a hundred tabs stand
    /// for a hundred office PCs and must not take the CPU the server would have to itself. (Niceness does not do it:
    /// Chromium run as root raises its own processes' priority.)
    /// </summary>
    public string? BrowserCpus { get; init; }
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Folder where tests save screenshots for people to look at.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "test-artifacts");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        var chromium = ExternalTools.Find(ExternalTools.Chromium);
        if (chromium is null)
        {
            // Skipped by RequiresToolFact where allowed; under CI=true this fails the run, as it must.
            if (ExternalTools.IsCi) ExternalTools.Require(ExternalTools.Chromium);
            return;
        }
        BaseUrl = App.StartKestrel();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserCpus is { } cpus ? PinnedLauncher(chromium, cpus) : chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private static string PinnedLauncher(string chromium, string cpus)
    {
        if (OperatingSystem.IsWindows()) return chromium;
        var launcher = Path.Combine(Path.GetTempPath(), $"chromium-on-cpus-{cpus.Replace(',', '_')}-{Environment.ProcessId}.sh");
        File.WriteAllText(launcher, $"#!/bin/sh\nexec taskset -c {cpus} '{chromium}' \"$@\"\n");
        File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return launcher;
    }

    /// <summary>A new browser context signed in as the demo person with this NIP.</summary>
    public async Task<IPage> SignInAsync(string nip, int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(PersonContext(width, height));
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync($"{BaseUrl}/akun/masuk");
        await page.FillAsync("#nip", nip);
        await page.FillAsync("#password", Portal.Data.DemoData.Password);
        await page.ClickAsync("[data-testid=signin-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/akun/masuk"));
        await WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>A new browser context the size of a phone (390×844 unless told), with touch, as a phone's Chromium is.</summary>
    public Task<IBrowserContext> NewPhoneContextAsync(int width = 390, int height = 844) =>
        Browser.NewContextAsync(PersonContext(width, height, phone: true));

    /// <summary>
    /// A test person's browser: Indonesian, in WITA, and asking for reduced motion (which the portal honours). Chromium
    /// holds an animated dialog at its final size for a frame or two before the animation starts from half size;
    /// Playwright takes those frames for "stable" and may press there and release on the shrunken dialog, a click no
    /// person can make (nothing is visible yet) and that reaches no button. Without motion, a control is where it stays.
    /// </summary>
    public static BrowserNewContextOptions PersonContext(int width, int height, bool phone = false) => new()
    {
        ViewportSize = new ViewportSize { Width = width, Height = height },
        IsMobile = phone,
        HasTouch = phone,
        Locale = "id-ID",
        TimezoneId = "Asia/Makassar",
        ReducedMotion = ReducedMotion.Reduce,
    };

    /// <summary>
    /// Follows a link of the side menu as a person does: the pointer on the (mini) menu opens it, and the link is clicked
    /// once the menu is open. Clicking straight into the closed menu races its opening (a server round trip): pressed on
    /// one entry and released after the menu re-laid out, the click reaches no link.
    /// </summary>
    public static async Task FollowMenuLinkAsync(IPage page, string href)
    {
        var drawer = page.Locator(".mud-drawer");
        if (await drawer.GetAttributeAsync("class") is { } classes && classes.Contains("mud-drawer-mini") && classes.Contains("mud-drawer--closed"))
        {
            await drawer.HoverAsync(new() { Position = new Position { X = 20, Y = 20 } });
            await page.Locator(".mud-drawer.mud-drawer--open").WaitForAsync();
        }
        await page.Locator($".mud-drawer a.mud-nav-link[href='{href}']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == href);
    }

    /// <summary>A new phone-sized context signed in, by taps, as the demo person with this NIP.</summary>
    public async Task<IPage> SignInOnPhoneAsync(string nip, int width = 390, int height = 844)
    {
        var page = await (await NewPhoneContextAsync(width, height)).NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync($"{BaseUrl}/akun/masuk");
        await page.FillAsync("#nip", nip);
        await page.FillAsync("#password", Portal.Data.DemoData.Password);
        await page.GetByTestId("signin-submit").TapAsync();
        await page.WaitForURLAsync(url => !url.Contains("/akun/masuk"));
        await WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>Waits until the Blazor circuit is up, so clicks reach the server.</summary>
    public static Task WaitForInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-interactive=true]");

    /// <summary>Waits until the board on the page is live (not just prerendered), so drags and menus work.</summary>
    public static Task WaitForBoardAsync(IPage page) => page.WaitForSelectorAsync(".swimlane-scroll[data-ready=true]");

    /// <summary>
    /// Chooses files in a Blazor file input once Blazor has attached its reader to it. A person needs seconds in the
    /// file dialog; a test is faster than the circuit on a busy machine and would choose before anyone listens.
    /// </summary>
    public static async Task ChooseFilesAsync(ILocator fileInput, FilePayload file)
    {
        await WaitForFileReaderAsync(fileInput);
        await fileInput.SetInputFilesAsync(file);
    }

    /// <inheritdoc cref="ChooseFilesAsync(ILocator, FilePayload)"/>
    public static async Task ChooseFilesAsync(ILocator fileInput, string path)
    {
        await WaitForFileReaderAsync(fileInput);
        await fileInput.SetInputFilesAsync(path);
    }

    // Blazor's InputFile marks the element when its init script has run (blazor.web.js: _blazorInputFileNextFileId).
    private static async Task WaitForFileReaderAsync(ILocator fileInput) =>
        await fileInput.Page.WaitForFunctionAsync("input => input._blazorInputFileNextFileId !== undefined", await fileInput.ElementHandleAsync());

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
