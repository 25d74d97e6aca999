/**
 * `npm run bench:load`: N virtual respondents with human pacing against the production build
 * for a fixed time. Each one creates an assessment, saves answers every 2–5 s (one or two
 * questions at a time, as the questionnaire's autosave does), submits, reads the results
 * page, and starts again. Prints journeys/s, saves/s, p50/p99 per kind of request, errors by
 * status (0 = a dropped connection, -1 = no answer within 30 s), and the server's own figures (event-loop delay, pool
 * waits, admission waits, RSS) before and after.
 *
 *   BENCH_RESPONDENTS=200 BENCH_SECONDS=60 npm run bench:load          # PostgreSQL
 *   BENCH_DATABASE=pglite BENCH_RESPONDENTS=50 npm run bench:load       # the embedded PGlite
 *   BENCH_CAPACITY=1 npm run bench:load   # steps up the respondents until p99 passes 1 s
 *   BENCH_PACE=0.3 …                       # 0.6–1.5 s between saves, for short runs
 *   BENCH_SAME_SLICE=1 …                   # every company in one county, sector and size
 *
 * PostgreSQL: a fresh database on the server of DATABASE_URL (default the local one), with
 * WEB_CONCURRENCY workers (default `auto`). Targets on a 2-core machine: 200 respondents with
 * 0 errors, p99 ≤ 250 ms for saves and ≤ 1 s for submit; PGlite: 50 respondents, 0 errors.
 */
import http from "node:http";
import { availableParallelism } from "node:os";
import { luhnCheckDigit } from "../../app/lib/core/org-number";
import { HUB_REGIONS, SECTORS, SIZE_CLASSES } from "../../app/lib/core/vocabularies";
import { loadDefinitionRegistry } from "../../app/lib/server/definitions.server";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { startServer, type RunningServer } from "../e2e/server";
import { serverFigures } from "./server-figures";
import { buildForBenchmark } from "./build";

const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const PGLITE = process.env.BENCH_DATABASE === "pglite";
/** Scales the 2–5 s between saves (0.3: 0.6–1.5 s, so that a short run completes journeys). */
const PACE = Number(process.env.BENCH_PACE ?? 1);
if (PGLITE) delete process.env.DATABASE_URL;
else process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";
const WORKERS = PGLITE ? 1 : (process.env.WEB_CONCURRENCY ?? "auto");
const PROCESSES = WORKERS === "auto" ? availableParallelism() : Number(WORKERS);

type Kind = "create" | "save" | "submit" | "results";
interface Tally {
  latencies: Record<Kind, number[]>;
  statuses: Record<string, number>;
  journeys: number;
}

