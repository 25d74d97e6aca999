import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { seriousViolations } from "./axe";
import { launchBrowser, openPage } from "./browser";
import { startServer, type RunningServer } from "./server";

const chromiumPath = inject("chromiumPath");
const PASSWORD = "mognad-demo-2026";
const LEAD = "hubblead@demo.mognad.example";
const SKANE = "radgivare.skane@demo.mognad.example";
const BLEKINGE = "radgivare.blekinge@demo.mognad.example";

async function signIn(page: Page, url: string, email: string, button = "Sign in") {
  await page.goto(`${url}/hub/login`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: button }).click();
  await page.waitForURL(`${url}/hub`);
  await page.getByTestId("staff-name").waitFor();
}

async function companyLinks(page: Page): Promise<{ name: string; href: string }[]> {
  return page
    .locator('[data-testid="company-table"] tbody th a')
    .evaluateAll((links) =>
      links.map((a) => ({ name: a.textContent ?? "", href: a.getAttribute("href") ?? "" })),
    );
}

describe.skipIf(!chromiumPath)("the staff area with demo data, in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ SEED_DEMO_DATA: "always" });
    browser = await launchBrowser(chromiumPath);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("each demo adviser sees only their own companies; another's is not found", async () => {
    const skane = await openPage(browser);
    await signIn(skane.page, server.url, SKANE);
    expect(await skane.page.getByRole("heading", { level: 2 }).first().textContent()).toBe(
      "Your companies (20)",
    );
    const own = await companyLinks(skane.page);
    expect(own).toHaveLength(20);

    const blekinge = await openPage(browser, { locale: "sv-SE" });
    await signIn(blekinge.page, server.url, BLEKINGE, "Logga in");
    expect(await blekinge.page.getByRole("heading", { level: 2 }).first().textContent()).toBe(
      "Dina företag (20)",
    );
    const theirs = await companyLinks(blekinge.page);
    expect(theirs).toHaveLength(20);
    expect(theirs.filter((c) => own.some((o) => o.href === c.href))).toEqual([]);

    // The adviser opens their own company, and not the other adviser's.
    await skane.page.goto(`${server.url}${own[0].href}`);
    expect(await skane.page.getByTestId("company-name").textContent()).toBe(own[0].name);
    const response = await skane.page.goto(`${server.url}${theirs[0].href}`);
    expect(response?.status()).toBe(404);
    expect(await skane.page.locator("h1").textContent()).toBe("Not found");
    // An adviser has no hub lead's navigation, and a hub lead's page is refused.
    expect(await skane.page.getByRole("link", { name: "Audit log" }).count()).toBe(0);
    expect(skane.errors().filter((e) => !e.includes("404"))).toEqual([]);
    await skane.close();
    await blekinge.close();
  });

  test("the hub lead sees the hub's figures and every company; signing out ends the session", async () => {
    const { page, close } = await openPage(browser);
    await signIn(page, server.url, LEAD);
    expect(await page.getByTestId("staff-name").textContent()).toBe("Hanna Lind");
    const nav = await page.getByRole("navigation", { name: "Staff navigation" }).textContent();
    expect(nav).toContain("Audit log");
    expect(nav).toContain("Staff");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${server.url}/hub/login`);
    await page.goto(`${server.url}/hub`);
    await page.waitForURL(/\/hub\/login/);
    await close();
  });

  test.each([
    ["en-GB", "the sign-in page", null, "/hub/login"],
    ["sv-SE", "the adviser's home", SKANE, "/hub"],
    ["en-GB", "the hub lead's home", LEAD, "/hub"],
  ])("%s: %s has no serious or critical axe violations", async (locale, _label, email, path) => {
    const { page, close } = await openPage(browser, { locale, bypassCSP: true });
    if (email) await signIn(page, server.url, email, locale === "sv-SE" ? "Logga in" : "Sign in");
    await page.goto(`${server.url}${path}`);
    expect(await seriousViolations(page)).toEqual([]);
    await close();
  });
});
