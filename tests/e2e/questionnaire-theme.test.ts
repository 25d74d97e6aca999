import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser, openPage, waitForHydration } from "./browser";
import { createAssessmentViaApi } from "./create-assessment";
import { startServer, type RunningServer } from "./server";

const chromiumPath = inject("chromiumPath");

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe.skipIf(!chromiumPath)("the questionnaire looks like the app", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ SEED_DEMO_DATA: "never" });
    browser = await launchBrowser(chromiumPath);
    token = await createAssessmentViaApi(server.url, { language: "sv" });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("the app's font and colours, and a focus ring of at least 3:1", async () => {
    const { page, errors, close } = await openPage(browser, { locale: "sv-SE" });
    await page.goto(`${server.url}/a/${token}`);
    await page.locator('.sd-question[data-name="q2"]').waitFor();
    await waitForHydration(page);

    const fonts = await page.evaluate(() => ({
      body: getComputedStyle(document.body).fontFamily,
      title: getComputedStyle(document.querySelector(".sd-question__title")!).fontFamily,
      item: getComputedStyle(document.querySelector(".sd-item__control-label")!).fontFamily,
    }));
    expect(fonts.title).toBe(fonts.body);
    expect(fonts.item).toBe(fonts.body);

    // A ticked box is drawn in the app's primary colour, not SurveyJS green.
    await page.locator('.sd-question[data-name="q2"] .sd-item').first().click();
    await page.mouse.move(0, 0);
    const primary = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue("--color-primary").trim(),
    );
    expect(primary).toBe("#0b5563");
    // (SurveyJS animates the change of colour.)
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            getComputedStyle(document.querySelector(".sd-item--checked .sd-item__decorator")!)
              .backgroundColor,
        ),
      )
      .toBe("rgb(11, 85, 99)");
    // An empty box has an edge that can be seen (≥ 3:1 against the card).
    const empty = await page.evaluate(() => {
      const decorator = document.querySelector(
        '.sd-question[data-name="q2"] .sd-item:not(.sd-item--checked) .sd-item__decorator',
      )!;
      return {
        edge: getComputedStyle(decorator).boxShadow,
        card: getComputedStyle(decorator.closest(".sd-question")!).backgroundColor,
      };
    });
    expect(
      contrast(empty.edge.match(/rgba?\([^)]*\)/)?.[0] ?? empty.card, empty.card),
    ).toBeGreaterThanOrEqual(3);

    // Tab to the next tick box: its focus ring stands out from the card.
    await page.locator('.sd-question[data-name="q2"] input').first().focus();
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const input = document.activeElement as HTMLInputElement;
      const decorator = input.closest(".sd-item")!.querySelector(".sd-item__decorator")!;
      const shadow = getComputedStyle(decorator, "::before").boxShadow;
      const card = input.closest(".sd-question")!;
      return { shadow, card: getComputedStyle(card).backgroundColor };
    });
    const ringColour = ring.shadow.match(/rgba?\([^)]*\)/)?.[0] ?? "";
    const spread = Number(ring.shadow.match(/(\d+(?:\.\d+)?)px(?![\s\S]*px)/)?.[1] ?? 0);
    expect(ringColour).not.toBe("");
    expect(spread).toBeGreaterThanOrEqual(2);
    expect(contrast(ringColour, ring.card)).toBeGreaterThanOrEqual(3);
    expect(errors()).toEqual([]);
    await close();
  });

  test("on a phone: the page count, and the first error clear of the sticky bar", async () => {
    const { page, errors, close } = await openPage(browser, { locale: "sv-SE" });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${server.url}/a/${token}`);
    await page.locator('.sd-question[data-name="q2"]').waitFor();
    await waitForHydration(page);
    expect(await page.getByTestId("page-count").textContent()).toBe("Sida 1 av 7");

    // Page 2 unanswered: "Nästa" from the foot of the page makes SurveyJS scroll up to
    // the first error, which must not hide under the bar that says "Sparat".
    await page.locator('.sd-question[data-name="q2"] .sd-item').first().click();
    await page.getByRole("button", { name: "Nästa" }).click();
    await page.locator('.sd-question[data-name="q3"]').waitFor();
    expect(await page.getByTestId("page-count").textContent()).toBe("Sida 2 av 7");
    await page.getByText("Sparat").waitFor();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.getByRole("button", { name: "Nästa" }).click();
    const error = page.locator(".sd-question--error").first();
    await error.waitFor();
    await page.waitForTimeout(600); // SurveyJS scrolls smoothly
    const boxes = await page.evaluate(() => ({
      bar: document.querySelector(".questionnaire__bar")!.getBoundingClientRect().bottom,
      error: document.querySelector(".sd-question--error")!.getBoundingClientRect().top,
    }));
    expect(boxes.error).toBeGreaterThanOrEqual(boxes.bar);
    expect(boxes.error).toBeLessThan(812);
    expect(errors()).toEqual([]);
    await close();
  });
});