const dma = loadDefinitionRegistry("survey-definitions").latest("dma-sme");
if (!dma) throw new Error("no dma-sme definition");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SAME_SLICE = process.env.BENCH_SAME_SLICE === "1";
const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)];
let orgNumbers = 0;
/** A valid Swedish organisation number not used before in this run. */
function nextOrgNumber(): string {
  const nine = `55${String(1_000_000 + ++orgNumbers).slice(-7)}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

/** One request; its status (0 when the connection failed) and its latency. */
function send(
  agent: http.Agent,
  url: URL,
  method: string,
  path: string,
  body?: string,
): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        method,
        path,
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            ms: performance.now() - started,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    request.on("error", () => resolve({ status: 0, ms: performance.now() - started, body: "" }));
    // An answer that never comes is an error of its own (status "timeout"), not a hang.
    request.setTimeout(30_000, () => {
      request.destroy();
      resolve({ status: -1, ms: performance.now() - started, body: "" });
    });
    request.end(body);
  });
}

/** One respondent until `until`: journeys of create → paced saves → submit → results. */
async function respondent(server: RunningServer, seed: number, until: number, tally: Tally) {
  const url = new URL(server.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const random = createRandom(seed);
  const record = (kind: Kind, result: { status: number; ms: number }) => {
    tally.latencies[kind].push(result.ms);
    const key = `${kind} ${result.status}`;
    tally.statuses[key] = (tally.statuses[key] ?? 0) + 1;
    return result.status >= 200 && result.status < 400;
  };
  // Start spread over the first pacing interval, as people arrive.
  await sleep(random() * 3000);
  while (Date.now() < until) {
    const created = await send(
      agent,
      url,
      "POST",
      "/api/v1/assessments",
      JSON.stringify({
        language: "sv",
        profile: {
          companyName: `Last ${seed} AB`,
          // One organisation per journey, as real respondents are: one number for all of
          // them made every creation and submission wait for one peer slot's lock.
          orgNumber: nextOrgNumber(),
          // Spread over the hub's counties, sectors and sizes as a hub's companies are
          // (BENCH_SAME_SLICE=1: all in one, the worst case for the rollups' rows).
          sizeClass: SAME_SLICE ? "small" : pick(random, SIZE_CLASSES),
          primarySector: SAME_SLICE ? "manufacturing" : pick(random, SECTORS),
          region: SAME_SLICE ? "skane" : pick(random, HUB_REGIONS),
          contactName: "Lasse Last",
          contactEmail: `last${seed}@example.se`,
          consentBenchmark: random() < 0.5,
        },
      }),
    );
    if (!record("create", created)) {
      await sleep(2000);
      continue;
    }
    const { token } = JSON.parse(created.body) as { token: string };
    const answers = randomAnswers(dma!.definition, random);
    const names = Object.keys(answers);
    for (let i = 0; i < names.length && Date.now() < until;) {
      await sleep((2000 + random() * 3000) * PACE);
      const step = 1 + Math.floor(random() * 2);
      const chunk = Object.fromEntries(names.slice(i, i + step).map((n) => [n, answers[n]]));
      i += step;
      const saved = await send(
        agent,
        url,
        "POST",
        `/api/v1/assessments/${token}/answers`,
        JSON.stringify({ answers: chunk, currentPage: Math.min(6, i) }),
      );
      record("save", saved);
    }
    if (Date.now() >= until) break;
    if (!record("submit", await send(agent, url, "POST", `/api/v1/assessments/${token}/submit`)))
      continue;
    if (record("results", await send(agent, url, "GET", `/a/${token}/results`))) tally.journeys++;
  }
  agent.destroy();
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

/** Runs `respondents` for SECONDS and prints the figures; returns the worst p99. */
async function run(server: RunningServer, respondents: number): Promise<number> {
  const tally: Tally = {
    latencies: { create: [], save: [], submit: [], results: [] },
    statuses: {},
    journeys: 0,
  };
  const before = await serverFigures(server, PROCESSES);
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: respondents }, (_, i) => respondent(server, i + 1, until, tally)),
  );
  const after = await serverFigures(server, PROCESSES);
  const errors = Object.entries(tally.statuses).filter(([key]) => !/ (2|3)\d\d$/.test(key));
  console.log(
    `\n${respondents} respondents for ${SECONDS} s on ${PGLITE ? "PGlite" : `PostgreSQL (WEB_CONCURRENCY=${WORKERS})`}: ` +
      `${(tally.journeys / SECONDS).toFixed(2)} journeys/s, ` +
      `${(tally.latencies.save.length / SECONDS).toFixed(1)} saves/s`,
  );
  let worst = 0;
  for (const kind of ["create", "save", "submit", "results"] as Kind[]) {
    const values = tally.latencies[kind];
    const p99 = percentile(values, 0.99);
    worst = Math.max(worst, p99);
    console.log(
      `  ${kind.padEnd(8)} ${String(values.length).padStart(6)} requests, p50 ${percentile(values, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${percentile(values, 1).toFixed(1)} ms`,
    );
  }
  console.log(
    `  errors: ${errors.length === 0 ? "none" : errors.map(([k, n]) => `${k}: ${n}`).join(", ")}`,
  );
  for (const line of before) console.log(`  server before (since start): ${line}`);
  for (const line of after) console.log(`  server after: ${line}`);
  return worst;
}

buildForBenchmark();
const server = await startServer({
  SEED_DEMO_DATA: "never",
  NODE_ENV: "production",
  RATE_LIMIT_ASSESSMENTS_PER_HOUR: "1000000",
  WEB_CONCURRENCY: String(WORKERS),
});
try {
  // Every worker up before the first figures are asked for.
  while ((server.output().match(/Mognad listening/g)?.length ?? 0) < PROCESSES) await sleep(100);
  if (process.env.BENCH_CAPACITY) {
    for (let respondents = 50; respondents <= 2000; respondents += 50) {
      if ((await run(server, respondents)) > 1000) {
        console.log(`\ncapacity: p99 first exceeds 1 s at ${respondents} respondents`);
        break;
      }
    }
  } else {
    await run(server, RESPONDENTS);
  }
} finally {
  await server.stop();
}
