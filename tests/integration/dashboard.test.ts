import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PRIVACY_FLOOR } from "../../app/lib/core/benchmark";
import type { Cell, PanelTable } from "../../app/lib/core/dashboard";
import { HUB_REGIONS, SECTORS, SIZE_CLASSES } from "../../app/lib/core/vocabularies";
import { database } from "../../app/lib/server/db.server";
import { seedDemoData } from "../../app/lib/server/demo-seed.server";
import { loader as dashboardLoader } from "../../app/routes/hub.dashboard";
import { loader as csvLoader } from "../../app/routes/hub.dashboard[.csv]";
import { loader as listLoader } from "../../app/routes/hub.dashboard_.companies";
import { loader as listCsvLoader } from "../../app/routes/hub.dashboard_.companies[.csv]";
import { parse } from "csv-parse/sync";
import { openAppTestDatabase } from "../helpers/app-db";
import { createRandom } from "../helpers/random-answers";
import { routeArgs } from "../helpers/route-args";
import { outcome, staffRequest } from "../helpers/staff";
import { createStaffCast, type StaffCast } from "../helpers/staff-fixtures";

let app: { close: () => Promise<void> };
let cast: StaffCast;
const random = createRandom(77);

beforeAll(async () => {
  app = await openAppTestDatabase();
  await seedDemoData();
  cast = await createStaffCast();
}, 240_000);

afterAll(async () => {
  await app.close();
});

type Loaded = Awaited<ReturnType<typeof dashboardLoader>>;

async function load(query: string, cookie = cast.cookies.lead) {
  return outcome(() =>
    dashboardLoader(routeArgs(staffRequest(`/hub/dashboard${query}`, { cookie }))),
  );
}

describe("who may see the dashboard", () => {
  test.each([
    ["", "/hub/dashboard"],
    ["", "/hub/dashboard.csv?table=activity"],
  ])("%s%s: hub lead 200, adviser 403, anonymous to sign-in", async (_, path) => {
    const call = (cookie?: string) => {
      const request = staffRequest(path, { cookie });
      return outcome(() =>
        path.includes(".csv") ? csvLoader(routeArgs(request)) : dashboardLoader(routeArgs(request)),
      );
    };
    expect((await call(cast.cookies.lead)).status).toBe(200);
    expect((await call(cast.cookies.adviser)).status).toBe(403);
    expect((await call(undefined)).location).toMatch(/^\/hub\/login/);
  });
});

describe("a bad query string is a 400, never a 500", () => {
  test.each([
    "?q=nope@1",
    "?q=dma-sme@9",
    "?region=mars",
    "?from=2026-13",
    "?from=2026-05&to=2026-01",
    "?metric=nothing",
    "?partner=nobody",
    "?stage=T9",
    "?size=huge",
  ])("%s", async (query) => {
    expect((await load(query)).status).toBe(400);
  });
  test("a CSV without a known table", async () => {
    const response = await outcome(() =>
      csvLoader(
        routeArgs(staffRequest("/hub/dashboard.csv?table=secret", { cookie: cast.cookies.lead })),
      ),
    );
    expect(response.status).toBe(400);
  });
});

/** The filter's SQL over the raw rows (written from the rollups' definition, not their code). */
function where(f: Filter, alias: string) {
  const parts = [sql`${sql.ref(`${alias}.definition_id`)} = 'dma-sme'`];
  if (f.region) parts.push(sql`c.region = ${f.region}`);
  if (f.sector) parts.push(sql`coalesce(c.primary_sector, c.primary_area) = ${f.sector}`);
  if (f.size) parts.push(sql`c.size_class = ${f.size}`);
  if (f.partner) {
    parts.push(sql`coalesce((select u.partner_id from company_assignments ca
      join users u on u.id = ca.user_id where ca.company_id = c.id and u.partner_id is not null
      order by ca.assigned_at, ca.user_id limit 1), 'none') = ${f.partner}`);
  }
  return sql.join(parts, sql` and `);
}

