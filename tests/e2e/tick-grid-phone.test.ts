import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser, openPage, waitForHydration } from "./browser";
import { createAssessmentViaApi } from "./create-assessment";
import { startServer, type RunningServer } from "./server";

const chromiumPath = inject("chromiumPath");

/**
 * q1 of the SME questionnaire is a 10 × 2 tick grid. SurveyJS's phone layout stacked it into
 * 20 lines, one box each (3,062 px at 375 px wide); the app's layout puts each area's two
 * boxes side by side under its name (about 1,570 px).
 */
describe.skipIf(!chromiumPath)("q1's tick grid on a phone", () => {
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
    "%s, 375 px: compact, and every box is seen, tapped by its name and ticked with the keyboard",
    { timeout: 120_000 },
    async (language) => {
      const token = await createAssessmentViaApi(server.url, { language });
      const { page, errors, close } = await openPage(browser, {
        locale: language === "sv" ? "sv-SE" : "en-GB",
      });
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`${server.url}/a/${token}`);
      const card = page.locator('.sd-question[data-name="q1"]');
      await card.waitFor();
      await waitForHydration(page);

      const height = (await card.boundingBox())!.height;
      console.log(`q1 at 375 px (${language}): ${Math.round(height)} px`);
      expect(height).toBeLessThan(1_800);

      // Two boxes per row, side by side, each with its column's name, inside the card.
      const rows = await card.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return [...element.querySelectorAll("tbody tr.sd-table__row")].map((row) => {
          const cells = [...row.querySelectorAll("td")].filter((c) => c.querySelector("input"));
          return cells.map((cell) => {
            const r = cell.querySelector(".sd-item__decorator")!.getBoundingClientRect();
            return {
              top: Math.round(r.top),
              inside: r.width > 0 && r.left >= box.left && r.right <= box.right,
              name: cell.querySelector(".sd-table__responsive-title")?.textContent?.trim(),
            };
          });
        });
      });
      expect(rows).toHaveLength(10);
      const columns =
        language === "sv"
          ? ["Har redan investerat", "Planerar att investera"]
          : ["Already invested", "Plans to invest"];
      for (const cells of rows) {
        expect(cells.map((c) => c.name)).toEqual(columns);
        expect(cells.every((c) => c.inside)).toBe(true);
        expect(cells[0].top).toBe(cells[1].top);
      }

      // Tapping a column's name ticks the box beside it: the whole cell is the box's target
      // (so the label covers the name, and a click must not wait for the name to be "free").
      const boxes = card.locator("input[type=checkbox]");
      expect(await boxes.count()).toBe(20);
      const names = card.locator(".sd-table__responsive-title");
      for (let i = 0; i < 20; i++) {
        await names.nth(i).click({ force: true });
        await expect.poll(() => boxes.nth(i).isChecked()).toBe(true);
      }
      await names.nth(3).click({ force: true });
      await expect.poll(() => boxes.nth(3).isChecked()).toBe(false);

      // The keyboard: Tab reaches the next box and Space ticks it.
      await boxes.nth(3).focus();
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
        .toMatch(language === "sv" ? /kolumn Planerar att investera/ : /Plans to invest/);
      await page.keyboard.press("Space");
      await expect.poll(() => boxes.nth(3).isChecked()).toBe(true);

      // The ticks are saved like any answer.
      await expect
        .poll(() => page.locator(".save-status").textContent(), { timeout: 10_000 })
        .toBe(language === "sv" ? "Sparat" : "Saved");
      expect(errors()).toEqual([]);
      await close();
    },
  );
});
