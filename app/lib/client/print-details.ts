/**
 * Opens every closed `<details>` in `root` while the page prints, and closes them again
 * afterwards. Chromium prints a closed `<details>` without its content whatever the print
 * stylesheet says, so the printout lost half the recommendations and every answer.
 * Returns a function that stops listening.
 */
export function openDetailsWhilePrinting(root: ParentNode): () => void {
  let opened: HTMLDetailsElement[] = [];
  const before = () => {
    opened = [...root.querySelectorAll<HTMLDetailsElement>("details:not([open])")];
    for (const details of opened) details.open = true;
  };
  const after = () => {
    for (const details of opened) details.open = false;
    opened = [];
  };
  window.addEventListener("beforeprint", before);
  window.addEventListener("afterprint", after);
  return () => {
    window.removeEventListener("beforeprint", before);
    window.removeEventListener("afterprint", after);
  };
}
