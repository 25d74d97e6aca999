import type { Browser } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { launchBrowser, openPage, waitForHydration } from "./browser";
import { createAssessmentViaApi, submitViaApi } from "./create-assessment";
import { startServer, type RunningServer } from "./server";

const chromiumPath = inject("chromiumPath");

/** Text compared without its white space (the PDF's lines break where the page's do not). */
const squeeze = (text: string) => text.replace(/\s+/g, "").replace(/\u00ad/g, "");

describe.skipIf(!chromiumPath)("the printed results", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ SEED_DEMO_DATA: "never" });
    browser = await launchBrowser(chromiumPath);
    token = await createAssessmentViaApi(server.url, { language: "sv" });
    // Low answers: many recommendations, so some are behind "show more".
    const answers = randomAnswers(loadDefinition("dma-sme", "1.1.0"), createRandom(21));
    await submitViaApi(server.url, token, answers);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test.each(["sv-SE", "en-GB"])(
    "in %s, hold every recommendation and every answer, though they are folded on screen",
    async (locale) => {
      const { page, errors, close } = await openPage(browser, { locale });
      await page.goto(`${server.url}/a/${token}/results`);
      await waitForHydration(page);
      const expected = await page.evaluate(() => ({
        recommendations: [...document.querySelectorAll(".recommendation h3")].map(
          (e) => e.textContent ?? "",
        ),
        answers: [...document.querySelectorAll(".answer dt, .answer dd")].map(
          (e) => e.textContent ?? "",
        ),
        folded: document.querySelectorAll("details:not([open])").length,
      }));
      expect(expected.folded).toBeGreaterThan(1);
      expect(expected.recommendations.length).toBeGreaterThan(5);
      expect(expected.answers.length).toBeGreaterThan(20);

      const pdf = await page.pdf({ format: "A4" });
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
        mergePages: true,
      });
      const printed = squeeze(text);
      const missing = [...expected.recommendations, ...expected.answers].filter(
        (line) => !printed.includes(squeeze(line)),
      );
      expect(missing).toEqual([]);
      // On screen the sections are folded again after printing.
      expect(await page.locator("details:not([open])").count()).toBe(expected.folded);
      expect(errors()).toEqual([]);
      await close();
    },
  );
});
