import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { seriousViolations } from "./axe";
import { totpCode } from "../helpers/totp";
import { launchBrowser, openPage } from "./browser";
import { startServer, type RunningServer } from "./server";
import { signInAsStaff } from "./sign-in";

const chromiumPath = inject("chromiumPath");
const PASSWORD = "mognad-demo-2026";
const LEAD = "hubblead@demo.mognad.example";
const SKANE = "radgivare.skane@demo.mognad.example";
const BLEKINGE = "radgivare.blekinge@demo.mognad.example";

const signIn = (page: Page, url: string, email: string, button = "Sign in") =>
  signInAsStaff(page, url, email, button, PASSWORD);

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
    await page.waitForURL(`${server.url}/hub/login`, { waitUntil: "commit" });
    await page.goto(`${server.url}/hub`);
    await page.waitForURL(/\/hub\/login/, { waitUntil: "commit" });
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

  async function clean(page: Page, label: string) {
    const violations = await seriousViolations(page);
    expect(violations, label).toEqual([]);
  }

  let invites = 0;
  test("invite → set password → sign in → turn on TOTP → sign out → sign in with TOTP", async () => {
    // A retry (decision 025) invites someone new: the first attempt's invitation stays.
    const n = ++invites;
    const email = n === 1 ? "maja.berg@example.se" : `maja.berg${n}@example.se`;
    const name = n === 1 ? "Maja Berg" : `Maja Berg ${n}`;
    // The hub lead invites Maja (in English), and sees the one-time link once.
    const lead = await openPage(browser, { bypassCSP: true });
    await signIn(lead.page, server.url, LEAD);
    await lead.page.goto(`${server.url}/hub/staff`);
    await clean(lead.page, "staff page");
    await lead.page.getByLabel("Email").fill(email);
    await lead.page.getByLabel("Name").fill(name);
    await lead.page.getByLabel("Partner organisation").last().selectOption("rise");
    await lead.page.getByLabel("Language of the invitation").selectOption("sv");
    await lead.page.getByRole("button", { name: "Send the invitation" }).click();
    const link = (await lead.page.getByTestId("one-time-link").locator("code").textContent()) ?? "";
    expect(link).toMatch(/\/hub\/set-password\/[A-Za-z0-9_-]{43}$/);
    expect(
      await lead.page.getByTestId("staff-card").filter({ hasText: name }).textContent(),
    ).toContain("RISE");

    // Maja (in Swedish) chooses a password; a common one is refused first.
    const maja = await openPage(browser, { locale: "sv-SE", bypassCSP: true });
    await maja.page.goto(link);
    await clean(maja.page, "set password page");
    await maja.page.getByLabel("Nytt lösenord").fill("qwerty123456");
    await maja.page.getByLabel("Samma lösenord igen").fill("qwerty123456");
    await maja.page.getByRole("button", { name: "Spara lösenordet" }).click();
    await expect.poll(() => maja.page.getByRole("alert").textContent()).toContain("vanligaste");
    const password = "tre kaffe i Ronneby";
    await maja.page.getByLabel("Nytt lösenord").fill(password);
    await maja.page.getByLabel("Samma lösenord igen").fill(password);
    await maja.page.getByRole("button", { name: "Spara lösenordet" }).click();
    await maja.page.waitForURL(/\/hub\/login\?passwordSet=1$/, { waitUntil: "commit" });
    await maja.page.getByRole("status").filter({ hasText: "lösenord är sparat" }).waitFor();

    // She signs in, and turns on the second factor from her account page.
    await maja.page.locator("#email").fill(email);
    await maja.page.locator("#password").fill(password);
    await maja.page.getByRole("button", { name: "Logga in" }).click();
    await maja.page.getByTestId("staff-name").waitFor();
    expect(await maja.page.getByTestId("no-companies").textContent()).toContain("Inga företag");
    await maja.page.getByRole("link", { name: "Mitt konto" }).click();
    await maja.page.getByTestId("second-factor-status").waitFor();
    await clean(maja.page, "account page");
    await maja.page.getByRole("link", { name: "Ställ in en andra faktor" }).click();
    const secret = (await maja.page.getByTestId("totp-secret").textContent()) ?? "";
    expect(await maja.page.getByRole("img", { name: /QR-kod/ }).count()).toBe(1);
    await clean(maja.page, "second-factor set-up page");
    await maja.page.getByLabel("Kod från appen").fill(totpCode(secret));
    await maja.page.getByRole("button", { name: "Slå på den andra faktorn" }).click();
    await maja.page.getByTestId("recovery-codes").waitFor();
    const codes = await maja.page.getByTestId("recovery-codes").locator("code").allTextContents();
    expect(codes).toHaveLength(10);

    // Sign out, then in again: the password alone is not enough.
    await maja.page.getByRole("button", { name: "Logga ut" }).click();
    await maja.page.waitForURL(`${server.url}/hub/login`, { waitUntil: "commit" });
    await maja.page.locator("#email").fill(email);
    await maja.page.locator("#password").fill(password);
    await maja.page.getByRole("button", { name: "Logga in" }).click();
    await maja.page.waitForURL(`${server.url}/hub/login/code`, { waitUntil: "commit" });
    await clean(maja.page, "code page");
    await maja.page.getByLabel("Kod", { exact: true }).fill("000000");
    await maja.page.getByRole("button", { name: "Fortsätt" }).click();
    await expect.poll(() => maja.page.getByRole("alert").textContent()).toContain("stämmer inte");
    // A code opens one sign-in: the set-up used this step's, so the phone shows the next.
    await maja.page.getByLabel("Kod", { exact: true }).fill(totpCode(secret, 1));
    await maja.page.getByRole("button", { name: "Fortsätt" }).click();
    await maja.page.getByTestId("staff-name").waitFor();
    expect(await maja.page.getByTestId("staff-name").textContent()).toBe(name);
    expect(maja.errors().filter((e) => !/40[01]|429/.test(e))).toEqual([]);

    // The hub lead sees all of it in the audit log, and assigns Maja a company.
    await lead.page.goto(`${server.url}/hub/audit?person=`);
    await clean(lead.page, "audit page");
    const log = (await lead.page.getByTestId("audit-table").textContent()) ?? "";
    for (const entry of [
      "Invited",
      "Password set from a link",
      "Second factor turned on",
      "Signed in",
    ]) {
      expect(log).toContain(entry);
    }
    await lead.page.goto(`${server.url}/hub/assignments?q=lund`);
    await clean(lead.page, "assignments page");
    const firstRow = lead.page.getByTestId("company-table").locator("tbody tr").first();
    const company = (await firstRow.locator("th a").textContent()) ?? "";
    await firstRow
      .locator("select")
      .selectOption({ label: `${name} (RISE Research Institutes of Sweden)` });
    await firstRow.getByRole("button", { name: "Assign" }).click();
    await lead.page.getByRole("status").filter({ hasText: "Assigned." }).waitFor();
    await lead.close();

    await maja.page.goto(`${server.url}/hub`);
    const mine = await companyLinks(maja.page);
    // A company that did not consent stays hidden from her even when assigned.
    expect(mine.length).toBeLessThanOrEqual(1);
    if (mine.length === 1) expect(mine[0].name).toBe(company);
    await maja.close();
  });

  test.each([
    ["en-GB", LEAD, "/hub/account"],
    ["sv-SE", LEAD, "/hub/staff"],
    ["sv-SE", LEAD, "/hub/assignments?q=malm"],
    ["sv-SE", LEAD, "/hub/audit"],
    ["en-GB", SKANE, "/hub/account/second-factor"],
  ])("%s: %s on %s has no serious or critical axe violations", async (locale, email, path) => {
    const { page, close } = await openPage(browser, { locale, bypassCSP: true });
    await signIn(page, server.url, email, locale === "sv-SE" ? "Logga in" : "Sign in");
    await page.goto(`${server.url}${path}`);
    await clean(page, path);
    await close();
  });
});
