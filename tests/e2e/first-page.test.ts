import { readFileSync } from "node:fs";
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { seriousViolations } from "./axe";
import { launchBrowser, openPage, waitForHydration } from "./browser";
import { createAssessmentViaApi } from "./create-assessment";
import { startServer, type RunningServer } from "./server";

const chromiumPath = inject("chromiumPath");

type Localised = { default: string; sv: string };
interface Element {
  name: string;
  choices?: { value: number; text: Localised }[];
  rows?: { value: string; text: Localised }[];
  columns?: { name?: string; value?: number; title?: Localised; text?: Localised }[];
}
const sme = JSON.parse(
  readFileSync(new URL("../../survey-definitions/dma-sme/1.1.0.json", import.meta.url), "utf8"),
) as { survey: { pages: { elements: Element[] }[] } };
const [q1, q2] = sme.survey.pages[0].elements;
const q4 = sme.survey.pages[1].elements[1];
const say = (text: Localised, language: "sv" | "en") =>
  language === "sv" ? text.sv : text.default;

/** The SurveyJS chunk's requests, held until `release()` (the preload and the import alike). */
async function holdSurveyJs(page: Page) {
  const held: Route[] = [];
  let released = false;
  await page.route(/\/build\/.*questionnaire\.client-[\w-]+\.js$/, (route) => {
    if (released) void route.continue();
    else held.push(route);
  });
  return {
    requested: () => held.length > 0,
    release: async () => {
      released = true;
      await Promise.all(held.map((route) => route.continue()));
    },
  };
}

async function savedAnswers(serverUrl: string, token: string) {
  const response = await fetch(`${serverUrl}/api/v1/assessments/${token}`);
  return ((await response.json()) as { answers: Record<string, unknown> }).answers;
}

/**
 * Issue #14, point 4 (decision 031): the questionnaire's current page works as a native form
 * before the SurveyJS chunk (~280 KB) has arrived, and SurveyJS takes it over with every
 * answer given meanwhile.
 */
