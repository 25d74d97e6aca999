import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { seriousViolations } from "./axe";
import { launchBrowser, openPage } from "./browser";
import { startServer, type RunningServer } from "./server";

const chromiumPath = inject("chromiumPath");
describe.skipIf(!chromiumPath)("accessibility (axe-core)", () => {
  let server: RunningServer;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    server = await startServer({ SEED_DEMO_DATA: "never" });
    browser = await launchBrowser(chromiumPath);
    const created = await fetch(`${server.url}/api/v1/assessments`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        language: "en",
        profile: {
          companyName: "Sölvesborg Energi AB",
          orgNumber: "556036-0793",
          sizeClass: "small",
          primarySector: "energy-utilities",
          region: "blekinge",
          contactName: "Per Holm",
          contactEmail: "per@example.se",
        },
      }),
    });
    token = (await created.json()).token;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test.each([
    ["the landing page", "/", "h1"],
    ["who is answering", "/start", "form"],
    ["the company profile form", "/start?type=sme", "#companyName"],
    ["the public sector profile form", "/start?type=pso", "#organisationName"],
    ["the questionnaire", "/a/{token}", ".sd-question"],
  ])("%s has no serious or critical violations", async (_label, path, ready) => {
    const { page, close } = await openPage(browser, { bypassCSP: true });
    await page.goto(`${server.url}${path.replace("{token}", token)}`);
    await page.locator(ready).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await close();
  });

  test("the results page has no serious or critical violations", async () => {
    const answers = randomAnswers(loadDefinition("dma-sme", "1.1.0"), createRandom(8));
    await fetch(`${server.url}/api/v1/assessments/${token}/answers`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers }),
    });
    expect(
      (await fetch(`${server.url}/api/v1/assessments/${token}/submit`, { method: "POST" })).status,
    ).toBe(200);
    const { page, close } = await openPage(browser, { bypassCSP: true });
    await page.goto(`${server.url}/a/${token}/results`);
    await page.locator("canvas").nth(1).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await close();
  });
});
