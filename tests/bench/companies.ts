/**
 * `npm run bench:companies` (after `npm run bench:seed -- <n>`): measures the adviser's
 * workspace on the benchmark database, in process:
 *
 * 1. The client list of a hub lead (every company) and of an adviser (their own), each with
 *    a random search (part of a name without its accents, or the start of an org number)
 *    and two random filters, sorted by a random column.
 * 2. The company page's loader: profile, assessments, progress, latest results with peers,
 *    gaps, notes, delivered services, follow-ups and the form's choices.
 *
 * Prints p50/p95 per kind (targets at one million: list p95 ≤ 50 ms, page p95 ≤ 100 ms).
 */
import { sql } from "kysely";
import {
  MAIN_BANDS,
  NEXT_STEPS,
  parseCompanyListQuery,
  SORT_COLUMNS,
} from "../../app/lib/core/company-list";
import { createRandom } from "../../app/lib/core/random";
import type { Actor } from "../../app/lib/core/staff-policy";
import { HUB_REGIONS, SIZE_CLASSES } from "../../app/lib/core/vocabularies";
import { companyWorkspace } from "../../app/lib/server/company-page.server";
import { listClientCompanies } from "../../app/lib/server/company-list.server";
import { viewCompany } from "../../app/lib/server/company-view.server";
import { closeDatabase, database, openDatabase } from "../../app/lib/server/db.server";
import { benchDatabaseUrl } from "./bench-db";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const WARM_UP = 30;
process.env.DATABASE_URL = await benchDatabaseUrl();
process.env.SEED_DEMO_DATA = "never";
await openDatabase();
const { db } = database();
const random = createRandom(11);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];

const staff = await db
  .selectFrom("users")
  .select(["id", "email", "name", "role", "partner_id"])
  .where("email", "like", "%@bench.mognad.example")
  .execute();
if (staff.length === 0) throw new Error("no bench staff: run npm run bench:seed first");
const actorOf = (u: (typeof staff)[number]): Actor => ({ ...u, partnerId: u.partner_id });
const lead = actorOf(staff.find((u) => u.role === "hub_lead")!);
const advisers = staff.filter((u) => u.role === "adviser").map(actorOf);
const { rows: counts } = await sql<{ companies: number; assigned: number }>`
  select (select count(*)::int from companies) as companies,
    (select count(*)::int from company_assignments) as assigned`.execute(db);
console.log(
  `benchmark database: ${counts[0].companies.toLocaleString("en")} companies, ` +
    `${counts[0].assigned.toLocaleString("en")} assigned to ${advisers.length} advisers`,
);

const FILTERS: (() => [string, string])[] = [
  () => ["next", pick(NEXT_STEPS)],
  () => ["band", pick(MAIN_BANDS)],
  () => ["size", pick(SIZE_CLASSES)],
  () => ["region", pick(HUB_REGIONS)],
  () => ["sector", `s:${pick(["manufacturing", "ict", "construction", "wholesale-retail"])}`],
];

/** A random list query: a search and two different filters, a sort and a direction. */
function randomQuery(): URLSearchParams {
  const params = new URLSearchParams();
  params.set(
    "q",
    random() < 0.7
      ? `foretag ${Math.floor(random() * Math.min(counts[0].companies, 99_999))}`
      : `55${String(Math.floor(random() * 9999)).padStart(4, "0")}`,
  );
  const first = Math.floor(random() * FILTERS.length);
  const second = (first + 1 + Math.floor(random() * (FILTERS.length - 1))) % FILTERS.length;
  for (const i of [first, second]) params.set(...FILTERS[i]());
  params.set("sort", pick(SORT_COLUMNS));
  params.set("dir", random() < 0.5 ? "asc" : "desc");
  return params;
}

function report(what: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  console.log(
    `${what.padEnd(44)} n=${sorted.length}  p50 ${at(0.5).toFixed(1)} ms  p95 ${at(0.95).toFixed(1)} ms  p99 ${at(0.99).toFixed(1)} ms`,
  );
}

async function measure(what: string, once: () => Promise<unknown>) {
  for (let i = 0; i < WARM_UP; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  report(what, times);
}

await measure("list, hub lead: search + 2 filters", () =>
  listClientCompanies(lead, parseCompanyListQuery(randomQuery())),
);
await measure("list, adviser: search + 2 filters", () =>
  listClientCompanies(pick(advisers), parseCompanyListQuery(randomQuery())),
);
await measure("list, hub lead: no search, first page", () =>
  listClientCompanies(lead, parseCompanyListQuery(new URLSearchParams())),
);
// No search: a band or next-step filter and a sort on the latest assessment, the case that
// once computed every company's latest assessment before paging (decision 024).
await measure("list, hub lead: band or next step, by score", () =>
  listClientCompanies(
    lead,
    parseCompanyListQuery(
      new URLSearchParams([
        random() < 0.5 ? ["band", pick(MAIN_BANDS)] : ["next", pick(NEXT_STEPS)],
        ["sort", pick(["score", "change", "date"])],
        ["dir", random() < 0.5 ? "asc" : "desc"],
        ["page", String(1 + Math.floor(random() * 5))],
      ]),
    ),
  ),
);

const { rows: sample } = await sql<{ id: string; user_id: string }>`
  select company_id as id, user_id from company_assignments tablesample system (5) limit 2000
`.execute(db);
if (sample.length === 0) throw new Error("no assigned companies in the benchmark database");
await measure("company page (adviser, all sections)", async () => {
  const row = pick(sample);
  const actor = advisers.find((a) => a.id === row.user_id) ?? lead;
  await viewCompany(actor, row.id, null);
  await companyWorkspace(actor, row.id, "sv");
});
await closeDatabase();
