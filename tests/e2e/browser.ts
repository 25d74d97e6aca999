import { chromium, type Browser, type Page } from "playwright-core";

/** The flags every browser test runs Chromium with (no network beyond this machine). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * A page that records console errors and uncaught exceptions; `errors()` returns them so
 * a test can fail when a page logs one.
 */
export async function openPage(
  browser: Browser,
  options: { locale?: string; bypassCSP?: boolean } = {},
): Promise<{ page: Page; errors: () => string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({
    locale: options.locale ?? "en-GB",
    // Only for injecting test tools such as axe-core; the app's own scripts never need it.
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  return { page, errors: () => errors, close: () => context.close() };
}

/**
 * Waits until React has hydrated the page (the root marks `<html data-hydrated>`). A test
 * that changes the DOM itself must wait for this, or React reports a hydration mismatch.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
