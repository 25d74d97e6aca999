/**
 * `npm run bench:results` (after `npm run bench:seed -- 1000000`): measures the results page's
 * loader on the benchmark database: the stored scores, the four peer groups with their
 * statistics and the recommendations of a random seeded assessment.
 *
 * 1. In process: the loader's service call (`getResults`: scores, peers, recommendations),
 *    then the peer view, as the route does.
 * 2. Over HTTP against the production build: the route's data request (`…/results.data`,
 *    what the browser fetches on navigation) and the whole server-rendered page.
 *
 * Prints p50/p95 per kind (target: p95 ≤ 50 ms at one million assessments).
 */
import { sql } from "kysely";
import { getResults } from "../../app/lib/server/assessments.server";
import { closeDatabase, database, openDatabase } from "../../app/lib/server/db.server";
import { buildPeerView } from "../../app/lib/view/peer-view";
import { translatorFor } from "../../app/lib/server/i18n.server";
import { createRandom } from "../../app/lib/core/random";
import { startServer } from "../e2e/server";
import { benchDatabaseUrl, benchToken } from "./bench-db";
import { buildForBenchmark } from "./build";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500);
const WARM_UP = 50;
const url = await benchDatabaseUrl();
process.env.DATABASE_URL = url;
process.env.SEED_DEMO_DATA = "never";

await openDatabase();
const { rows } = await sql<{ n: number }>`select count(*)::int as n from assessments`.execute(
  database().db,
);
const seeded = rows[0].n;
if (seeded === 0) throw new Error("the benchmark database is empty: run npm run bench:seed first");
console.log(`benchmark database: ${seeded.toLocaleString("en")} assessments`);
const random = createRandom(7);
const someToken = () => benchToken(Math.floor(random() * seeded));

function report(what: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  console.log(
    `${what.padEnd(40)} n=${sorted.length}  p50 ${at(0.5).toFixed(1)} ms  p95 ${at(0.95).toFixed(1)} ms  p99 ${at(0.99).toFixed(1)} ms`,
  );
}

async function measure(what: string, once: (token: string) => Promise<void>) {
  for (let i = 0; i < WARM_UP; i++) await once(someToken());
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const token = someToken();
    const start = performance.now();
    await once(token);
    times.push(performance.now() - start);
  }
  report(what, times);
}

const t = translatorFor("sv");
let peersShown = 0;
let recommendations = 0;
await measure("loader service (getResults + peer view)", async (token) => {
  const found = await getResults(token);
  const view = buildPeerView(found.peers, found.entry.definition, "sv", t);
  if (view.shown) peersShown++;
  recommendations += found.recommendations.length;
});
console.log(
  `  peers shown for ${peersShown} of ${REQUESTS + WARM_UP}; ${(recommendations / (REQUESTS + WARM_UP)).toFixed(1)} recommendations each`,
);
await closeDatabase();

buildForBenchmark();
delete process.env.DATABASE_URL; // startServer would make a scratch database of it.
const server = await startServer({
  DATABASE_URL: url,
  SEED_DEMO_DATA: "never",
  NODE_ENV: "production",
});
try {
  const get = (path: string) => async (token: string) => {
    const response = await fetch(`${server.url}/a/${token}/${path}`, {
      headers: { "Accept-Language": "sv" },
    });
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    await response.arrayBuffer();
  };
  await measure("HTTP GET /a/<token>/results.data", get("results.data"));
  await measure("HTTP GET /a/<token>/results (HTML)", get("results"));
} finally {
  await server.stop();
}