interface Filter {
  /** Only for the recommendations' brute force (the other queries ignore it). */
  stage?: string;
  region?: string;
  sector?: string;
  size?: string;
  partner?: string;
}

async function bruteForce(f: Filter) {
  const { db } = database();
  const standing = await sql<{ metric: string; n: number; median: number }>`
    select s.dimension as metric, count(*)::int as n,
      percentile_cont(0.5) within group (order by s.score) as median
    from assessment_scores s join assessments a on a.id = s.assessment_id
    join companies c on c.id = a.company_id
    where ${where(f, "a")} group by 1
    union all
    select 'overall', count(*)::int, percentile_cont(0.5) within group (order by a.overall_score)
    from assessments a join companies c on c.id = a.company_id
    where ${where(f, "a")} and a.status = 'submitted'
  `.execute(db);
  const bands = await sql<{ band: string; n: number }>`
    select a.band, count(*)::int as n from assessments a join companies c on c.id = a.company_id
    where ${where(f, "a")} and a.status = 'submitted' group by 1
  `.execute(db);
  const regions = await sql<{ region: string; n: number }>`
    select c.region, count(*)::int as n from assessments a join companies c on c.id = a.company_id
    where ${where(f, "a")} and a.status = 'submitted' group by 1
  `.execute(db);
  const started = await sql<{ month: string; n: number }>`
    select to_char(a.created_at at time zone 'UTC', 'YYYY-MM') as month, count(*)::int as n
    from assessments a join companies c on c.id = a.company_id
    where ${where(f, "a")} and a.stage = 'T0' group by 1
  `.execute(db);
  // Companies a category or a service was recommended to, at any stage (or at f.stage).
  const stage = f.stage ? sql`a.stage = ${f.stage}` : sql`true`;
  const categories = await sql<{ category: string; n: number }>`
    select v.category, count(distinct a.company_id)::int as n from recommendations r
    join service_versions v on v.id = r.service_version_id
    join assessments a on a.id = r.assessment_id join companies c on c.id = a.company_id
    where ${where(f, "a")} and ${stage} group by 1
    union all
    select v.service_id, count(distinct a.company_id)::int as n from recommendations r
    join service_versions v on v.id = r.service_version_id
    join assessments a on a.id = r.assessment_id join companies c on c.id = a.company_id
    where ${where(f, "a")} and ${stage} group by 1
  `.execute(db);
  const effect = await sql<{ n: number; mean: number }>`
    select count(*)::int as n, avg(t1.overall_score - t0.overall_score) as mean
    from assessments t0 join assessments t1 on t1.company_id = t0.company_id
      and t1.definition_id = t0.definition_id and t1.definition_major = t0.definition_major
    join companies c on c.id = t0.company_id
    where ${where(f, "t0")} and t0.stage = 'T0' and t1.stage = 'T1'
      and t0.status = 'submitted' and t1.status = 'submitted'
  `.execute(db);
  // Companies (with a T0 of the questionnaire) the hub delivered a category or a service to.
  const delivered = await sql<{ key: string; n: number }>`
    select d.category as key, count(distinct d.company_id)::int as n
    from delivered_services d join assessments a on a.company_id = d.company_id
    join companies c on c.id = a.company_id
    where ${where(f, "a")} and a.stage = 'T0' group by 1
    union all
    select d.service_id, count(distinct d.company_id)::int
    from delivered_services d join assessments a on a.company_id = d.company_id
    join companies c on c.id = a.company_id
    where ${where(f, "a")} and a.stage = 'T0' and d.service_id is not null group by 1
  `.execute(db);
  // T0→T1 pairs by whether a delivery of the category started between the two days.
  const received = await sql<{ category: string; received: boolean; n: number; mean: number }>`
    select k.category, exists (
        select 1 from delivered_services d where d.company_id = t0.company_id
          and d.category = k.category
          and d.start_date between (t0.submitted_at at time zone 'UTC')::date
            and (t1.submitted_at at time zone 'UTC')::date
      ) as received,
      count(*)::int as n, avg(t1.overall_score - t0.overall_score) as mean
    from assessments t0 join assessments t1 on t1.company_id = t0.company_id
      and t1.definition_id = t0.definition_id and t1.definition_major = t0.definition_major
    join companies c on c.id = t0.company_id
    cross join (select distinct category from service_versions) k
    where ${where(f, "t0")} and t0.stage = 'T0' and t1.stage = 'T1'
      and t0.status = 'submitted' and t1.status = 'submitted'
    group by 1, 2
  `.execute(db);
  return {
    delivered: new Map(delivered.rows.map((r) => [r.key, r.n])),
    received: new Map(received.rows.map((r) => [`${r.category}/${r.received}`, r])),
    standing: new Map(standing.rows.map((r) => [r.metric, r])),
    bands: new Map(bands.rows.map((r) => [r.band, r.n])),
    regions: new Map(regions.rows.map((r) => [r.region, r.n])),
    started: new Map(started.rows.map((r) => [r.month, r.n])),
    categories: new Map(categories.rows.map((r) => [r.category, r.n])),
    effect: effect.rows[0],
  };
}

