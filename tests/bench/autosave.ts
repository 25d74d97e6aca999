/**
 * `npm run bench:autosave`: builds and starts the production server on PostgreSQL (a fresh
 * database on the server of DATABASE_URL, default the local one), creates 50 assessments
 * and lets 50 concurrent connections (autocannon) save answers to them, as the questionnaire's
 * autosave does: first at the target rate of 500 saves/s, then as fast as the server answers.
 * Prints saves per second and latency p50/p99 (target ≥ 500/s with p99 ≤ 50 ms).
 */
import { execFileSync } from "node:child_process";
import autocannon from "autocannon";
import { loadDefinitionRegistry } from "../../app/lib/definitions.server";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { startServer } from "../e2e/server";

const CLIENTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";

execFileSync("npx", ["remix", "build"], { stdio: "ignore" });
const server = await startServer({
  SEED_DEMO_DATA: "never",
  RATE_LIMIT_ASSESSMENTS_PER_HOUR: "100000",
  WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? "2",
  NODE_ENV: "production",
});

try {
  const dma = loadDefinitionRegistry("survey-definitions").latest("dma-sme");
  if (!dma) throw new Error("no dma-sme definition");
  const random = createRandom(1);
  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const response = await fetch(`${server.url}/api/v1/assessments`, {
      method: "POST",
      body: JSON.stringify({
        language: "sv",
        profile: {
          companyName: `Bench ${i} AB`,
          orgNumber: "556036-0793",
          sizeClass: "small",
          primarySector: "manufacturing",
          region: "skane",
          contactName: "Bench Person",
          contactEmail: `bench${i}@example.se`,
        },
      }),
    });
    if (response.status !== 201) throw new Error(`create failed: ${response.status}`);
    tokens.push((await response.json()).token);
  }

  // Each save is what the page sends: one or two changed answers and the page number.
  const answerSets = Array.from({ length: 200 }, () => randomAnswers(dma.definition, random));
  const names = Object.keys(answerSets[0]);
  let n = 0;
  /** One autosave as the page sends it: a changed answer and the page, to one of the 50 assessments. */
  const nextSave = () => {
    const token = tokens[n % tokens.length];
    const set = answerSets[n % answerSets.length];
    const name = names[n % names.length];
    n++;
    return {
      path: `/api/v1/assessments/${token}/answers`,
      body: JSON.stringify({ answers: { [name]: set[name] }, currentPage: n % 6 }),
    };
  };

  const run = (overallRate?: number) =>
    autocannon({
      url: server.url,
      connections: CLIENTS,
      duration: SECONDS,
      overallRate,
      requests: [
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          setupRequest: (request) => ({ ...request, ...nextSave() }),
        },
      ],
    });

  const report = (label: string, result: autocannon.Result) => {
    console.log(
      `${label}: ${result.requests.total} saves by ${CLIENTS} connections in ${result.duration} s = ` +
        `${Math.round(result.requests.average)} saves/s; latency p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms; ${result.non2xx + result.errors} failed`,
    );
  };

  await run().catch(() => undefined); // Warm-up is not reported.
  report("autosave at 500 saves/s offered", await run(500));
  report("autosave, as fast as it goes (capacity)", await run());
} catch (error) {
  console.error(server.output());
  throw error;
} finally {
  await server.stop();
}
