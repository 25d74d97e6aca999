import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { seriousViolations } from "./axe";
import { launchBrowser, openPage, waitForHydration } from "./browser";
import { startServer, type RunningServer } from "./server";

const chromiumPath = inject("chromiumPath");
const dma = loadDefinition("dma-sme", "1.1.0");
const random = createRandom(5);

describe.skipIf(!chromiumPath)("peer comparison and recommendations in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    // The demo companies are the peers (on PostgreSQL too).
    server = await startServer({ SEED_DEMO_DATA: "always" });
    browser = await launchBrowser(chromiumPath);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A submitted assessment made through the API; returns its token and results. */
  async function submitted(
    primarySector: string,
    company = { name: "Karlshamn Precision AB", orgNumber: "556036-0793" },
  ) {
    const created = await fetch(`${server.url}/api/v1/assessments`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        language: "en",
        profile: {
          companyName: company.name,
          orgNumber: company.orgNumber,
          sizeClass: "small",
          primarySector,
          region: "blekinge",
          contactName: "Erik Lund",
          contactEmail: "erik@example.se",
          consentBenchmark: true,
        },
      }),
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const api = `${server.url}/api/v1/assessments/${token}`;
    const saved = await fetch(`${api}/answers`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answers: randomAnswers(dma, random) }),
    });
    expect(saved.status).toBe(200);
    expect((await fetch(`${api}/submit`, { method: "POST" })).status).toBe(200);
    const results = (await (await fetch(`${api}/results`)).json()) as {
      peers: {
        chosen: string | null;
        groups: { kind: string; shown: boolean; companies?: number }[];
      };
    };
    return { token, results };
  }

  test("the results page compares with the sector and explains its recommendations", async () => {
    const { token, results } = await submitted("manufacturing");
    expect(results.peers.chosen).toBe("sector");
    const { page, errors, close } = await openPage(browser, {
      locale: "en-GB",
      bypassCSP: true, // for the axe-core scan
    });
    await page.goto(`${server.url}/a/${token}/results`);
    await expect
      .poll(() => page.getByTestId("peer-group").textContent())
      .toMatch(/^Compared with companies in manufacturing: \d+ companies\.$/);
    expect(await page.getByTestId("peer-fallback").count()).toBe(0);
    // A sentence per dimension, and the table gains the peers' median and range.
    expect(await page.locator(".dimension__peers").count()).toBe(6);
    await expect
      .poll(() => page.locator(".dimension__peers").first().textContent())
      .toMatch(
        /^Higher than \d+% of companies in manufacturing\. Typical for them is \d+; half of them score between \d+ and \d+\.$/,
      );
    expect(await page.locator(".score-table thead th:visible").count()).toBe(4);
    // At least one recommendation, with its reason.
    const first = page.getByTestId("recommendation").first();
    await first.waitFor();
    expect(await first.locator(".recommendation__reason").textContent()).toMatch(
      /^Why: (Your score for|You did not select|You selected|You answered)/,
    );
    expect(await page.getByRole("link", { name: "Contact the hub" }).getAttribute("href")).toMatch(
      /^mailto:/,
    );
    // Both charts are drawn, with the peers; the page passes the accessibility scan.
    await page.locator("canvas").nth(1).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors()).toEqual([]);
    await close();
  });

  test("a company in a tiny sector sees which wider group it is compared with, in Swedish", async () => {
    let tiny: string | undefined;
    for (const sector of [
      "aeronautics-space",
      "defence-security",
      "maritime-fishery",
      "mining-quarrying",
    ]) {
      const { token, results } = await submitted(sector);
      if (results.peers.groups[0].shown) continue;
      expect(results.peers.chosen).toBe("size_class");
      tiny = token;
      break;
    }
    expect(tiny, "a sector with fewer than 5 demo companies").toBeDefined();
    const { page, errors, close } = await openPage(browser, { locale: "sv-SE" });
    await page.goto(`${server.url}/a/${tiny}/results`);
    expect(await page.getByTestId("peer-group").textContent()).toMatch(
      /^Jämfört med små företag \(10–49 anställda\): \d+ företag\.$/,
    );
    expect(await page.getByTestId("peer-fallback").textContent()).toBe(
      "För få företag i er bransch har gjort bedömningen ännu, så ni jämförs med små företag (10–49 anställda).",
    );
    expect(await page.getByTestId("recommendation").count()).toBeGreaterThan(0);
    expect(errors()).toEqual([]);
    await close();
  });

  test("a hub lead confirms a company on its page, and from then on it counts as a peer", async () => {
    const everyone = (results: Awaited<ReturnType<typeof submitted>>["results"]) =>
      results.peers.groups.find((g) => g.kind === "all")?.companies;
    // A new company is not confirmed: it sees its peers, and is not one of them.
    const joiner = await submitted("manufacturing", {
      name: "Ronneby Nyckelfärdigt AB",
      orgNumber: "556677-8899",
    });
    const before = everyone(
      (await submitted("ict", { name: "Olofström Data AB", orgNumber: "556123-4567" })).results,
    );
    expect(before).toBe(everyone(joiner.results));

    const { page, errors, close } = await openPage(browser, {
      locale: "sv-SE",
      bypassCSP: true, // for the axe-core scan
    });
    await page.goto(`${server.url}/hub/login`);
    await page.getByLabel("E-post").fill("hubblead@demo.mognad.example");
    await page.getByLabel("Lösenord").fill("mognad-demo-2026");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByTestId("staff-name").waitFor();
    await page.goto(`${server.url}/hub/assignments?q=Ronneby+Nyckelf`);
    await page.getByRole("link", { name: "Ronneby Nyckelfärdigt AB" }).click();
    await page.getByTestId("company-name").waitFor();
    const state = page.getByTestId("peer-confirmation-state");
    expect(await state.textContent()).toBe("Inte bekräftad: räknas inte i jämförelsestatistiken.");

    await waitForHydration(page);
    await page.getByRole("button", { name: "Bekräfta som verklig kund" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Bekräftad: den räknas nu i jämförelsestatistiken.");
    expect(await state.textContent()).toMatch(
      /^Bekräftad som verklig kund av Hanna Lind den \d{1,2} \S+ \d{4}: räknas i jämförelsestatistiken\.$/,
    );
    // The button now withdraws it; another new company counts the confirmed one.
    expect(await page.getByRole("button", { name: "Dra tillbaka bekräftelsen" }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    const after = await submitted("ict", { name: "Sölvesborg Kod AB", orgNumber: "556765-4321" });
    expect(everyone(after.results)).toBe(before! + 1);
    expect(errors()).toEqual([]);
    await close();
  });
});
