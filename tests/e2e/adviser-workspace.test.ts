import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { foldForSearch } from "../../app/lib/core/search-fold";
import { seriousViolations } from "./axe";
import { launchBrowser, openPage, waitForHydration } from "./browser";
import { startServer, type RunningServer } from "./server";
import { signInAsStaff } from "./sign-in";

const chromiumPath = inject("chromiumPath");
const SKANE = "radgivare.skane@demo.mognad.example";

const signIn = (page: Page, url: string, email: string) => signInAsStaff(page, url, email);

/** The pages of a PDF (each page object has "/Type /Page"). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

describe.skipIf(!chromiumPath)("the adviser's workspace, in Chromium", () => {
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

  test("find a company by a partial accent-free name, read its progress, write a note, record a service, issue a T1 link, print the brief on one page", async () => {
    const { page, errors, close } = await openPage(browser, { bypassCSP: true });
    await signIn(page, server.url, SKANE);
    await page.getByRole("link", { name: "Companies" }).click();
    await page.waitForURL(/\/hub\/companies$/);
    expect(await seriousViolations(page)).toEqual([]);

    // A company with T0 and T1, preferably one whose name has a letter with a diacritic.
    await page.goto(`${server.url}/hub/companies?next=t2-due`);
    const names = await page.locator('[data-testid="client-list"] tbody th a').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    const name = names.find((n) => foldForSearch(n) !== n.toLowerCase()) ?? names[0];
    const fragment = foldForSearch(name).split(" ")[0].slice(0, 6);

    await page.goto(`${server.url}/hub/companies`);
    await waitForHydration(page);
    await page.getByLabel("Search by name or organisation number").fill(fragment);
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.waitForURL(new RegExp(`q=${encodeURIComponent(fragment)}`));
    await page.getByRole("link", { name, exact: true }).click();
    await page.getByTestId("company-name").waitFor();
    expect(await page.getByTestId("company-name").textContent()).toBe(name);
    await waitForHydration(page);

    // The progress: a chart (a canvas) and a table with T0 and T1.
    await page.getByTestId("progress-chart").locator("canvas").waitFor();
    const header = await page.getByTestId("progress-table").first().locator("thead").textContent();
    expect(header).toContain("T0");
    expect(header).toContain("T1");

    // Notes: enough for the brief to show its last three of five.
    for (let i = 1; i <= 5; i++) {
      await page.getByLabel("New note").fill(`Meeting ${i}: talked about data.\nNext step ${i}.`);
      await page.getByRole("button", { name: "Add the note" }).click();
      await page.getByTestId("note-list").getByText(`Meeting ${i}: talked about data.`).waitFor();
    }

    // A delivered service, after a refused attempt with the error beside its field.
    await page.getByText("Record a delivered service").click();
    const form = page.getByTestId("delivered-form");
    await form.getByLabel("Title").fill("Workshop on data strategy");
    await form.getByLabel("Service category").selectOption("training");
    await form.getByLabel("Technology type").selectOption("data-cloud");
    await form.getByLabel("Price (€)").fill("1200");
    await form.getByLabel("Attendees").fill("6");
    await form.getByLabel("Start date").fill("2026-03-10");
    await form.getByLabel("End date").fill("2026-03-09");
    await form.getByRole("button", { name: "Save the service" }).click();
    await form.getByText("The end date cannot be before the start date.").waitFor();
    await form.getByLabel("End date").fill("2026-03-10");
    await form.getByRole("button", { name: "Save the service" }).click();
    await page.getByTestId("delivered-list").getByText("Workshop on data strategy").waitFor();

    // The brief prints on exactly one A4 page (three assessments after a T2 link, five notes).
    await page.getByRole("button", { name: "Issue the T2 link" }).click();
    await page.getByTestId("follow-up-link").waitFor();
    const companyUrl = page.url();
    await page.getByTestId("brief-link").click();
    await page.getByTestId("brief").waitFor();
    expect(await page.getByTestId("brief-notes").locator("li").count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
    const pdf = await page.pdf({ format: "A4" });
    expect(pdfPages(pdf)).toBe(1);

    // A company that submitted T0, T1 and T2: its progress shows all three, and its brief
    // still prints on one page.
    await page.goto(`${server.url}/hub/companies?sort=stage&dir=desc`);
    const latest = page.locator('[data-testid="client-list"] tbody tr').first();
    expect(await latest.textContent()).toContain("T2 ·");
    await latest.locator("th a").click();
    await page.getByTestId("company-name").waitFor();
    const stages = await page.getByTestId("progress-table").first().locator("thead").textContent();
    expect(stages).toMatch(/T0.*T1.*T2/s);
    // On a phone, in both languages, its tables fit the screen: the progress table's T1 and
    // T2, and the latest scores' peer column, once lay beyond its edge.
    await page.setViewportSize({ width: 375, height: 812 });
    for (const language of ["Svenska", "English"]) {
      await page.getByRole("button", { name: language, exact: true }).click();
      await page.waitForLoadState("load");
      await page.getByTestId("company-name").waitFor();
      const clipped = await page
        .locator(".table-scroll")
        .evaluateAll((boxes) =>
          boxes
            .filter((box) => box.scrollWidth > box.clientWidth + 1)
            .map((box) => `${box.querySelector("caption")?.textContent}: ${box.scrollWidth}`),
        );
      expect(clipped, language).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId("brief-link").click();
    await page.getByTestId("brief").waitFor();
    expect(pdfPages(await page.pdf({ format: "A4" }))).toBe(1);

    // A company with only T0: issue its T1 link, which opens the questionnaire.
    await page.goto(`${server.url}/hub/companies?next=t1-due`);
    await page.locator('[data-testid="client-list"] tbody th a').first().click();
    await page.getByTestId("company-name").waitFor();
    await waitForHydration(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Issue the T1 link" }).click();
    const link = await page.getByTestId("follow-up-link").inputValue();
    expect(link).toMatch(/\/a\/[A-Za-z0-9_-]+$/);
    const respondent = await openPage(browser);
    const response = await respondent.page.goto(link);
    expect(response?.status()).toBe(200);
    await respondent.close();

    expect(companyUrl).toContain("/hub/companies/");
    // The refused attempt answered 400 on purpose; nothing else may fail.
    expect(errors().filter((e) => !e.includes("status of 400"))).toEqual([]);
    await close();
  });

  test.each(["en", "sv"] as const)(
    "%s: the client list shows every column at 1024 and 1280 px, and starts on a hub lead's phone's first screen",
    async (lang) => {
      const { page, close } = await openPage(browser, {
        locale: lang === "sv" ? "sv-SE" : "en-GB",
      });
      await signInAsStaff(
        page,
        server.url,
        "hubblead@demo.mognad.example",
        lang === "sv" ? "Logga in" : "Sign in",
      );
      for (const width of [1024, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${server.url}/hub/companies?per=100`);
        // Every heading and cell lies inside the table's box and the window: no sideways scroll.
        const hidden = await page.evaluate(() => {
          const scroll = document.querySelector(".table-scroll")!;
          const box = scroll.getBoundingClientRect();
          const problems: string[] = [];
          if (scroll.scrollWidth > scroll.clientWidth + 1) {
            problems.push(`scrolls sideways by ${scroll.scrollWidth - scroll.clientWidth} px`);
          }
          for (const cell of document.querySelectorAll(".client-list th, .client-list td")) {
            const r = cell.getBoundingClientRect();
            if (r.right > Math.min(box.right, window.innerWidth) + 1) {
              problems.push(`"${cell.textContent}" ends at ${Math.round(r.right)} px`);
            }
          }
          return problems.slice(0, 5);
        });
        expect(hidden, `${lang} at ${width} px`).toEqual([]);
        // An organisation number stays whole, also written with its hyphen (as a number from
        // outside Sweden may be stored): "556677-" over "8899" reads as two numbers. A region
        // breaks between its words only.
        const broken = await page.evaluate(() => {
          const cells = [
            ...document.querySelectorAll(".client-list tbody td.client-list__org"),
            ...document.querySelectorAll(".client-list tbody td.client-list__region"),
          ];
          cells[0].textContent = "556677-8899";
          return cells
            .filter((cell) => {
              const range = document.createRange();
              range.selectNodeContents(cell);
              const words = cell.textContent!.trim().split(/\s+/).length;
              return range.getClientRects().length > words;
            })
            .map((cell) => cell.textContent);
        });
        expect(broken, `${lang} at ${width} px`).toEqual([]);
      }

      // A phone: the filters are folded away, the staff navigation is one row and the bulk
      // assignment comes after the list, so the first company is on the first screen.
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`${server.url}/hub/companies`);
      const disclosure = page.locator(".filter-disclosure");
      expect(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await page.locator("#filter-per").isVisible()).toBe(false);
      const firstName = page.locator('[data-testid="client-list"] tbody th a').first();
      const bottom = await firstName.evaluate((a) => a.getBoundingClientRect().bottom);
      expect(bottom, `${lang}: the first company's name ends at ${bottom} px`).toBeLessThan(812);
      const navLinks = page.locator(".staff-nav a");
      const tops = await navLinks.evaluateAll((links) =>
        links.map((a) => Math.round(a.getBoundingClientRect().top)),
      );
      expect(tops.length).toBeGreaterThanOrEqual(8);
      expect(new Set(tops).size, `${lang}: the navigation's rows`).toBe(1);
      // Every link is in the tab order; the focused one scrolls into sight (no script).
      await navLinks.first().focus();
      for (let i = 1; i < tops.length; i++) await page.keyboard.press("Tab");
      const last = navLinks.last();
      expect(await last.evaluate((a) => a === document.activeElement)).toBe(true);
      const box = await last.evaluate((a) => {
        const r = a.getBoundingClientRect();
        const nav = a.closest(".staff-nav")!.getBoundingClientRect();
        return { left: r.left, right: r.right, navRight: nav.right };
      });
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(box.navRight);
      // The current page's link is in sight when a page opens, the last one's too.
      const lastPath = await last.getAttribute("href");
      await page.goto(`${server.url}${lastPath}`);
      const current = page.locator('.staff-nav a[aria-current="page"]');
      await expect
        .poll(
          () =>
            current.evaluate((a) => {
              const r = a.getBoundingClientRect();
              const nav = a.closest(".staff-nav")!.getBoundingClientRect();
              return r.left >= nav.left && r.right <= nav.right - 40;
            }),
          { message: `${lang}: ${lastPath}'s link in sight` },
        )
        .toBe(true);
      await page.goto(`${server.url}/hub/companies`);
      // From the keyboard: the summary opens the filters; a set filter keeps them open.
      await disclosure.locator("summary").focus();
      await page.keyboard.press("Enter");
      expect(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await page.goto(`${server.url}/hub/companies?band=basic`);
      expect(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await close();
    },
  );
});
