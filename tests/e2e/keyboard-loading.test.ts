import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser, openPage } from "./browser";
import { createAssessmentViaApi } from "./create-assessment";
import { startServer, type RunningServer } from "./server";

const chromiumPath = inject("chromiumPath");
const LOADS = 20;

describe.skipIf(!chromiumPath)("pressing Tab while the questionnaire loads", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ SEED_DEMO_DATA: "never" });
    browser = await launchBrowser(chromiumPath);
    token = await createAssessmentViaApi(server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test(
    `${LOADS} loads in a row: the first question always appears and takes the focus from the keyboard`,
    { timeout: 240_000 },
    async () => {
      const failures: string[] = [];
      for (let load = 0; load < LOADS; load++) {
        const { page, errors, close } = await openPage(browser);
        // Tab from the moment the document arrives, as a keyboard user does while the
        // page hydrates (before the fix, React threw #345 in about one load in six).
        await page.goto(`${server.url}/a/${token}`, { waitUntil: "commit" });
        for (let press = 0; press < 12; press++) {
          await page.keyboard.press("Tab");
          await page.waitForTimeout(15);
        }
        const first = page.locator(".sd-question").first();
        const appeared = await first.waitFor({ timeout: 10_000 }).then(
          () => true,
          () => false,
        );
        let focused = false;
        for (let press = 0; appeared && press < 40 && !focused; press++) {
          await page.keyboard.press("Tab");
          focused = await first.evaluate((element) => element.contains(document.activeElement));
        }
        if (!appeared || !focused || errors().length > 0) {
          failures.push(`load ${load + 1}: appeared ${appeared}, focused ${focused}, ${errors()}`);
        }
        await close();
      }
      expect(failures).toEqual([]);
    },
  );
});
