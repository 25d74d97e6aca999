/**
 * Issue #15, point 1, replayed: an attacker creates fake consenting companies in a small
 * sector through the public API, with all-minimum and all-maximum answers, and reads their
 * "compared with peers" views to recover the hidden real companies' scores. Only companies
 * the hub confirmed count, so no view of a fake depends on anything the fakes did, and no
 * published statistic moves.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { scoreAnswers } from "../../app/lib/core/scoring";
import { createViaApi, resultsViaApi, saveViaApi, submitViaApi } from "../helpers/api-routes";
import { openAppTestDatabase } from "../helpers/app-db";
import { benchmarkTables, confirmCompanyOf, newOrgNumber } from "../helpers/peers";
import { loadDefinition } from "../helpers/definitions";
import { createRandom, extremeAnswers, randomAnswers } from "../helpers/random-answers";

const dma = loadDefinition("dma-sme", "1.1.0");
const random = createRandom(1515);
const SMALL_SECTOR = "mining-quarrying";
const OTHER_SECTORS = ["manufacturing", "ict", "construction", "mobility"];
const FAKES_PER_END = 4;
let app: { close: () => Promise<void> };

interface PeerGroup {
  kind: string;
  value: string;
  shown: boolean;
  companies?: number;
  metrics?: Record<string, Record<string, unknown>>;
}
interface Results {
  overall: number;
  dimensions: Record<string, number>;
  peers: { chosen: string | null; groups: PeerGroup[]; strengths: string[] };
}

/** One journey through the public API (create, save, submit, results): four requests. */
async function journey(
  sector: string,
  answers: Record<string, unknown>,
  org = newOrgNumber(),
): Promise<{ token: string; org: string; results: Results }> {
  const created = await createViaApi({
    companyName: `Bolag ${org} AB`,
    orgNumber: org,
    sizeClass: "small",
    primarySector: sector,
    region: "blekinge",
    contactName: "Test Person",
    contactEmail: "test@example.se",
    consentBenchmark: true,
  });
  expect(created.status).toBe(201);
  const { token } = (await created.json()) as { token: string };
  expect((await saveViaApi(token, { answers })).status).toBe(200);
  expect((await submitViaApi(token)).status).toBe(200);
  return { token, org, results: await resultsOf(token) };
}

async function resultsOf(token: string): Promise<Results> {
  const response = await resultsViaApi(token);
  expect(response.status).toBe(200);
  return (await response.json()) as Results;
}

/** What a view publishes about the others: every group without the viewer's own standing. */
function published(results: Results) {
  return results.peers.groups.map((group) => ({
    ...group,
    metrics:
      group.metrics &&
      Object.fromEntries(
        Object.entries(group.metrics).map(([metric, stats]) => [
          metric,
          Object.fromEntries(
            Object.entries(stats).filter(([key]) => key !== "percentile" && key !== "position"),
          ),
        ]),
      ),
  }));
}

const real: { token: string; org: string; results: Results }[] = [];

beforeAll(async () => {
  app = await openAppTestDatabase();
  // Two real, confirmed, consenting companies in a small sector (hidden below the floor)…
  for (let i = 0; i < 2; i++) real.push(await journey(SMALL_SECTOR, randomAnswers(dma, random)));
  // …among 22 real companies of other sectors, of the same size and county.
  for (let i = 0; i < 22; i++) {
    real.push(await journey(OTHER_SECTORS[i % OTHER_SECTORS.length], randomAnswers(dma, random)));
  }
  for (const company of real) await confirmCompanyOf(company.token);
}, 120_000);

afterAll(async () => {
  await app.close();
});

test("fake companies in a small sector reveal no hidden company's score and move no published statistic", async () => {
  const [low, high] = [extremeAnswers(dma, "min"), extremeAnswers(dma, "max")];
  const lowScore = scoreAnswers(dma, low);
  const highScore = scoreAnswers(dma, high);
  expect(lowScore.ok && lowScore.value.overall).toBeLessThan(10);
  expect(highScore.ok && highScore.value.overall).toBeGreaterThan(90);

  // Before: the hidden pair's sector is hidden from them, and what everyone sees.
  const hidden = await Promise.all(real.slice(0, 2).map((c) => resultsOf(c.token)));
  for (const view of hidden) {
    expect(view.peers.groups[0]).toEqual({ kind: "sector", value: SMALL_SECTOR, shown: false });
  }
  const tablesBefore = await benchmarkTables();
  const viewsBefore = await Promise.all(real.map((c) => resultsOf(c.token)));

  // The attack: fakes at both ends, some borrowing the hidden companies' organisation
  // numbers (to have "themselves" taken out of the numbers and read the difference).
  const fakes: Results[] = [];
  for (const answers of [low, high]) {
    for (let i = 0; i < FAKES_PER_END; i++)
      fakes.push((await journey(SMALL_SECTOR, answers)).results);
  }
  for (const company of real.slice(0, 2)) {
    for (const answers of [low, high]) {
      fakes.push((await journey(SMALL_SECTOR, answers, company.org)).results);
    }
  }

  // No fake sees its small sector: the fakes are not peers, the two real ones are too few.
  for (const view of fakes) {
    expect(view.peers.groups[0]).toEqual({ kind: "sector", value: SMALL_SECTOR, shown: false });
  }
  // Every fake reads the very same published figures, whatever its answers or the
  // organisation number it claims: nothing in them depends on what the attacker did, so
  // nothing can be solved for a hidden company's score.
  const first = published(fakes[0]);
  for (const view of fakes) expect(published(view)).toEqual(first);
  // Each figure is the one the real population publishes (a confirmed company sees the
  // same groups less itself: the wider groups are larger than the floor either way).
  expect(first.find((g) => g.kind === "size_class")).toMatchObject({
    shown: true,
    companies: real.length,
  });

  // And no published statistic moved: the tables and every real company's view are as before.
  expect(await benchmarkTables()).toEqual(tablesBefore);
  expect(await Promise.all(real.map((c) => resultsOf(c.token)))).toEqual(viewsBefore);
});
