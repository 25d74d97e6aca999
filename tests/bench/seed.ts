/**
 * `npm run bench:seed -- 1000000`: fills the benchmark database (tests/bench/bench-db.ts)
 * with that many submitted dma-sme assessments: companies spread over sectors, size classes
 * and regions (85 % consenting to benchmarks, all confirmed by the hub), each with a T0 and
 * a quarter with a T1; answers drawn as the demo data draws them and scored by the real
 * engine, with their stored recommendations; then rebuilds the peer tables. The adviser
 * workspace's tables come with them at a hub's ratios: 70 % of the companies share with
 * advisers, each of those assigned to one of 40 advisers, with a note for one in three and a
 * delivered service for one in four; then the dashboard rollups are rebuilt (unless
 * BENCH_SKIP_ROLLUPS=1). Starts from a new database (BENCH_DATABASE_URL
 * is emptied instead); inserts in large batches (unnest arrays).
 */
import { randomUUID } from "node:crypto";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Answers } from "../../app/lib/core/answers";
import { comparePeers } from "../../app/lib/core/benchmark";
import { HUB_REGIONS, REGIONS, SECTORS, SIZE_CLASSES } from "../../app/lib/core/vocabularies";
import { majorOf } from "../../app/lib/core/definitions";
import { loadDefinitionRegistry } from "../../app/lib/server/definitions.server";
import { drawAnswers } from "../../app/lib/server/demo-data.server";
import { createRandom } from "../../app/lib/core/random";
import { recommendationRows } from "../../app/lib/server/recommendations.server";
import { hashResumeToken } from "../../app/lib/server/resume-token.server";
import { scoreAnswers } from "../../app/lib/core/scoring";
import { loadServiceCatalogue, syncServiceCatalogue } from "../../app/lib/server/services.server";
import { rebuildPeerStatistics } from "../../app/lib/server/peers.server";
import { rebuildDashboard } from "../../app/lib/server/dashboard-rollups.server";
import { migrateToLatest } from "../../db/migrate";
import { dimensionScoreArray } from "../../db/queries/assessments";
import { rebuildCompanyLatest } from "../../db/queries/company-latest";
import type { Database } from "../../db/schema";
import { benchDatabaseUrl, benchToken } from "./bench-db";

const total = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(total) || total < 1) throw new Error("usage: bench:seed -- <assessments>");
const BATCH = 10_000;
const POOL = 4_000;

const url = await benchDatabaseUrl({ fresh: true });
// The rebuilds sort and hash millions of rows: with PostgreSQL's default 4 MB of work_mem
// the rollups' rebuild spilled to disk and ran over an hour at a million.
const pool = new pg.Pool({ connectionString: url, max: 4, options: "-c work_mem=256MB" });
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
const started = performance.now();
const lap = (what: string) =>
  console.log(`${what.padEnd(44)} ${((performance.now() - started) / 1000).toFixed(1)} s`);

const registry = loadDefinitionRegistry("survey-definitions");
const dma = registry.latest("dma-sme");
if (!dma) throw new Error("no dma-sme definition");
const catalogue = loadServiceCatalogue("db/catalogue/services.json", registry);

await migrateToLatest(db);
await sql`truncate companies, services, service_versions, peer_members, peer_histograms, peer_scores, dashboard_rollups, users cascade`.execute(
  db,
);
await syncServiceCatalogue(db, catalogue.services);
const versions = await db.selectFrom("services").select(["id", "version_id"]).execute();
const active = catalogue.services.map((s) => ({
  ...s,
  versionId: versions.find((v) => v.id === s.id)?.version_id ?? 0,
}));
lap("migrated and emptied");

// A pool of answer sets over the whole range of maturity, scored once by the engine, with
// their recommendations (ranked without peers: the bench measures reading them).
const random = createRandom(42);
const noPeers = comparePeers({ groups: [], scores: {} });
const answerPool = Array.from({ length: POOL }, (_, i) => {
  const level = 0.05 + 0.9 * (i / POOL) ** 1.6;
  const answers: Answers = drawAnswers(
    dma.definition,
    () => Math.min(0.97, Math.max(0.02, level + (random() - 0.5) * 0.25)),
    random,
  );
  const scored = scoreAnswers(dma.definition, answers);
  if (!scored.ok) throw new Error("pool answers must score");
  return {
    json: JSON.stringify(answers),
    score: scored.value,
    scoreArray: dimensionScoreArray(
      Object.entries(scored.value.dimensions).map(([dimension, score]) => ({ dimension, score })),
    ),
    recommendations: recommendationRows({
      assessmentId: "",
      definitionId: dma.id,
      definition: dma.definition,
      dimensions: scored.value.dimensions,
      answers,
      services: active,
      peers: noPeers,
    }),
  };
});
lap(`scored a pool of ${POOL} answer sets`);

const weighted =
  <T>(values: readonly T[], heavy: readonly T[]) =>
  () =>
    random() < 0.5
      ? heavy[Math.floor(random() * heavy.length)]
      : values[Math.floor(random() * values.length)];
