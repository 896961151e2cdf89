using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using MudBlazor;
using Portal.Domain;
using Portal.Features.Innovations;

namespace Portal.Features.Board;

/// <summary>How a card looks to one kind of viewer: the parts of a card that differ from person to person (and the office's zone its times are in).</summary>
public readonly record struct CardLook(bool Highlight, bool CurrentSop, bool OutputMissing, bool HasMenu, bool Draggable, string LegalZones, OfficeZone Zone);

/// <summary>
/// A card as HTML, built once per innovation state and look and shared by every open board: a board of hundreds of
/// cards then holds a few render frames per card instead of a component tree each (the board's memory and first
/// render were mostly cards). Only the card whose menu is open is a component (<see cref="InnovationCard"/>), and it
/// is built from the same parts. Every text is HTML-encoded here.
/// </summary>
public static class CardMarkup
{
    private static readonly ConditionalWeakTable<InnovationSummary, ConcurrentDictionary<CardLook, string>> Cards = new();
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>
    /// The whole card, its root element included, for a card without an open menu: one markup frame per card in every
    /// open board's render tree instead of an element with ten attributes.
    /// </summary>
    public static string Card(InnovationSummary item, CardLook look) =>
        Cards.GetOrCreateValue(item).GetOrAdd(look, l =>
            $"""<div{string.Concat(RootAttributes(item, l).Select(a => $" {a.Key}=\"{Encoder.Encode(a.Value.ToString()!)}\""))}><div class="card-title-row">{Title(item)}{(l.HasMenu ? MenuButton(item) : "")}</div>{Body(item, l)}</div>""");

    /// <summary>The card's root element: written into the shared HTML, and given to the card whose menu is open.</summary>
    public static IReadOnlyList<KeyValuePair<string, object>> RootAttributes(InnovationSummary item, CardLook look) =>
    [
        new("class", RootClass(item, look)),
        new("data-testid", $"card-{item.Id}"),
        new("data-id", item.Id.ToString(CultureInfo.InvariantCulture)),
        new("data-step", item.CurrentStep.ToString(CultureInfo.InvariantCulture)),
        new("data-version", item.Version.ToString(CultureInfo.InvariantCulture)),
        new("data-zone", SwimlaneBoard.ZoneOf(item)),
        new("data-legal", look.LegalZones),
        new("draggable", look.Draggable ? "true" : "false"),
        new("role", "group"),
        new("aria-label", AriaLabel(item)),
    ];

    public static string RootClass(InnovationSummary item, CardLook look) =>
        $"board-card sla-{item.Sla.Level.ToString().ToLowerInvariant()}"
        + (item.Status != InnovationStatus.Berjalan ? " card-finished" : "")
        + (look.Highlight ? " card-highlight" : "")
        + (look.HasMenu ? " card-actionable" : "");

    public static string AriaLabel(InnovationSummary item) =>
        $"{item.Title}, {item.Bidang}, {(item.Status == InnovationStatus.Berjalan ? $"langkah {item.CurrentStep}, {item.Sla.Label}" : item.Status.Name())}"
        + (item.ReturnCount > 0 ? $", dikembalikan {item.ReturnCount} kali" : "");

    public static string MenuLabel(InnovationSummary item) => $"Tindakan untuk {item.Title}";

    public static string Title(InnovationSummary item) =>
        $"""<a href="/inovasi/{item.Id}" class="card-title" draggable="false">{Encoder.Encode(item.Title)}</a>""";

    // Looks like the menu's own button; board.js opens the real menu when it is pressed.
    private static string MenuButton(InnovationSummary item) =>
        $"""<div class="mud-menu card-menu" data-testid="card-menu-{item.Id}"><button type="button" class="mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small" data-card-menu="{item.Id}" aria-label="{Encoder.Encode(MenuLabel(item))}" aria-haspopup="menu" aria-expanded="false"><span class="mud-icon-button-label"><svg class="mud-icon-root mud-svg-icon mud-inherit-text mud-icon-size-small" focusable="false" viewBox="0 0 24 24" aria-hidden="true">{Icons.Material.Filled.MoreVert}</svg></span></button></div>""";

    public static string Body(InnovationSummary item, CardLook look)
    {
        var running = item.Status == InnovationStatus.Berjalan;
        var html = new System.Text.StringBuilder();
        html.Append($"""<div class="card-meta">{Encoder.Encode(item.Bidang)} · {Encoder.Encode(item.Proposer)}</div><div class="card-chips">""");
        html.Append(running ? Portal.Components.Shared.SlaChip.Html(item.Sla) : $"""<span class="sla-chip sla-chip-nodeadline">✓ selesai {look.Zone.DateText(item.UpdatedAt)}</span>""");
        if (item.ReturnCount > 0)
            html.Append($"""<span class="card-badge card-returned" data-testid="returned-badge" title="Pernah dikembalikan untuk perbaikan">↩ dikembalikan ×{item.ReturnCount}</span>""");
        if (!look.CurrentSop)
            html.Append($"""<span class="card-badge card-old-sop" title="Berjalan dengan SOP versi lama">SOP v{item.SopVersion}</span>""");
        html.Append("</div>");
        if (look.OutputMissing)
            html.Append("""<div class="card-output-missing" data-testid="output-missing-badge">📎 keluaran belum diunggah</div>""");
        if (running)
        {
            // Once a step is due soon, what is left matters more than how long it has run.
            html.Append(item.Sla.Level == SlaLevel.DueSoon && StepTimeText.Remaining(item.Sla) is { } left
                ? $"""<div class="card-time" data-testid="card-time"><span title="Sisa waktu sampai tenggat">{left}</span>"""
                : $"""<div class="card-time" data-testid="card-time"><span title="Lama di langkah ini">{item.TimeInStep.Text}</span>""");
            if (item.DueAt is { } due)
                html.Append($"""<span title="Tenggat {look.Zone.DateTimeText(due)}"> · tenggat {look.Zone.ShortText(due)}</span>""");
            html.Append("</div>");
        }
        return html.ToString();
    }
}
