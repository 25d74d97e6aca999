import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { loadDefinition } from "../helpers/definitions";
import { launchBrowser, openPage } from "./browser";
import { createAssessmentViaApi, submitViaApi } from "./create-assessment";
import { startServer, type RunningServer } from "./server";

const chromiumPath = inject("chromiumPath");
const WIDTHS = [320, 375, 768, 1024, 1280, 1920];
const LANGUAGES = ["sv", "en"] as const;

type Text = string | Record<string, string>;
interface Matrix {
  type: string;
  name: string;
  rows?: unknown[];
  columns?: ({ text?: Text; title?: Text } | string)[];
}
interface Matrices {
  page: number;
  matrices: { name: string; boxes: number; columns: Record<"sv" | "en", string[]> }[];
}

const inLanguage = (text: Text | undefined, language: "sv" | "en") =>
  typeof text === "string" ? text : (text?.[language === "en" ? "default" : "sv"] ?? "");

/** The pages of a questionnaire that hold a matrix, with each matrix's boxes and columns. */
async function matrixPages(serverUrl: string, id: string): Promise<Matrices[]> {
  const file = (await (await fetch(`${serverUrl}/api/v1/definitions/${id}/latest`)).json()) as {
    survey: { pages: { elements: Matrix[] }[] };
  };
  return file.survey.pages
    .map((page, index) => ({
      page: index,
      matrices: page.elements
        .filter((e) => e.type.startsWith("matrix"))
        .map((e) => {
          const columns = e.columns ?? [];
          const text = (language: "sv" | "en") =>
            columns.map((c) =>
              typeof c === "string" ? c : inLanguage(c.title ?? c.text, language).trim(),
            );
          return {
            name: e.name,
            boxes: (e.rows?.length ?? 0) * columns.length,
            columns: { sv: text("sv"), en: text("en") },
          };
        }),
    }))
    .filter((p) => p.matrices.length > 0);
}

/**
 * What of a matrix cannot be seen: every column's heading (a table header or, on a phone,
 * the label beside each box) and every radio or tick box must be drawn inside its card, and
 * the card inside the window.
 */
function hiddenParts(
  page: Page,
  matrix: { name: string; boxes: number; columns: string[] },
): Promise<string[]> {
  return page.evaluate(({ name, boxes, columns }) => {
    const card = document.querySelector(`.sd-question[data-name="${name}"]`);
    if (!card) return [`${name}: not on the page`];
    const box = card.getBoundingClientRect();
    const inside = (element: Element) => {
      const r = element.getBoundingClientRect();
      return r.width >= 1 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
    };
    const shown = (element: Element) => element.getClientRects().length > 0;
    const problems: string[] = [];
    if (box.left < -0.5 || box.right > window.innerWidth + 0.5) {
      problems.push(`${name}: the card is wider than the window`);
    }
    const drawn = [...card.querySelectorAll(".sd-item__decorator")].filter(shown);
    if (drawn.length !== boxes) problems.push(`${name}: ${drawn.length} of ${boxes} boxes drawn`);
    for (const [i, decorator] of drawn.entries()) {
      if (!inside(decorator)) problems.push(`${name}: box ${i + 1} is outside the card`);
    }
    const texts = [...card.querySelectorAll("th, td, span, label, div")].filter(
      (e) => e.children.length === 0 || e.matches("th, label"),
    );
    for (const column of columns) {
      const seen = texts.some(
        (e) => (e.textContent ?? "").trim() === column && shown(e) && inside(e),
      );
      if (!seen) problems.push(`${name}: the column "${column}" is not visible in the card`);
    }
    return problems;
  }, matrix);
}

describe.skipIf(!chromiumPath)("every answer level of every matrix is visible", () => {
  let server: RunningServer;
  let browser: Browser;
  const tokens: Record<string, Record<(typeof LANGUAGES)[number], string>> = {};

  beforeAll(async () => {
    server = await startServer({ SEED_DEMO_DATA: "never" });
    browser = await launchBrowser(chromiumPath);
    for (const id of ["dma-sme", "dma-pso", "smart-industry"]) tokens[id] = { sv: "", en: "" };
    for (const language of LANGUAGES) {
      tokens["dma-sme"][language] = await createAssessmentViaApi(server.url, { language });
      tokens["dma-pso"][language] = await createAssessmentViaApi(server.url, {
        language,
        customerType: "pso",
      });
      // The smart industry module follows a manufacturing company's submitted T0.
      const t0 = await createAssessmentViaApi(server.url, { language });
      const answers = randomAnswers(loadDefinition("dma-sme", "1.1.0"), createRandom(3));
      await submitViaApi(server.url, t0, answers);
      const started = await fetch(`${server.url}/a/${t0}/results`, {
        method: "POST",
        body: new URLSearchParams({ intent: "smart-industry" }),
        redirect: "manual",
      });
      tokens["smart-industry"][language] = (started.headers.get("location") ?? "").split("/a/")[1];
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test.each(["dma-sme", "dma-pso", "smart-industry"])(
    "%s, in Swedish and English, at 320–1920 px",
    { timeout: 240_000 },
    async (id) => {
      const problems: string[] = [];
      const pages = await matrixPages(server.url, id);
      for (const language of LANGUAGES) {
        // One browser context per language: its cache keeps the SurveyJS chunk between pages.
        const { page, close } = await openPage(browser, {
          locale: language === "sv" ? "sv-SE" : "en-GB",
        });
        for (const { page: pageNo, matrices } of pages) {
          const token = tokens[id][language];
          await fetch(`${server.url}/api/v1/assessments/${token}/answers`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ answers: {}, currentPage: pageNo }),
          });
          await page.goto(`${server.url}/a/${token}`);
          await page.locator(`.sd-question[data-name="${matrices[0].name}"]`).waitFor();
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 900 });
            // SurveyJS lays matrices out again when its container resizes.
            await page.waitForTimeout(150);
            for (const matrix of matrices) {
              const columns = matrix.columns[language];
              for (const problem of await hiddenParts(page, { ...matrix, columns })) {
                problems.push(`${language} ${width}px page ${pageNo + 1}: ${problem}`);
              }
            }
          }
        }
        await close();
      }
      expect(problems).toEqual([]);
    },
  );
});
