// The swimlane board in the browser. Drag and drop, with one set of listeners on the grid (not a component per card).
// The server put on each draggable card the cells where a drop is a legal move (data-legal), so the cells light up
// at once when a drag starts; the drop itself is decided again by the server, which opens the dialog or says why not.
const boards = new WeakMap();

export function attach(grid, dotnet) {
  let dragged = null;
  const zones = () => grid.querySelectorAll('[data-zone]');
  const clear = () => {
    dragged = null;
    for (const zone of zones()) zone.classList.remove('zone-dragging', 'zone-legal', 'zone-illegal', 'zone-over');
  };
  const zoneOf = event => event.target.closest?.('[data-zone]');
  const listeners = {
    dragstart(event) {
      const card = event.target.closest?.('.board-card[draggable=true]');
      if (!card) return;
      dragged = { id: Number(card.dataset.id), zone: card.dataset.zone, legal: new Set((card.dataset.legal || '').split(' ')) };
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', card.dataset.id);
      for (const zone of zones()) {
        if (zone.dataset.zone === dragged.zone) continue;
        zone.classList.add('zone-dragging', dragged.legal.has(zone.dataset.zone) ? 'zone-legal' : 'zone-illegal');
      }
    },
    dragover(event) {
      const zone = zoneOf(event);
      if (!dragged || !zone || zone.dataset.zone === dragged.zone) return;
      event.preventDefault(); // every other cell takes the drop, so that a refused one can say why
      event.dataTransfer.dropEffect = 'move';
    },
    dragenter(event) { if (dragged) zoneOf(event)?.classList.add('zone-over'); },
    dragleave(event) {
      const zone = zoneOf(event);
      if (zone && !zone.contains(event.relatedTarget)) zone.classList.remove('zone-over');
    },
    drop(event) {
      const zone = zoneOf(event);
      const drop = dragged;
      clear();
      if (!drop || !zone || zone.dataset.zone === drop.zone) return;
      event.preventDefault();
      dotnet.invokeMethodAsync('Drop', drop.id, zone.dataset.zone).catch(() => { /* the circuit is gone: the page reconnects */ });
    },
    dragend: clear,
    // A card's ⋮ button (plain HTML until pressed): the server swaps in the live menu and opens it. A click
    // with no mouse press (detail 0) came from Enter or Space.
    click(event) {
      const button = event.target.closest?.('[data-card-menu]');
      if (!button) return;
      event.preventDefault();
      dotnet.invokeMethodAsync('OpenMenu', Number(button.dataset.cardMenu), event.detail === 0).catch(() => { });
    },
  };
  for (const [name, listener] of Object.entries(listeners)) grid.addEventListener(name, listener);
  boards.set(grid, listeners);
}

export function detach(grid) {
  const listeners = boards.get(grid);
  if (!listeners) return;
  for (const [name, listener] of Object.entries(listeners)) grid.removeEventListener(name, listener);
  boards.delete(grid);
}

// A card's menu opened from the keyboard: once its items are on the page, the arrow key a person would press moves
// the focus to the first one, through the menu's own keyboard handling (so it keeps track of the focused item).
export function focusFirstMenuItem(innovationId) {
  const deadline = performance.now() + 2000;
  const tryFocus = () => {
    const menu = document.querySelector(`.board-card[data-id="${innovationId}"] .mud-menu`);
    if (menu && document.querySelector(".mud-popover-open [role=menuitem]")) {
      menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', code: 'ArrowDown', bubbles: true }));
    } else if (performance.now() < deadline) {
      requestAnimationFrame(tryFocus);
    }
  };
  tryFocus();
}
