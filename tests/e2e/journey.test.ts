import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { launchBrowser, openPage } from "./browser";
import { startServer, type RunningServer } from "./server";

const chromiumPath = inject("chromiumPath");
const dma = loadDefinition("dma-sme", "1.1.0");

async function fillProfileInSwedish(page: Page) {
  await page.getByRole("link", { name: "Starta självskattningen", exact: true }).click();
  // Who is answering: a company is the first choice.
  await page.getByRole("radio", { name: /Ett företag/ }).check();
  await page.getByRole("button", { name: "Fortsätt" }).click();
  await page.getByLabel("Företagets namn").fill("Växjö Trä & Montage AB");
  await page.getByLabel("Organisationsnummer").fill("556036-0793");
  await page.getByLabel("Antal anställda").selectOption("small");
  await page.getByLabel("Huvudbransch").selectOption("manufacturing");
  await page.getByLabel("Län").selectOption("kronoberg");
  await page.getByLabel("Namn", { exact: true }).fill("Anna Berg");
  await page.getByLabel("E-post").fill("anna@example.se");
  await page.getByLabel(/anonymt/).check();
  await page.getByRole("button", { name: "Börja svara" }).click();
  await page.waitForURL(/\/a\/[A-Za-z0-9_-]{32}$/);
}

describe.skipIf(!chromiumPath)("an SME's assessment in Chromium", () => {
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

  test("profile errors are shown beside the fields in Swedish, and nothing is stored", async () => {
    const { page, errors, close } = await openPage(browser, { locale: "sv-SE" });
    await page.goto(`${server.url}/start?type=sme`);
    await page.getByLabel("Organisationsnummer").fill("556036-0794");
    await page.getByRole("button", { name: "Börja svara" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("Rätta de markerade fälten");
    expect(await page.locator("#orgNumber-error").textContent()).toContain("organisationsnummer");
    expect(await page.locator("#companyName-error").textContent()).toBe("Fyll i detta.");
    // The summary lists the fields in error in the form's order, each a link to its field.
    const listed = page.getByRole("alert").getByRole("link");
    expect((await listed.allTextContents())[0]).toBe("Företagets namn: Fyll i detta.");
    expect(await listed.allTextContents()).toContain(
      "Organisationsnummer: Det här är inte ett giltigt svenskt organisationsnummer; kontrollera siffrorna.",
    );
    await listed.first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("companyName");
    expect(await page.getByLabel("Organisationsnummer").inputValue()).toBe("556036-0794");
    expect(errors().filter((e) => !e.includes("400"))).toEqual([]);
    await close();
  });

  test("fill in the profile, answer part, come back in a new browser, finish and see the results", async () => {
    const first = await openPage(browser, { locale: "sv-SE" });
    await first.page.goto(server.url);
    await fillProfileInSwedish(first.page);
    const link = first.page.url();
    const token = link.split("/a/")[1];

    // Answer q2 item 1 on the first page, and wait for the autosave.
    const q2 = first.page.locator('[data-name="q2"]');
    await q2.getByText(/Behoven av digitalisering är identifierade/).click();
    await first.page.getByText("Sparat").waitFor();
    await first.close();

    // Another browser: the answer is restored.
    const second = await openPage(browser, { locale: "sv-SE" });
    await second.page.goto(link);
    const restored = second.page.locator('[data-name="q2"] input[type=checkbox]').first();
    await expect.poll(() => restored.isChecked()).toBe(true);

    // The rest of the answers arrive through the same autosave action (as from a phone),
    // then the respondent goes through the pages and submits.
    const rest = randomAnswers(dma, createRandom(11));
    const response = await fetch(`${server.url}/api/v1/assessments/${token}/answers`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers: { ...rest, q2: [1] } }),
    });
    expect(response.status).toBe(200);
    await second.page.reload();
    for (let i = 0; i < 10; i++) {
      const complete = second.page.getByRole("button", { name: "Slutför" });
      if (await complete.isVisible()) {
        await complete.click();
        break;
      }
      await second.page.getByRole("button", { name: "Nästa" }).click();
    }
    await second.page.getByRole("heading", { level: 1, name: /Ert resultat/ }).waitFor();
    expect(second.page.url()).toBe(`${link}/results`);
    const overall = Number(await second.page.getByTestId("overall-score").textContent());
    expect(overall).toBeGreaterThanOrEqual(0);
    expect(overall).toBeLessThanOrEqual(100);
    // Both charts are drawn, and the table has a row per dimension.
    await second.page.locator("canvas").nth(1).waitFor();
    expect(await second.page.locator("canvas").count()).toBe(2);
    expect(await second.page.locator(".score-table tbody tr").count()).toBe(6);
    expect(second.errors()).toEqual([]);
    await second.close();
  });
});
