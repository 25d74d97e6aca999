import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser, openPage } from "./browser";
import { startServer, type RunningServer } from "./server";

const chromiumPath = inject("chromiumPath");

describe.skipIf(!chromiumPath)("the shell in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(chromiumPath);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("the landing page follows Accept-Language and switches language, kept across pages", async () => {
    const { page, errors, close } = await openPage(browser, { locale: "sv-SE" });
    await page.goto(server.url);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Hur digitalt är ert företag?");
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");
    await page.getByRole("button", { name: "English" }).click();
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("How digital is your company?");
    await page.getByRole("navigation").getByRole("link", { name: "Privacy" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Privacy notice");
    expect(errors()).toEqual([]);
    await close();
  });

  test("a missing page shows the 404 page in the visitor's language", async () => {
    const { page, errors, close } = await openPage(browser, { locale: "sv-SE" });
    const response = await page.goto(`${server.url}/finns-inte`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Sidan finns inte");
    // The 404 document itself is an expected error response, not a page error.
    expect(errors().filter((e) => !e.includes("404"))).toEqual([]);
    await close();
  });

  test("the keyboard reaches the skip link first, and it has a visible focus", async () => {
    const { page, close } = await openPage(browser);
    await page.goto(server.url);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      return { text: element.textContent, outline: getComputedStyle(element).outlineStyle };
    });
    expect(focused).toEqual({ text: "Skip to content", outline: "solid" });
    await close();
  });
});
