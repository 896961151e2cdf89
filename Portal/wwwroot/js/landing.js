// On a phone-sized screen the portal opens on the person's waiting list ("Menunggu saya"); the full board stays at
// /papan. Runs before the page renders, so a phone never draws the wide board first.
if (location.pathname === '/' && window.matchMedia('(max-width: 599.98px)').matches) {
    location.replace('/menunggu');
}
