import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { seriousViolations } from "./axe";
import { launchBrowser, openPage, waitForHydration } from "./browser";
import { startServer, type RunningServer } from "./server";
import { signInAsStaff } from "./sign-in";

const chromiumPath = inject("chromiumPath");
const LEAD = "hubblead@demo.mognad.example";

const signIn = (page: Page, url: string) => signInAsStaff(page, url, LEAD);

describe.skipIf(!chromiumPath)(
  "the hub lead's dashboard, exports and services, in Chromium",
  () => {
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

    test("services delivered beside recommended, the effect by category with its caution, and the list of companies", async () => {
      const { page, errors, close } = await openPage(browser, { bypassCSP: true });
      await signIn(page, server.url);
      await page.goto(`${server.url}/hub/dashboard?region=skane`);
      await waitForHydration(page);
      const demand = page.getByTestId("table-demandByCategory");
      expect(await demand.locator("thead th").allTextContents()).toContain("Delivered (companies)");
      await page.getByTestId("table-effectByCategory").waitFor();
      await page.getByTestId("effect-caution").getByText("not a causal estimate").waitFor();
      // At 1280 px no table needs a sideways scroll: the effect's tables once hid their
      // last columns beyond the edge, one of them beside an empty half of the page.
      const clipped = await page
        .locator(".dashboard-block .table-scroll")
        .evaluateAll((boxes) =>
          boxes
            .filter((box) => box.scrollWidth > box.clientWidth + 1)
            .map(
              (box) => `${box.getAttribute("aria-label")}: ${box.scrollWidth} > ${box.clientWidth}`,
            ),
        );
      expect(clipped).toEqual([]);
      await page.getByTestId("completeness-link").click();
      await page.waitForURL(/\/hub\/dashboard\/companies\?region=skane/);
      await waitForHydration(page);
      // A client-side navigation: the URL can change before the new page is rendered.
      const rows = page.getByTestId("completeness-list").locator("tbody tr");
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThan(5);
      expect(await seriousViolations(page), "completeness list").toEqual([]);
      expect(errors()).toEqual([]);
      await close();
    });

    test("filter to a county and a sector, read a suppressed cell, download CSV and XLSX", async () => {
      const { page, errors, close } = await openPage(browser, { bypassCSP: true });
      await signIn(page, server.url);
      await page.getByRole("link", { name: "Dashboard" }).click();
      await page.waitForURL(/\/hub\/dashboard$/);
      await waitForHydration(page);
      expect(await seriousViolations(page), "dashboard").toEqual([]);

      await page.getByLabel("County", { exact: true }).selectOption("skane");
      await page.getByLabel("Sector", { exact: true }).selectOption("manufacturing");
      await page.getByRole("button", { name: "Show" }).click();
      await page.waitForURL(/region=skane.*sector=manufacturing/);
      await waitForHydration(page);
      const suppressed = page.locator("td.suppressed", { hasText: "fewer than 5" }).first();
      await suppressed.waitFor();
      expect(await suppressed.textContent()).toBe("fewer than 5");
      // Charts draw beside their tables.
      await page.locator(".dashboard-chart canvas").first().waitFor();

      // The maturity levels' CSV holds what the table shows, after a BOM.
      const [csv] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: "Download “Maturity levels” as CSV" }).click(),
      ]);
      const text = readFileSync((await csv.path())!, "utf8");
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const shown = await page.getByTestId("table-bands").locator("tbody tr").allTextContents();
      expect(text.trim().split("\r\n")).toHaveLength(shown.length + 1);

      // The DMA results as XLSX from the exports page, with the same filters.
      await page.goto(`${server.url}/hub/exports?region=skane&sector=manufacturing`);
      await waitForHydration(page);
      expect(await seriousViolations(page), "exports").toEqual([]);
      await page.getByLabel("Excel (XLSX)").check();
      const [xlsx] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download" }).click(),
      ]);
      expect(xlsx.suggestedFilename()).toMatch(/^dma-results-dma-sme-.*\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await xlsx.path())!);
      const sheet = workbook.worksheets[0];
      expect(sheet.getRow(1).getCell(1).value).toBe("SME name");
      expect(sheet.rowCount).toBeGreaterThan(1);
      expect(errors()).toEqual([]);
      await close();
    });

    test("edit a service's rule, see its preview, save it", async () => {
      const { page, errors, close } = await openPage(browser, { bypassCSP: true });
      await signIn(page, server.url);
      await page.getByRole("link", { name: "Services", exact: true }).click();
      await page.waitForURL(/\/hub\/services$/);
      await waitForHydration(page);
      expect(await seriousViolations(page), "catalogue").toEqual([]);
      await page.getByRole("link", { name: "AI pilot in a test bed" }).click();
      await page.waitForURL(/\/hub\/services\/ai-pilot-test-bed$/);
      await waitForHydration(page);
      expect(await page.getByTestId("service-preview").textContent()).toMatch(
        /relevant for \d+ of the last \d+ submitted assessments/,
      );

      // The first rule is a dimension rule: raise its threshold and preview it.
      const below = page.getByLabel("Holds when the score is below").first();
      await below.fill("70");
      await page.getByRole("button", { name: "Update preview" }).click();
      const preview = page.getByTestId("rule-preview").first();
      await preview.waitFor();
      expect(await preview.textContent()).toMatch(
        /^This rule would have fired for \d+ of the last \d+ submitted assessments\.$/,
      );
      expect(await seriousViolations(page), "service editor").toEqual([]);
      await page.getByRole("button", { name: "Save" }).click();
      await page.waitForURL(/saved=saved/);
      await page.getByText("Saved. A new version").waitFor();
      expect(await below.inputValue()).toBe("70");
      expect(errors()).toEqual([]);
      await close();
    });

    test("in Swedish on a phone, printed, and with a filter that cannot be used", async () => {
      const { page, errors, close } = await openPage(browser, { locale: "sv-SE" });
      await page.setViewportSize({ width: 375, height: 800 });
      await signInAsStaff(page, server.url, LEAD, "Logga in");
      await page.goto(`${server.url}/hub/dashboard`);
      await waitForHydration(page);
      // The activity's five columns are all on screen, as a card per month with each
      // figure named: its last columns were once behind a sideways scroll.
      const activity = page.getByTestId("table-activity").locator(".table-scroll");
      const [scrollWidth, clientWidth] = await activity.evaluate((box) => [
        box.scrollWidth,
        box.clientWidth,
      ]);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1);
      expect(await activity.locator("tbody td").first().getAttribute("data-label")).toBe(
        "Påbörjade T0",
      );

      // On paper every page carries a table's rows or a chart under its caption: whole
      // panels kept together once left pages holding nothing but a heading and its
      // introduction.
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.locator(".dashboard-chart canvas").first().waitFor();
      const figures = (
        await page.locator(".dashboard-block tbody th, .dashboard-block__title").allTextContents()
      ).map(squeeze);
      const pdf = await page.pdf({ format: "A4" });
      const { text: pages } = await extractText(await getDocumentProxy(new Uint8Array(pdf)));
      expect(pages.length).toBeGreaterThan(3);
      const bare = pages
        .map((text, i) => ({ page: i + 1, text: squeeze(text) }))
        .filter(({ text }) => !figures.some((figure) => figure && text.includes(figure)))
        .map(({ page, text }) => `page ${page}: ${text.slice(0, 80)}`);
      expect(bare).toEqual([]);

      // A filter value that is not one says which, in Swedish, and offers a way out.
      await page.goto(`${server.url}/hub/dashboard?region=atlantis`);
      expect(await page.getByTestId("bad-parameter").textContent()).toBe(
        "Värdet av region i adressen går inte att använda.",
      );
      await page.getByRole("link", { name: "Rensa filtren" }).click();
      await page.waitForURL(`${server.url}/hub/dashboard`);
      await page.getByTestId("table-activity").waitFor();
      expect(errors().filter((e) => !e.includes("400"))).toEqual([]);
      await close();
    });
  },
);

/** Text compared without its white space (the PDF's lines break where the page's do not). */
const squeeze = (text: string) => text.replace(/\s+/g, "").replace(/\u00ad/g, "");