describe.skipIf(!chromiumPath)("the first page before SurveyJS arrives", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ SEED_DEMO_DATA: "never" });
    browser = await launchBrowser(chromiumPath);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test.each(["sv", "en"] as const)(
    "%s: answered with native inputs, saved, then ticked in SurveyJS",
    { timeout: 120_000 },
    async (language) => {
      const token = await createAssessmentViaApi(server.url, { language });
      const { page, errors, close } = await openPage(browser, {
        locale: language === "sv" ? "sv-SE" : "en-GB",
        bypassCSP: true, // for axe-core only
      });
      await page.setViewportSize({ width: 1280, height: 900 });
      const surveyJs = await holdSurveyJs(page);
      await page.goto(`${server.url}/a/${token}`);
      await waitForHydration(page);
      await expect.poll(surveyJs.requested).toBe(true);

      // The first page, in the respondent's language, with native boxes: q1's grid and q2.
      const form = page.getByTestId("native-page");
      const grid = form.locator('[data-name="q1"]');
      await expect.poll(() => grid.locator("input[type=checkbox]").count()).toBe(20);
      const firstRow = grid.getByRole("group", { name: say(q1.rows![0].text, language) });
      const invested = firstRow.getByRole("checkbox", {
        name: say(q1.columns![0].title!, language),
      });
      const choices = form.locator('[data-name="q2"]');
      const first = choices.getByRole("checkbox", { name: say(q2.choices![0].text, language) });
      const second = choices.getByRole("checkbox", { name: say(q2.choices![1].text, language) });
      expect(await page.locator(".sd-question").count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);

      // Answering saves through the answers endpoint, with the same status line.
      await invested.check();
      await first.check();
      await expect
        .poll(() => page.locator(".save-status").textContent(), { timeout: 15_000 })
        .toBe(language === "sv" ? "Sparat" : "Saved");
      const saved = await savedAnswers(server.url, token);
      expect(saved.q2).toEqual([1]);
      expect((saved.q1 as Record<string, Record<string, boolean>>)["1"]).toEqual({
        invested: true,
        planned: false,
      });

      // Ticked and not yet saved when SurveyJS arrives: SurveyJS shows it and saves it.
      await second.check();
      await surveyJs.release();
      const card = page.locator('.sd-question[data-name="q2"]');
      await card.waitFor();
      await expect.poll(() => form.count()).toBe(0);
      const surveyBoxes = card.locator("input[type=checkbox]");
      expect(await surveyBoxes.nth(0).isChecked()).toBe(true);
      expect(await surveyBoxes.nth(1).isChecked()).toBe(true);
      expect(await surveyBoxes.nth(2).isChecked()).toBe(false);
      const surveyGrid = page.locator('.sd-question[data-name="q1"] input[type=checkbox]');
      expect(await surveyGrid.nth(0).isChecked()).toBe(true);
      expect(await surveyGrid.nth(1).isChecked()).toBe(false);
      await expect
        .poll(async () => (await savedAnswers(server.url, token)).q2, { timeout: 15_000 })
        .toEqual([1, 2]);
      expect(errors()).toEqual([]);
      await close();
    },
  );

  test("an answer ticked before the page's scripts ran is saved once they have", async () => {
    const token = await createAssessmentViaApi(server.url, { language: "en" });
    const { page, errors, close } = await openPage(browser);
    await holdSurveyJs(page);
    // Hold the page's scripts (but not SurveyJS's, held above) until a box is ticked.
    const scripts: Route[] = [];
    let scriptsReleased = false;
    await page.route(/\/build\/(?!.*questionnaire\.client).*\.js$/, (route) => {
      if (scriptsReleased) void route.continue();
      else scripts.push(route);
    });
    await page.goto(`${server.url}/a/${token}`, { waitUntil: "domcontentloaded" });
    const form = page.getByTestId("native-page");
    await form
      .locator('[data-name="q2"]')
      .getByRole("checkbox", { name: q2.choices![2].text.default })
      .check();
    scriptsReleased = true;
    await Promise.all(scripts.map((route) => route.continue()));
    await waitForHydration(page);
    await expect
      .poll(async () => (await savedAnswers(server.url, token)).q2, { timeout: 15_000 })
      .toEqual([3]);
    expect(errors()).toEqual([]);
    await close();
  });

  test.each(["sv", "en"] as const)(
    "%s, 840–1280 px: a 0–5 matrix is a table inside the card, its headings unbroken",
    { timeout: 120_000 },
    async (language) => {
      const token = await createAssessmentViaApi(server.url, { language });
      await fetch(`${server.url}/api/v1/assessments/${token}/answers`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answers: {}, currentPage: 1 }),
      });
      const { page, errors, close } = await openPage(browser, {
        locale: language === "sv" ? "sv-SE" : "en-GB",
        bypassCSP: true,
      });
      await page.setViewportSize({ width: 1280, height: 900 });
      await holdSurveyJs(page);
      await page.goto(`${server.url}/a/${token}`);
      await waitForHydration(page);
      const card = page.getByTestId("native-page").locator('[data-name="q4"]');
      await card.waitFor();
      const headings = await card.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return [...element.querySelectorAll(".native-grid__head > span:not(:empty)")].map(
          (heading) => {
            const r = heading.getBoundingClientRect();
            // Each word on one line: a word broken inside has two boxes.
            const text = heading.firstChild!;
            const broken: string[] = [];
            const range = document.createRange();
            for (const match of (text.textContent ?? "").matchAll(/\S+/g)) {
              range.setStart(text, match.index);
              range.setEnd(text, match.index + match[0].length);
              if (range.getClientRects().length > 1) broken.push(match[0]);
            }
            const radios = [...element.querySelectorAll("[role=radiogroup]")].map((row) =>
              row.querySelectorAll("input")[headingIndex(heading)].getBoundingClientRect(),
            );
            return {
              text: heading.textContent,
              inside: r.width > 0 && r.left >= box.left && r.right <= box.right,
              broken,
              // Every radio stands under its heading.
              aligned: radios.every((radio) => radio.left >= r.left && radio.right <= r.right),
            };
          },
        );
        function headingIndex(heading: globalThis.Element): number {
          return [...heading.parentElement!.children].indexOf(heading) - 1;
        }
      });
      expect(headings.map((h) => h.text)).toEqual(
        q4.columns!.map((column) => say(column.text!, language)),
      );
      for (const heading of headings) {
        expect(heading).toMatchObject({ inside: true, broken: [], aligned: true });
      }
      expect(await seriousViolations(page)).toEqual([]);

      // Just above SurveyJS's mobile width (800 px) the table is tight: still inside the card.
      for (const width of [840, 880, 920, 1024]) {
        await page.setViewportSize({ width, height: 900 });
        const outside = await card.evaluate((element) => {
          const box = element.getBoundingClientRect();
          return [...element.querySelectorAll("input, .native-grid__column")].filter((e) => {
            const r = e.getBoundingClientRect();
            return r.left < box.left || r.right > box.right;
          }).length;
        });
        expect(outside, `${width} px`).toBe(0);
      }
      expect(errors()).toEqual([]);
      await close();
    },
  );

  test.each(["sv", "en"] as const)(
    "%s, 375 px: every level of a 0–5 matrix is on screen, named, and saves",
    { timeout: 120_000 },
    async (language) => {
      const token = await createAssessmentViaApi(server.url, { language });
      const moved = await fetch(`${server.url}/api/v1/assessments/${token}/answers`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answers: {}, currentPage: 1 }),
      });
      expect(moved.status).toBe(200);
      const { page, errors, close } = await openPage(browser, {
        locale: language === "sv" ? "sv-SE" : "en-GB",
      });
      await page.setViewportSize({ width: 375, height: 812 });
      await holdSurveyJs(page);
      await page.goto(`${server.url}/a/${token}`);
      await waitForHydration(page);
      const card = page.getByTestId("native-page").locator('[data-name="q4"]');
      await card.waitFor();
      expect(await page.getByTestId("page-count").textContent()).toBe(
        language === "sv" ? "Sida 2 av 7" : "Page 2 of 7",
      );

      const columns = q4.columns!.map((column) => say(column.text!, language));
      const rows = await card.evaluate((element) => {
        const box = element.getBoundingClientRect();
        const inside = (r: DOMRect) =>
          r.width > 0 && r.height > 0 && r.left >= box.left && r.right <= box.right;
        return [...element.querySelectorAll("[role=radiogroup]")].map((row) =>
          [...row.querySelectorAll("label")].map((label) => ({
            text: label.textContent?.trim(),
            radio: inside(label.querySelector("input")!.getBoundingClientRect()),
            label: inside(label.querySelector("span")!.getBoundingClientRect()),
          })),
        );
      });
      expect(rows).toHaveLength(q4.rows!.length);
      for (const cells of rows) {
        expect(cells.map((cell) => cell.text)).toEqual(columns);
        expect(cells.every((cell) => cell.radio && cell.label)).toBe(true);
      }

      // The top level of the last row, by its name.
      const lastRow = card.getByRole("radiogroup", { name: say(q4.rows!.at(-1)!.text, language) });
      await lastRow.getByRole("radio", { name: columns[5] }).check();
      await expect
        .poll(async () => (await savedAnswers(server.url, token)).q4, { timeout: 15_000 })
        .toEqual({ [q4.rows!.at(-1)!.value]: 5 });
      expect(errors()).toEqual([]);
      await close();
    },
  );
});