const sector = weighted(SECTORS, ["manufacturing", "ict", "wholesale-retail", "construction"]);
const region = weighted(REGIONS, HUB_REGIONS);
const size = weighted(SIZE_CLASSES, ["micro", "small"]);
const major = majorOf(dma.version);
const now = Date.UTC(2026, 10, 1);

let k = 0;
let companies = 0;
while (k < total) {
  const c = {
    id: [] as string[],
    name: [] as string[],
    size: [] as string[],
    sector: [] as string[],
    region: [] as string[],
    consent: [] as (string | null)[],
    advisers: [] as (string | null)[],
    org: [] as string[],
    created: [] as string[],
  };
  const a = {
    id: [] as string[],
    company: [] as string[],
    stage: [] as string[],
    answers: [] as string[],
    token: [] as string[],
    lang: [] as string[],
    overall: [] as number[],
    band: [] as string[],
    at: [] as string[],
    /** dimension_scores as array literals (unnest cannot take an array of arrays). */
    scores: [] as string[],
  };
  const s = {
    assessment: [] as string[],
    dimension: [] as string[],
    score: [] as number[],
    sector: [] as string[],
    size: [] as string[],
    region: [] as string[],
    month: [] as string[],
  };
  const r: Record<string, unknown[]> = {};
  const rec = (column: string, value: unknown) => (r[column] ??= []).push(value);

  while (k < total && a.id.length < BATCH) {
    const companyId = randomUUID();
    const profile = { sector: sector(), size: size(), region: region() };
    const createdAt = now - Math.floor(random() * 700) * 86_400_000;
    c.id.push(companyId);
    c.name.push(`Benchföretag ${companies++} AB`);
    c.size.push(profile.size);
    c.sector.push(profile.sector);
    c.region.push(profile.region);
    c.consent.push(random() < 0.85 ? new Date(createdAt).toISOString() : null);
    c.advisers.push(random() < 0.7 ? new Date(createdAt).toISOString() : null);
    c.org.push(`55${String(companies).padStart(8, "0")}`);
    c.created.push(new Date(createdAt).toISOString());
    const stages = random() < 0.25 && k + 1 < total ? ["T0", "T1"] : ["T0"];
    let base = Math.floor(random() * POOL * 0.85);
    for (const [i, stage] of stages.entries()) {
      const entry = answerPool[Math.min(POOL - 1, base)];
      base += Math.floor(random() * POOL * 0.15);
      const id = randomUUID();
      const at = new Date(createdAt + (i * 120 + 1) * 86_400_000).toISOString();
      a.id.push(id);
      a.company.push(companyId);
      a.stage.push(stage);
      a.answers.push(entry.json);
      a.token.push(hashResumeToken(benchToken(k++)));
      a.lang.push(random() < 0.8 ? "sv" : "en");
      a.overall.push(entry.score.overall);
      a.band.push(entry.score.band);
      a.at.push(at);
      a.scores.push(`{${entry.scoreArray.join(",")}}`);
      for (const [dimension, score] of Object.entries(entry.score.dimensions)) {
        s.assessment.push(id);
        s.dimension.push(dimension);
        s.score.push(score);
        s.sector.push(profile.sector);
        s.size.push(profile.size);
        s.region.push(profile.region);
        s.month.push(`${at.slice(0, 7)}-01`);
      }
      for (const row of entry.recommendations) {
        rec("assessment_id", id);
        for (const column of ["rank", "service_version_id", "trigger", "weight"] as const) {
          rec(column, row[column]);
        }
      }
    }
  }

  await sql`
    insert into companies (id, name, org_number, country, size_class, primary_sector, region,
      consent_benchmark_at, consent_advisers_at, peer_confirmed_at, created_at, updated_at)
    select id, name, org, 'SE', size, sector, region, consent, advisers, created, created, created
    from unnest(${c.id}::uuid[], ${c.name}::text[], ${c.org}::text[], ${c.size}::text[],
      ${c.sector}::text[], ${c.region}::text[], ${c.consent}::timestamptz[],
      ${c.advisers}::timestamptz[], ${c.created}::timestamptz[])
      as t(id, name, org, size, sector, region, consent, advisers, created)
  `.execute(db);
  await sql`
    insert into assessments (id, company_id, definition_id, definition_version, definition_major,
      definition_hash, stage, status, answers, current_page, resume_token_hash, language,
      overall_score, band, created_at, updated_at, submitted_at, dimension_scores)
    select id, company, ${dma.id}, ${dma.version}, ${major}, ${dma.hash}, stage, 'submitted',
      answers, 0, token, lang, overall, band, at, at, at, scores::float8[]
    from unnest(${a.id}::uuid[], ${a.company}::uuid[], ${a.stage}::text[], ${a.answers}::jsonb[],
      ${a.token}::text[], ${a.lang}::text[], ${a.overall}::float8[], ${a.band}::text[],
      ${a.at}::timestamptz[], ${a.scores}::text[])
      as t(id, company, stage, answers, token, lang, overall, band, at, scores)
  `.execute(db);
  await sql`
    insert into assessment_scores (assessment_id, dimension, score, definition_id,
      definition_major, primary_sector, size_class, region, submitted_month)
    select assessment, dimension, score, ${dma.id}, ${major}, sector, size, region, month
    from unnest(${s.assessment}::uuid[], ${s.dimension}::text[], ${s.score}::float8[],
      ${s.sector}::text[], ${s.size}::text[], ${s.region}::text[], ${s.month}::date[])
      as t(assessment, dimension, score, sector, size, region, month)
  `.execute(db);
  await sql`
    insert into recommendations (assessment_id, rank, service_version_id, trigger, weight)
    select * from unnest(${r.assessment_id}::uuid[], ${r.rank}::smallint[],
      ${r.service_version_id}::int[], ${r.trigger}::jsonb[], ${r.weight}::real[])
  `.execute(db);
  if (k % 100_000 < BATCH) lap(`${k.toLocaleString("en")} assessments inserted`);
}
lap(`${k.toLocaleString("en")} assessments of ${companies.toLocaleString("en")} companies`);