/** A shown count must be the true one; a "fewer than 5" must hide 1..4. */
function expectCount(cell: Cell, truth: number, what: string) {
  if (cell.kind === "value") expect(cell.value, what).toBe(truth);
  else if (cell.kind === "small") expect(truth > 0 && truth < PRIVACY_FLOOR, what).toBe(true);
}

function column(table: PanelTable, rowId: string, c = 0): Cell {
  return table.rows.find((r) => r.id === rowId)?.cells[c] ?? { kind: "value", value: 0 };
}

test("every panel's numbers equal brute force over the raw rows for random filters", async () => {
  const pick = <T>(values: readonly T[]) =>
    random() < 0.5 ? undefined : values[Math.floor(random() * values.length)];
  // Every way of reading the rollups: no slice column, one, two (their slice sets), three
  // and four (the full grain, the free column enumerated), then random ones.
  const filters: Filter[] = [
    {},
    { region: "skane" },
    { sector: SECTORS[0], partner: "iuc-syd" },
    { sector: SECTORS[1], size: SIZE_CLASSES[1], partner: "none" },
    { region: "blekinge", sector: SECTORS[0], size: SIZE_CLASSES[0], partner: "techtank" },
  ];
  for (let i = 0; i < 12; i++) {
    filters.push({
      region: pick(HUB_REGIONS),
      sector: pick(SECTORS.slice(0, 6)),
      size: pick(SIZE_CLASSES),
      partner: pick(["iuc-syd", "techtank", "none"]),
    });
  }
  for (const f of filters) {
    const defined = Object.entries(f).filter((e): e is [string, string] => e[1] !== undefined);
    const query = new URLSearchParams([["q", "dma-sme@1"], ...defined]);
    const loaded = await load(`?${query.toString()}`);
    expect(loaded.status).toBe(200);
    const { dashboard } = loaded.data as Loaded;
    const truth = await bruteForce(f);
    const label = JSON.stringify(f);
    for (const row of dashboard.standing.rows) {
      const exact = truth.standing.get(row.id);
      expectCount(row.cells[0], exact?.n ?? 0, `${label} n ${row.id}`);
      const median = row.cells[1];
      if (median.kind === "value") {
        expect(
          Math.abs(median.value - Number(exact!.median)),
          `${label} median`,
        ).toBeLessThanOrEqual(0.5);
      }
    }
    for (const row of dashboard.bands.rows) {
      if (row.id !== "total")
        expectCount(row.cells[0], truth.bands.get(row.id) ?? 0, `${label} band`);
    }
    for (const row of dashboard.byRegion.rows) {
      if (row.id !== "total")
        expectCount(row.cells[0], truth.regions.get(row.id) ?? 0, `${label} region`);
    }
    for (const row of dashboard.activity.rows) {
      if (row.id !== "total")
        expectCount(row.cells[0], truth.started.get(row.id) ?? 0, `${label} started`);
    }
    for (const row of [...dashboard.demandByCategory.rows, ...dashboard.demandByService.rows]) {
      if (row.id !== "total") {
        expectCount(row.cells[0], truth.categories.get(row.id) ?? 0, `${label} recommended`);
      }
    }
    for (const row of dashboard.demandByCategory.rows) {
      if (row.id !== "total") {
        expectCount(row.cells[1], truth.delivered.get(row.id) ?? 0, `${label} delivered`);
      }
    }
    for (const row of dashboard.demandByService.rows) {
      if (row.id !== "total") {
        expectCount(row.cells[1], truth.delivered.get(row.id) ?? 0, `${label} delivered`);
      }
    }
    for (const row of dashboard.effectByCategory.rows) {
      for (const [c, yes] of [
        [1, true],
        [3, false],
      ] as const) {
        const exact = truth.received.get(`${row.id}/${yes}`);
        expectCount(row.cells[c], exact?.n ?? 0, `${label} ${row.id} received ${yes}`);
        const mean = row.cells[c + 1];
        expect(mean.kind === "value", `${label} mean shown`).toBe((exact?.n ?? 0) >= PRIVACY_FLOOR);
        if (mean.kind === "value") expect(mean.value).toBeCloseTo(Number(exact!.mean), 4);
      }
    }
    const overall = column(dashboard.effect, "overall", 0);
    expectCount(overall, truth.effect.n, `${label} pairs`);
    const mean = column(dashboard.effect, "overall", 1);
    if (mean.kind === "value") expect(mean.value).toBeCloseTo(Number(truth.effect.mean), 4);
  }
  // At one stage, the companies recommended a service at that stage.
  for (const stage of ["T0", "T1"]) {
    const atStage = (await load(`?q=dma-sme@1&stage=${stage}`)).data as Loaded;
    const truth = await bruteForce({ stage });
    const rows = [
      ...atStage.dashboard.demandByCategory.rows,
      ...atStage.dashboard.demandByService.rows,
    ];
    for (const row of rows.filter((r) => r.id !== "total")) {
      expectCount(
        row.cells[0],
        truth.categories.get(row.id) ?? 0,
        `${stage} recommended ${row.id}`,
      );
    }
  }
  // The whole population shows something in every panel.
  const all = (await load("?q=dma-sme@1")).data as Loaded;
  expect(column(all.dashboard.effect, "overall").kind).toBe("value");
  expect(all.dashboard.demandByService.rows.length).toBeGreaterThan(2);
  // The demo data delivers services, and some categories have an effect to compare.
  expect(column(all.dashboard.demandByCategory, "total", 1).kind).toBe("value");
  expect(
    all.dashboard.effectByCategory.rows.filter((r) => r.cells[2].kind === "value").length,
  ).toBeGreaterThanOrEqual(2);
}, 120_000);

