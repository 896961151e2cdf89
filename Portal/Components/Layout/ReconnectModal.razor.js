// Office PCs and the TV screen keep the portal open all day, with nobody to press F5: when the circuit is
// lost (server restart, network drop), keep trying, and once the server answers again reload the page.
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

let waitingForServer = false;

function handleReconnectStateChanged(event) {
    const state = event.detail.state;
    if (state === "show") {
        reconnectModal.showModal();
    } else if (state === "hide") {
        reconnectModal.close();
    } else if (state === "failed") {
        reloadWhenServerIsBack();
    } else if (state === "rejected" || state === "resume-failed") {
        reloadWhenServerIsBack();
    }
}

async function reloadWhenServerIsBack() {
    if (waitingForServer) return;
    waitingForServer = true;
    for (;;) {
        try {
            const answer = await fetch("/sehat/hidup", { cache: "no-store" });
            if (answer.ok) {
                location.reload();
                return;
            }
        } catch {
            // Still down: try again shortly.
        }
        await new Promise(resolve => setTimeout(resolve, 3000));
    }
}

async function retry() {
    try {
        const successful = await Blazor.reconnect();
        if (!successful) {
            const resumed = await Blazor.resumeCircuit();
            if (resumed) reconnectModal.close(); else location.reload();
        }
    } catch {
        reloadWhenServerIsBack();
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) location.reload();
    } catch {
        reloadWhenServerIsBack();
    }
}
