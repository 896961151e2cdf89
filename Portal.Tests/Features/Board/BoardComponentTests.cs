using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain;
using Portal.Features.Board;
using Portal.Features.Innovations;
using static Portal.Tests.Features.Board.BoardTestData;
using Portal.Features.Office;

namespace Portal.Tests.Features.Board;

public sealed class BoardComponentTests : IAsyncLifetime
{
    private readonly BunitContext context = new();

    public BoardComponentTests()
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(OfficeTime.In(OfficeZone.Wita));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously.
    public async Task DisposeAsync() => await context.DisposeAsync();

    private IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>> parameters) where T : IComponent =>
        context.Render(parameters);

    private IRenderedComponent<SwimlaneBoard> RenderBoard(IReadOnlyList<InnovationSummary> items, WorkflowActor? actor, bool readOnly = false,
        int currentSopId = 1) =>
        Render<SwimlaneBoard>(p => p
            .Add(b => b.Sop, SopV1)
            .Add(b => b.CurrentSopId, currentSopId)
            .Add(b => b.Items, items)
            .Add(b => b.SopOf, _ => SopV1)
            .Add(b => b.Actor, actor)
            .Add(b => b.ReadOnly, readOnly));

    public static TheoryData<SlaStatus, int, string, string> CardStates => new()
    {
        { new SlaStatus(SlaLevel.OnTime, 3, 0), 0, "tepat waktu", "sla-ontime" },
        { new SlaStatus(SlaLevel.DueSoon, 1, 0), 0, "segera jatuh tempo", "sla-duesoon" },
        { new SlaStatus(SlaLevel.Late, 0, 3), 0, "terlambat 3 hari kerja", "sla-late" },
        { new SlaStatus(SlaLevel.OnTime, 3, 0), 2, "dikembalikan ×2", "sla-ontime" },
    };

    [Theory]
    [MemberData(nameof(CardStates))]
    public void A_card_states_its_SLA_in_words_and_colour(SlaStatus sla, int returns, string expectedText, string expectedClass)
    {
        var card = RenderBoard([Item(1, 2, sla: sla, returns: returns)], Kadis());

        Assert.Contains(expectedText, card.Markup);
        Assert.Contains(expectedClass, card.Find("[data-testid=card-1]").ClassName);
        Assert.Equal(returns > 0, card.FindAll("[data-testid=returned-badge]").Count == 1);
        Assert.DoesNotContain("SOP v", card.Markup);
    }

    [Fact]
    public void A_card_on_an_older_SOP_version_says_so()
    {
        var card = RenderBoard([Item(1, 2, sopDefinitionId: 1)], Kadis(), currentSopId: 2);

        Assert.Contains("SOP v1", card.Find("[data-testid=card-1]").TextContent);
    }

    [Fact]
    public void A_title_is_shown_as_text_never_as_markup()
    {
        const string title = "<img src=x onerror=alert(1)> & \"Antrean\"";
        var board = RenderBoard([Item(1, 1) with { Title = title }], Fungsional());

        Assert.Equal(title, board.Find("[data-testid=card-1] .card-title").TextContent);
        Assert.Empty(board.FindAll("[data-testid=card-1] img"));
        Assert.Equal($"Tindakan untuk {title}", board.Find("[data-card-menu]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Each_step_cell_sits_in_the_lane_of_its_role_and_other_cells_are_inactive()
    {
        var board = RenderBoard([Item(1, 1), Item(2, 3), Item(3, 4)], Fungsional());

        var lanes = board.FindAll("[role=rowheader]").Select(l => l.TextContent).ToList();
        Assert.Equal(["Pejabat Fungsional", "Kepala Bidang", "Kepala Dinas"], lanes);
        Assert.Equal(11, board.FindAll(".swimlane-cell[data-zone]").Count);
        Assert.Equal(3 * 11 - 11, board.FindAll(".swimlane-cell-inactive").Count);
        Assert.NotNull(board.Find("[data-testid=zone-3] [data-testid=card-2]"));
        Assert.NotNull(board.Find("[data-testid=zone-4] [data-testid=card-3]"));
        Assert.Contains("2 minggu", board.Find("[data-testid=column-1]").TextContent);
    }

    [Fact]
    public void The_menu_offers_exactly_the_moves_this_person_may_make()
    {
        var items = new[] { Item(1, 1), Item(2, 3), Item(3, 3, bidangId: Dafduk), Item(4, 5) };

        var asKabid = MenusOn(RenderBoard(items, Kabid()), items);
        Assert.Empty(asKabid[1]);
        Assert.Equal(["Sesuai — lanjutkan ke langkah 4", "Tidak sesuai — kembalikan ke langkah 2"], asKabid[2]);
        Assert.Empty(asKabid[3]);
        Assert.Empty(asKabid[4]);

        var asKadis = MenusOn(RenderBoard(items, Kadis()), items);
        Assert.Equal(["Setujui — lanjutkan ke langkah 6"], asKadis[4]);
        Assert.Empty(asKadis[2]);
    }

    private IRenderedComponent<MudPopoverProvider>? popovers;

    // What each card's menu offers, opened as a person opens it (no ⋮ button: no menu).
    private Dictionary<int, List<string>> MenusOn(IRenderedComponent<SwimlaneBoard> board, IEnumerable<InnovationSummary> items)
    {
        popovers ??= context.Render<MudPopoverProvider>();
        var menus = new Dictionary<int, List<string>>();
        foreach (var item in items)
        {
            if (board.FindAll($"[data-card-menu='{item.Id}']").Count == 0)
            {
                menus[item.Id] = [];
                continue;
            }
            board.InvokeAsync(() => board.Instance.OpenMenu(item.Id, keyboard: false));
            menus[item.Id] = popovers.WaitForElements($"[data-testid^=card-action-{item.Id}-]").Select(e => e.TextContent.Trim()).ToList();
        }
        return menus;
    }

    [Fact]
    public void The_card_menu_lists_the_moves_and_a_link_to_the_details()
    {
        var moves = SopWorkflow.AvailableMoves(SopV1, Item(2, 3).State, Kabid());
        var host = context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<InnovationCard>(1);
            builder.AddAttribute(2, nameof(InnovationCard.Item), Item(2, 3));
            builder.AddAttribute(3, nameof(InnovationCard.Moves), moves);
            builder.AddAttribute(4, nameof(InnovationCard.Look), new CardLook(false, true, false, true, true, "2 4", OfficeZone.Wita));
            builder.CloseComponent();
        });

        host.Find("[data-testid=card-menu-2] button").Click();

        var entries = host.FindAll(".mud-menu-item").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["Sesuai — lanjutkan ke langkah 4", "Tidak sesuai — kembalikan ke langkah 2", "Buka detail dan riwayat"], entries);
    }

    [Fact]
    public void A_card_whose_menu_opens_keeps_every_attribute_of_its_shared_html()
    {
        context.Render<MudPopoverProvider>();
        var board = RenderBoard([Item(1, 1), Item(2, 1)], Fungsional());
        static Dictionary<string, string> RootOf(AngleSharp.Dom.IElement card) => card.Attributes.ToDictionary(a => a.Name, a => a.Value);
        var shared = RootOf(board.Find("[data-testid=card-1]"));

        board.InvokeAsync(() => board.Instance.OpenMenu(1, keyboard: false));

        Assert.Single(board.FindComponents<InnovationCard>());
        var withMenu = RootOf(board.Find("[data-testid=card-1]"));
        Assert.Equal(shared.OrderBy(a => a.Key), withMenu.OrderBy(a => a.Key));
        Assert.Contains("card-actionable", withMenu["class"]);
        Assert.Equal("true", withMenu["draggable"]);
    }

    private static readonly Dictionary<string, InnovationSummary[]> ItemsAfter = new()
    {
        ["another card left the cell"] = [Item(1, 1), Item(2, 2), Item(3, 3)],
        ["another card arrived before it"] = [Item(3, 1), Item(1, 1), Item(2, 1)],
        ["its own card went late"] = [Item(1, 1, sla: new SlaStatus(SlaLevel.Late, 0, 1)), Item(2, 1), Item(3, 3)],
    };

    public static TheoryData<string> ReRendersUnderAnOpenMenu => [.. ItemsAfter.Keys];

    [Theory]
    [MemberData(nameof(ReRendersUnderAnOpenMenu))]
    public void An_open_card_menu_stays_open_when_the_board_renders_new_items(string change)
    {
        var next = ItemsAfter[change];
        var popovers = context.Render<MudPopoverProvider>();
        var board = RenderBoard([Item(1, 1), Item(2, 1), Item(3, 3)], Fungsional());
        board.InvokeAsync(() => board.Instance.OpenMenu(1, keyboard: false));
        var card = board.FindComponents<InnovationCard>().Single(c => c.Instance.Item.Id == 1).Instance;
        Assert.Single(popovers.FindAll("[data-testid=card-action-1-Advance]"));

        board.Render(p => p.Add(b => b.Items, next));

        Assert.Same(card, board.FindComponents<InnovationCard>().Single(c => c.Instance.Item.Id == 1).Instance);
        Assert.Equal(next.Single(i => i.Id == 1).Sla.Label, board.Find("[data-testid=card-1] [data-testid=sla-chip]").TextContent.Trim());
        Assert.True(popovers.FindAll("[data-testid=card-action-1-Advance]").Count == 1, $"the menu closed when {change}");
    }

    [Fact]
    public void A_card_menu_goes_with_its_card_when_the_card_moves_to_another_cell()
    {
        var popovers = context.Render<MudPopoverProvider>();
        var board = RenderBoard([Item(1, 1), Item(2, 1)], Fungsional());
        board.InvokeAsync(() => board.Instance.OpenMenu(1, keyboard: false));

        board.Render(p => p.Add(b => b.Items, [Item(1, 2), Item(2, 1)]));

        Assert.Empty(popovers.FindAll("[data-testid=card-action-1-Advance]"));
        Assert.NotNull(board.Find("[data-testid=zone-2] [data-testid=card-1]"));
    }

    [Fact]
    public void A_card_with_no_moves_for_this_person_has_no_menu_and_cannot_be_dragged()
    {
        var board = RenderBoard([Item(1, 3)], Fungsional());
        Assert.Empty(board.FindAll("[data-testid=card-menu-1]"));
        Assert.Equal("false", board.Find("[data-testid=card-1]").GetAttribute("draggable"));
    }

    [Fact]
    public void A_card_with_a_move_can_be_dragged_and_its_drop_reaches_the_page()
    {
        (InnovationSummary Item, int? Target)? dropped = null;
        var board = Render<SwimlaneBoard>(p => p
            .Add(b => b.Sop, SopV1).Add(b => b.CurrentSopId, 1).Add(b => b.Items, [Item(1, 1)])
            .Add(b => b.SopOf, _ => SopV1).Add(b => b.Actor, Fungsional())
            .Add(b => b.OnDrop, drop => dropped = drop));
        Assert.Equal("true", board.Find("[data-testid=card-1]").GetAttribute("draggable"));

        board.InvokeAsync(() => board.Instance.Drop(1, "1"));
        board.InvokeAsync(() => board.Instance.Drop(99, "2"));
        board.InvokeAsync(() => board.Instance.Drop(1, "../x"));
        Assert.Null(dropped);

        board.InvokeAsync(() => board.Instance.Drop(1, "3"));
        Assert.Equal((1, 3), (dropped?.Item.Id, dropped?.Target));
    }

    public static TheoryData<string, int, int[]> HighlightRules => new()
    {
        { "fungsional", 1, [2] },
        { "fungsional", 2, [3] },
        { "kabid", 3, [2, 4] },
        { "kadis", 4, [2, 5] },
        { "kadis", 10, [] },
        { "kabid", 1, [] },
    };

    [Theory]
    [MemberData(nameof(HighlightRules))]
    public void While_dragging_only_the_drops_this_person_may_make_are_highlighted(string who, int step, int[] legalSteps)
    {
        var actor = who switch { "kabid" => Kabid(), "kadis" => Kadis(), _ => Fungsional() };
        var board = RenderBoard([Item(1, step)], actor);

        // The drag script lights the cells the card names; the browser tests watch it do so.
        var legal = board.Find("[data-testid=card-1]").GetAttribute("data-legal")!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var expected = legalSteps.Select(s => s.ToString()).ToList();
        if (step == 10 && who == "kadis") expected.Add(SwimlaneBoard.DoneZone);
        Assert.Equal(expected.Order(), legal.Order());
        Assert.All(legal, zone => Assert.Single(board.FindAll($"[data-zone='{zone}']")));
    }

    [Fact]
    public void When_an_innovation_moves_its_card_moves_to_the_new_cell_on_the_next_render()
    {
        var board = RenderBoard([Item(1, 1), Item(2, 3)], Fungsional());

        board.Render(p => p.Add(b => b.Items, [Item(1, 2), Item(2, 3)]));

        Assert.NotNull(board.Find("[data-testid=zone-2] [data-testid=card-1]"));
        Assert.Empty(board.FindAll("[data-testid=zone-1] [data-testid=card-1]"));
        Assert.Contains("1 kartu", board.Find("[data-testid=column-2]").TextContent);
    }

    [Fact]
    public void A_capped_cell_says_how_many_cards_it_holds_and_offers_to_show_them_all()
    {
        string? expanded = null;
        var board = Render<SwimlaneBoard>(p => p
            .Add(b => b.Sop, SopV1).Add(b => b.CurrentSopId, 1).Add(b => b.Items, [Item(1, 1), Item(2, 1)])
            .Add(b => b.SopOf, _ => SopV1).Add(b => b.Actor, Fungsional())
            .Add(b => b.TotalCounts, new Dictionary<string, int> { ["1"] = 30, ["2"] = 0 })
            .Add(b => b.OnShowAll, zone => expanded = zone));

        Assert.Equal("2 dari 30 kartu · ", board.Find("[data-testid=count-1]").TextContent);
        board.Find("[data-testid=show-all-1]").Click();
        Assert.Equal("1", expanded);
        Assert.Empty(board.FindAll("[data-testid=show-all-2]"));
    }

    [Fact]
    public void The_read_only_board_offers_no_moves()
    {
        var board = RenderBoard([Item(1, 1)], Fungsional(), readOnly: true);
        Assert.Empty(board.FindAll("[data-testid=card-menu-1]"));
    }

    [Fact]
    public async Task Leaving_the_board_while_its_drag_module_loads_attaches_nothing_and_shows_no_error()
    {
        var import = new PendingModuleImport("./js/board.js");
        context.JSInterop.AddInvocationHandler(import);
        RenderBoard([Item(1, 1)], Fungsional());

        await context.DisposeComponentsAsync();   // the person clicked another menu item before the module arrived
        var module = new RecordingModule();
        import.SetResult(module);

        await module.FirstUse.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("attach", module.Calls);
        Assert.True(module.IsDisposed);
        Assert.False(context.Renderer.UnhandledException.IsCompleted);
    }

    /// <summary>An <c>import</c> of a JS module that answers only when the test says so (a slow network).</summary>
    private sealed class PendingModuleImport(string path) : JSRuntimeInvocationHandlerBase<Microsoft.JSInterop.IJSObjectReference>(
        invocation => invocation.Identifier == "import" && invocation.Arguments.FirstOrDefault() as string == path, isCatchAllHandler: false)
    {
        public void SetResult(Microsoft.JSInterop.IJSObjectReference module) => SetResultBase(module);
    }

    /// <summary>Stands in for the browser's board.js module: records what the board asks of it.</summary>
    private sealed class RecordingModule : Microsoft.JSInterop.IJSObjectReference
    {
        public List<string> Calls { get; } = [];
        public bool IsDisposed { get; private set; }

        /// <summary>Completes when the board first calls the module or lets it go.</summary>
        public TaskCompletionSource FirstUse { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            Calls.Add(identifier);
            FirstUse.TrySetResult();
            return ValueTask.FromResult(default(TValue)!);
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);

        public ValueTask DisposeAsync()
        {
            IsDisposed = true;
            FirstUse.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