test("a table's CSV holds exactly what the page shows, with a BOM and the chosen separator", async () => {
  const query = "?q=dma-sme@1&region=blekinge&size=medium";
  const page = (await load(query)).data as Loaded;
  const response = (await csvLoader(
    routeArgs(
      staffRequest(`/hub/dashboard.csv${query}&table=bands&sep=semicolon`, {
        cookie: cast.cookies.lead,
      }),
    ),
  )) as Response;
  expect(response.headers.get("Content-Type")).toContain("text/csv");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder().decode(bytes).slice(1).trim().split("\r\n");
  expect(lines).toHaveLength(page.dashboard.bands.rows.length + 1);
  page.dashboard.bands.rows.forEach((row, i) => {
    const cells = lines[i + 1].split(";");
    const cell = row.cells[0];
    expect(cells[1]).toBe(
      cell.kind === "value"
        ? String(cell.value)
        : cell.kind === "small"
          ? "fewer than 5"
          : "hidden",
    );
  });
});

describe("the completeness list", () => {
  test.each(["/hub/dashboard/companies", "/hub/dashboard/companies.csv"])(
    "%s: hub lead 200, adviser 403",
    async (path) => {
      const call = (cookie: string) =>
        outcome(() =>
          (path.endsWith(".csv") ? listCsvLoader : listLoader)(
            routeArgs(staffRequest(path, { cookie })),
          ),
        );
      expect((await call(cast.cookies.lead)).status).toBe(200);
      expect((await call(cast.cookies.adviser)).status).toBe(403);
    },
  );

  test("a bad page is a 400", async () => {
    const response = await outcome(() =>
      listLoader(
        routeArgs(staffRequest("/hub/dashboard/companies?page=0", { cookie: cast.cookies.lead })),
      ),
    );
    expect(response.status).toBe(400);
  });

  test("pages and the CSV list every company of the slice with its stages, as the panel counts them; the download is audit-logged", async () => {
    const { db } = database();
    for (const query of ["q=dma-sme@1", "q=dma-sme@1&region=skane&size=small", "q=dma-pso@1"]) {
      const truth = await sql<{ id: string; furthest: string }>`
        select t0.company_id as id, coalesce((select max(x.stage) from assessments x
          where x.company_id = t0.company_id and x.definition_id = t0.definition_id
            and x.status = 'submitted'), 'none') as furthest
        from assessments t0 join companies c on c.id = t0.company_id
        where t0.definition_id = ${query.includes("pso") ? "dma-pso" : "dma-sme"}
          and t0.stage = 'T0'
          ${query.includes("skane") ? sql`and c.region = 'skane' and c.size_class = 'small'` : sql``}
      `.execute(db);
      type List = Awaited<ReturnType<typeof listLoader>>;
      const first = (await load2(`/hub/dashboard/companies?${query}`)) as List;
      expect(first.total).toBe(truth.rows.length);
      const ids: string[] = [];
      for (let page = 1; page <= first.pages; page++) {
        const loaded = (await load2(`/hub/dashboard/companies?${query}&page=${page}`)) as List;
        ids.push(...loaded.rows.map((r) => r.companyId));
      }
      expect(ids.sort()).toEqual(truth.rows.map((r) => r.id).sort());
      const response = (await listCsvLoader(
        routeArgs(
          staffRequest(`/hub/dashboard/companies.csv?${query}&sep=comma`, {
            cookie: cast.cookies.lead,
          }),
        ),
      )) as Response;
      const lines: string[][] = parse(
        Buffer.from(await response.arrayBuffer())
          .subarray(3)
          .toString("utf8"),
      );
      expect(lines).toHaveLength(truth.rows.length + 1);
      // The furthest stages add up to the completeness panel's counts.
      const dashboard = ((await load(`?${query}`)).data as Loaded).dashboard;
      const furthest = lines.slice(1).map((l) => l[l.length - 1]);
      for (const row of dashboard.completeness.rows) {
        if (row.id === "total") continue;
        const wording = {
          none: "T0 not submitted",
          T0: "T0 submitted",
          T1: "T1 submitted",
          T2: "T2 submitted",
        }[row.id]!;
        const n = truth.rows.filter((r) => r.furthest === row.id).length;
        expect(furthest.filter((f) => f === wording)).toHaveLength(n);
        expectCount(row.cells[0], n, `${query} ${row.id}`);
      }
    }
    const entry = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "export.downloaded")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ kind: "completeness", format: "csv" });
  }, 60_000);
});

async function load2(path: string) {
  return listLoader(routeArgs(staffRequest(path, { cookie: cast.cookies.lead })));
}
