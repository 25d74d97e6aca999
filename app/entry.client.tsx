import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

/**
 * The events on which React 18 hydrates a still-dehydrated root synchronously
 * (react-dom's `discreteReplayableEvents`).
 */
const EVENTS_THAT_FORCE_HYDRATION = [
  "mousedown",
  "mouseup",
  "touchcancel",
  "touchend",
  "touchstart",
  "auxclick",
  "dblclick",
  "pointercancel",
  "pointerdown",
  "pointerup",
  "dragend",
  "dragstart",
  "drop",
  "compositionend",
  "compositionstart",
  "keydown",
  "keypress",
  "keyup",
  "input",
  "textInput",
  "copy",
  "cut",
  "paste",
  "click",
  "change",
  "contextmenu",
  "reset",
  "submit",
];

/**
 * Keeps those events from React until the document has hydrated.
 *
 * With single fetch, RemixBrowser suspends — with no Suspense boundary above it — until the
 * page's data has been decoded. A key press or click meanwhile makes React hydrate the root
 * synchronously, and a synchronous render cannot suspend: React throws #345 ("Root did not
 * complete") and the page is never hydrated (the questionnaire stayed on "Loading…" for
 * keyboard users who pressed Tab while it loaded). Stopped at the window, the events never
 * reach React's listeners on the document, while their default actions (focus moves, links,
 * form posts) still happen; the root's effect marks `<html data-hydrated>` once React has
 * committed the hydrated tree, and the guard goes.
 */
function holdEventsUntilHydrated(): void {
  const root = document.documentElement;
  if (root.dataset.hydrated) return;
  const stop = (event: Event) => {
    if (!root.dataset.hydrated) event.stopImmediatePropagation();
  };
  for (const type of EVENTS_THAT_FORCE_HYDRATION) {
    window.addEventListener(type, stop, { capture: true });
  }
  const observer = new MutationObserver(() => {
    if (!root.dataset.hydrated) return;
    observer.disconnect();
    for (const type of EVENTS_THAT_FORCE_HYDRATION) {
      window.removeEventListener(type, stop, { capture: true });
    }
  });
  observer.observe(root, { attributes: true, attributeFilter: ["data-hydrated"] });
}

/**
 * A navigation interrupted by the next one (a second submit or click before the first
 * answered) rejects the promise Remix's `<Form>` leaves unawaited with an AbortError: the
 * next navigation goes on, so it is no failure, and must not surface as an uncaught error.
 */
function ignoreInterruptedNavigations(): void {
  window.addEventListener("unhandledrejection", (event) => {
    const reason: unknown = event.reason;
    if (reason instanceof DOMException && reason.name === "AbortError") event.preventDefault();
  });
}

ignoreInterruptedNavigations();
holdEventsUntilHydrated();
startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