await rebuildPeerStatistics(db);
lap("rebuilt peer members, histograms and exact scores");

// The adviser workspace: a hub lead and 40 advisers (no password: the bench signs no one
// in), assignments, notes and delivered services (set-based, with the database's random()).
await sql`delete from users where email like '%@bench.mognad.example'`.execute(db);
const partners = ["iuc-syd", "techtank", "rise", "mobile-heights", "blue-science-park"];
await sql`
  insert into users (email, name, role, partner_id)
  select 'lead@bench.mognad.example', 'Bench Lead', 'hub_lead', 'mobile-heights'
  union all
  select 'adviser' || n || '@bench.mognad.example', 'Bench Adviser ' || n, 'adviser',
    (${partners}::text[])[1 + n % ${partners.length}]
  from generate_series(1, 40) as n
`.execute(db);
await sql`
  insert into company_assignments (company_id, user_id)
  select c.id, a.ids[1 + floor(random() * array_length(a.ids, 1))::int]
  from companies c,
    (select array_agg(id order by email) as ids from users where role = 'adviser'
      and email like '%@bench.mognad.example') a
  where c.consent_advisers_at is not null
`.execute(db);
await sql`
  insert into company_notes (company_id, author_id, body, created_at, updated_at)
  select ca.company_id, ca.user_id,
    'Möte med ledningen: nästa steg är en datastrategi.' || chr(10) || 'Uppföljning om tre månader.',
    c.created_at + interval '30 days', c.created_at + interval '30 days'
  from company_assignments ca join companies c on c.id = ca.company_id
  where random() < 1.0 / 3
`.execute(db);
await sql`
  insert into delivered_services (company_id, title, category, technology_type, price_eur,
    attendees, start_date, end_date, partner_id, created_by)
  select ca.company_id, 'Workshop om datastrategi', 'training', 'data-cloud', 400, 6,
    (c.created_at + interval '60 days')::date, (c.created_at + interval '60 days')::date,
    u.partner_id, ca.user_id
  from company_assignments ca join companies c on c.id = ca.company_id
    join users u on u.id = ca.user_id
  where random() < 0.25
`.execute(db);
lap("seeded advisers, assignments, notes and delivered services");
// BENCH_SKIP_ROLLUPS=1 leaves the dashboard rollups empty, for the benchmarks that do not
// read them (the client list, the company page, exports): the rebuild is the seed's slowest step.
// Statistics first: without them the planner reads every company's assessments with a
// scan of the whole table (hours at a million), and the rollups' rebuild rescans its
// materialised subqueries (over an hour; this server may run without autovacuum).
await sql`analyze`.execute(db);
if (process.env.BENCH_SKIP_ROLLUPS === "1") lap("skipped the dashboard rollups");
else {
  await rebuildDashboard(db);
  lap("rebuilt the dashboard rollups");
}
await rebuildCompanyLatest(db);
lap("rebuilt the client list's company rows");
// Vacuum too: the dashboard's reads are index-only scans (decision 035), which go to the
// table for every row of a page the visibility map does not yet mark all-visible.
await sql`vacuum analyze`.execute(db);
lap("vacuumed and analyzed");
const counts = await sql<{ table: string; rows: string }>`
  select relname as table, n_live_tup::text as rows from pg_stat_user_tables
  where relname in ('assessments', 'assessment_scores', 'recommendations', 'peer_members',
    'peer_histograms', 'peer_scores', 'company_assignments', 'company_notes',
    'delivered_services', 'dashboard_rollups', 'company_latest') order by relname
`.execute(db);
for (const row of counts.rows)
  console.log(`  ${row.table.padEnd(20)} ${Number(row.rows).toLocaleString("en")} rows`);
const bytes = await sql<{
  size: string;
}>`select pg_size_pretty(pg_database_size(current_database())) as size`.execute(db);
console.log(`  database size        ${bytes.rows[0].size}`);
lap("done");
await db.destroy();
