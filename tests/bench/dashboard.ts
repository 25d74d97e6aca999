/**
 * `npm run bench:dashboard` (after `npm run bench:seed -- <n>`): the dashboard's data for
 * random filter combinations (questionnaire, period, stage, county, sector, size class,
 * partner), each with every panel, read from the rollups as /hub/dashboard reads them; and,
 * side by side, the same panels' numbers computed straight from the raw tables.
 *
 * Prints p50/p95 of each (target: rollups p95 ≤ 100 ms at one million assessments).
 * BENCH_FILTERS (default 200) and BENCH_RAW_FILTERS (default 20) set the counts.
 */
import { sql } from "kysely";
import { closeDatabase, database, openDatabase } from "../../app/lib/server/db.server";
import { dashboardOf, type DashboardFilter } from "../../app/lib/server/dashboard.server";
import { createRandom } from "../../app/lib/core/random";
import { HUB_REGIONS, SECTORS, SIZE_CLASSES } from "../../app/lib/core/vocabularies";
import { benchDatabaseUrl } from "./bench-db";

const FILTERS = Number(process.env.BENCH_FILTERS ?? 200);
const RAW_FILTERS = Number(process.env.BENCH_RAW_FILTERS ?? 20);
process.env.DATABASE_URL = await benchDatabaseUrl();
process.env.SEED_DEMO_DATA = "never";
await openDatabase();
const { db } = database();
const { rows } = await sql<{ n: number }>`select count(*)::int as n from assessments`.execute(db);
if (rows[0].n === 0)
  throw new Error("the benchmark database is empty: run npm run bench:seed first");
console.log(`benchmark database: ${rows[0].n.toLocaleString("en")} assessments`);

const random = createRandom(12);
const maybe = <T>(values: readonly T[]) =>
  random() < 0.5 ? undefined : values[Math.floor(random() * values.length)];
const months = Array.from({ length: 24 }, (_, i) => {
  const d = new Date(Date.UTC(2024, 11 + i, 1));
  return d.toISOString().slice(0, 7);
});
function randomFilter(): DashboardFilter {
  const from = maybe(months);
  const to = from && random() < 0.5 ? months[Math.min(23, months.indexOf(from) + 6)] : undefined;
  return {
    definitionId: "dma-sme",
    definitionMajor: 1,
    from,
    to,
    stage: maybe(["T0", "T1"]),
    region: maybe(HUB_REGIONS),
    sector: maybe(SECTORS.slice(0, 8)),
    size: maybe(SIZE_CLASSES),
    partner: maybe(["iuc-syd", "techtank", "rise", "none"]),
    metric: maybe(["strategy", "data"]) ?? "overall",
  };
}

/** The same panels from the raw tables: grouped counts and exact quantiles, no rollups. */
async function rawPanels(f: DashboardFilter) {
  const where = [
    sql`a.definition_id = ${f.definitionId}`,
    sql`a.definition_major = ${f.definitionMajor}`,
  ];
  if (f.region) where.push(sql`c.region = ${f.region}`);
  if (f.sector) where.push(sql`coalesce(c.primary_sector, c.primary_area) = ${f.sector}`);
  if (f.size) where.push(sql`c.size_class = ${f.size}`);
  if (f.partner) {
    where.push(sql`coalesce((select u.partner_id from company_assignments ca
      join users u on u.id = ca.user_id where ca.company_id = c.id and u.partner_id is not null
      order by ca.assigned_at, ca.user_id limit 1), 'none') = ${f.partner}`);
  }
  if (f.from) where.push(sql`a.submitted_at >= ${`${f.from}-01`}::date`);
  if (f.to) where.push(sql`a.submitted_at < ${`${f.to}-01`}::date + interval '1 month'`);
  const all = sql.join(where, sql` and `);
  const stage = f.stage ? sql` and a.stage = ${f.stage}` : sql``;
  await Promise.all([
    sql`select to_char(a.created_at, 'YYYY-MM'), a.stage, a.status, count(*)
      from assessments a join companies c on c.id = a.company_id where ${all} group by 1, 2, 3`.execute(
      db,
    ),
    sql`select s.dimension, count(*), percentile_cont(array[0.25, 0.5, 0.75])
      within group (order by s.score)
      from assessment_scores s join assessments a on a.id = s.assessment_id
      join companies c on c.id = a.company_id where ${all}${stage} group by 1`.execute(db),
    sql`select a.band, count(*) from assessments a join companies c on c.id = a.company_id
      where ${all}${stage} and a.status = 'submitted' group by 1`.execute(db),
    ...(["region", "primary_sector", "size_class"] as const).map((column) =>
      sql`select ${sql.ref(`c.${column}`)}, count(*),
        percentile_cont(0.5) within group (order by a.overall_score)
        from assessments a join companies c on c.id = a.company_id
        where ${all}${stage} and a.status = 'submitted' group by 1`.execute(db),
    ),
    sql`select v.category, v.service_id, count(*) from recommendations r
      join service_versions v on v.id = r.service_version_id
      join assessments a on a.id = r.assessment_id join companies c on c.id = a.company_id
      where ${all}${stage} group by 1, 2`.execute(db),
    sql`select count(*), avg(t1.overall_score - a.overall_score),
      percentile_cont(0.5) within group (order by t1.overall_score - a.overall_score),
      count(*) filter (where t1.overall_score > a.overall_score)
      from assessments a join assessments t1 on t1.company_id = a.company_id
        and t1.definition_id = a.definition_id and t1.stage = 'T1' and t1.status = 'submitted'
      join companies c on c.id = a.company_id
      where ${all} and a.stage = 'T0' and a.status = 'submitted'`.execute(db),
  ]);
}

function report(what: string, times: number[]) {
  if (times.length === 0) return;
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  console.log(
    `${what.padEnd(44)} n=${sorted.length}  p50 ${at(0.5).toFixed(1)} ms  p95 ${at(0.95).toFixed(1)} ms  max ${sorted[sorted.length - 1].toFixed(1)} ms`,
  );
}

const filters = Array.from({ length: FILTERS }, randomFilter);
for (const f of filters.slice(0, 10)) await dashboardOf(f); // warm-up
const rollupTimes: number[] = [];
for (const f of filters) {
  const start = performance.now();
  await dashboardOf(f);
  rollupTimes.push(performance.now() - start);
}
report("dashboard from the rollups (all panels)", rollupTimes);
// By the number of slice columns the filter names: none to two read their slice set, three
// and four the full grain (docs/decisions/035).
const sliceCount = (f: DashboardFilter) =>
  [f.region, f.sector, f.size, f.partner].filter((v) => v !== undefined).length;
for (let n = 0; n <= 4; n++) {
  report(
    `  filters on ${n} slice column${n === 1 ? "" : "s"}`,
    rollupTimes.filter((_, i) => sliceCount(filters[i]) === n),
  );
}
const rawTimes: number[] = [];
for (const f of filters.slice(0, RAW_FILTERS)) {
  const start = performance.now();
  await rawPanels(f);
  rawTimes.push(performance.now() - start);
}
report("the same panels from the raw tables", rawTimes);
await closeDatabase();
