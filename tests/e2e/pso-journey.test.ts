import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { seriousViolations } from "./axe";
import { launchBrowser, openPage, waitForHydration } from "./browser";
import { startServer, type RunningServer } from "./server";

const chromiumPath = inject("chromiumPath");
const pso = loadDefinition("dma-pso", "1.0.0");

describe.skipIf(!chromiumPath)("a municipality's assessment in Chromium", () => {
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

  test("a PSO profile with a micro size class is refused beside the field, in Swedish", async () => {
    const { page, errors, close } = await openPage(browser, { locale: "sv-SE" });
    await page.goto(`${server.url}/start?type=pso`);
    // There is no micro class to choose; a crafted one is refused beside the field.
    expect(await page.locator("#sizeClass option[value=micro]").count()).toBe(0);
    // Changing the DOM before React has hydrated it would be a hydration mismatch.
    await waitForHydration(page);
    await page.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>("#sizeClass");
      select?.add(new Option("Mikro", "micro"));
      if (select) select.value = "micro";
    });
    await page.getByRole("button", { name: "Börja svara" }).click();
    await expect
      .poll(() => page.locator("#sizeClass-error").textContent())
      .toBe("Välj Liten (0–49), Medelstor (50–249) eller Stor (250 eller fler).");
    expect(await page.getByLabel("Antal anställda").getAttribute("aria-invalid")).toBe("true");
    expect(errors().filter((e) => !e.includes("400"))).toEqual([]);
    await close();
  });

  test("a kommun starts from the landing page, answers in Swedish, resumes from its link, submits and sees Interoperability", async () => {
    const first = await openPage(browser, { locale: "sv-SE", bypassCSP: true });
    await first.page.goto(server.url);
    await first.page
      .getByRole("link", { name: "Starta självskattningen för offentlig sektor" })
      .click();
    await first.page.getByRole("heading", { level: 1, name: "Om er organisation" }).waitFor();
    expect(await seriousViolations(first.page)).toEqual([]);
    await first.page.getByLabel("Organisationens namn").fill("Granryds kommun");
    await first.page.getByLabel("Organisationsnummer").fill("212000-0597");
    await first.page.getByLabel("Typ av organisation").selectOption({ label: "Kommun" });
    await first.page.getByLabel("Antal anställda").selectOption("large");
    await first.page
      .getByLabel("Huvudsakligt verksamhetsområde")
      .selectOption({ label: "Allmän offentlig förvaltning" });
    await first.page.getByLabel("Län").selectOption("kronoberg");
    await first.page.getByLabel("Namn", { exact: true }).fill("Lena Berg");
    await first.page.getByLabel("E-post").fill("lena@example.se");
    await first.page.getByLabel(/anonymt/).check();
    await first.page.getByRole("button", { name: "Börja svara" }).click();
    await first.page.waitForURL(/\/a\/[A-Za-z0-9_-]{32}$/);
    const link = first.page.url();
    const token = link.split("/a/")[1];
    await first.page
      .getByRole("heading", {
        level: 1,
        name: "Digital mognadsmätning för offentliga organisationer",
      })
      .waitFor();

    // Answer q1 item 1 on the first page, and wait for the autosave.
    const q1 = first.page.locator('[data-name="q1"]');
    await q1.getByText(/Behoven av digitalisering är identifierade/).click();
    await first.page.getByText("Sparat").waitFor();
    await first.page.locator(".sd-question").first().waitFor();
    expect(await seriousViolations(first.page)).toEqual([]);
    expect(first.errors()).toEqual([]);
    await first.close();

    // Another browser, from the private link: the answer is restored.
    const second = await openPage(browser, { locale: "sv-SE", bypassCSP: true });
    await second.page.goto(link);
    const restored = second.page.locator('[data-name="q1"] input[type=checkbox]').first();
    await expect.poll(() => restored.isChecked()).toBe(true);

    // The rest of the answers arrive through the same autosave action, then the
    // respondent goes through the pages and submits.
    const rest = randomAnswers(pso, createRandom(12));
    const q1Items = [1, ...(rest.q1 as number[]).filter((item) => item !== 1)];
    const response = await fetch(`${server.url}/api/v1/assessments/${token}/answers`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers: { ...rest, q1: q1Items } }),
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
    const areas = await second.page.locator(".dimension h3").allTextContents();
    expect(areas.map((a) => a.split(":")[0])).toEqual([
      "Digital strategi och investeringar",
      "Digital beredskap",
      "Människocentrerad digitalisering",
      "Datahantering och datasäkerhet",
      "Interoperabilitet",
      "Grön digitalisering",
    ]);
    expect(await second.page.getByTestId("bands").textContent()).toContain("Medel över 25–50");
    expect(
      await second.page
        .getByRole("heading", { name: "Jämfört med liknande organisationer" })
        .count(),
    ).toBe(1);
    await second.page.locator("canvas").nth(1).waitFor();
    expect(await second.page.locator(".score-table tbody tr").count()).toBe(6);
    expect(await seriousViolations(second.page)).toEqual([]);
    expect(second.errors()).toEqual([]);
    await second.close();
  });
});
