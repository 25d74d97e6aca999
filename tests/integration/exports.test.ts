import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { rebuildDashboard } from "../../app/lib/server/dashboard-rollups.server";
import { database } from "../../app/lib/server/db.server";
import { exportFile, parseExportQuery, type ExportFile } from "../../app/lib/server/exports.server";
import { createRandom } from "../../app/lib/core/random";
import type { Executor } from "../../db/database";
import { streamDeliveredRows, streamExportRows } from "../../db/queries/exports";
import { seedDemoData } from "../../app/lib/server/demo-seed.server";
import { loader as pageLoader } from "../../app/routes/hub.exports";
import { loader as downloadLoader } from "../../app/routes/hub.exports_.download";
import { openAppTestDatabase } from "../helpers/app-db";
import { routeArgs } from "../helpers/route-args";
import { outcome, staffRequest } from "../helpers/staff";
import { createStaffCast, type StaffCast } from "../helpers/staff-fixtures";

let app: { close: () => Promise<void> };
let cast: StaffCast;
const EVIL = '=HYPERLINK("http://evil.example","click")';

beforeAll(async () => {
  app = await openAppTestDatabase();
  await seedDemoData();
  cast = await createStaffCast();
  // A company whose name a spreadsheet would run as a formula.
  const { db } = database();
  const victim = await db
    .selectFrom("assessments")
    .select("company_id")
    .where("definition_id", "=", "dma-sme")
    .where("status", "=", "submitted")
    .orderBy("submitted_at")
    .limit(1)
    .executeTakeFirstOrThrow();
  await db
    .updateTable("companies")
    .set({ name: EVIL })
    .where("id", "=", victim.company_id)
    .execute();
  await rebuildDashboard(db);
}, 240_000);

afterAll(async () => {
  await app.close();
});

async function download(query: string, cookie = cast.cookies.lead) {
  return outcome(() =>
    downloadLoader(routeArgs(staffRequest(`/hub/exports/download?${query}`, { cookie }))),
  ).then(async (result) => result);
}

async function body(query: string): Promise<Buffer> {
  const response = (await downloadLoader(
    routeArgs(staffRequest(`/hub/exports/download?${query}`, { cookie: cast.cookies.lead })),
  )) as Response;
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

function parseCsv(bytes: Buffer, delimiter = ","): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.subarray(3).toString("utf8"), { delimiter, relax_column_count: false });
}

async function parseXlsx(bytes: Buffer): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: (string | number | null)[][] = [];
  workbook.worksheets[0].eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v === undefined ? null : (v as string | number))));
  });
  return rows;
}

describe("who may export", () => {
  test.each(["/hub/exports", "/hub/exports/download?kind=dma-results"])(
    "%s: hub lead 200, adviser 403, anonymous to sign-in",
    async (path) => {
      const call = (cookie?: string) =>
        outcome(() =>
          (path.includes("download") ? downloadLoader : pageLoader)(
            routeArgs(staffRequest(path, { cookie })),
          ),
        );
      expect((await call(cast.cookies.lead)).status).toBe(200);
      expect((await call(cast.cookies.adviser)).status).toBe(403);
      expect((await call(undefined)).location).toMatch(/^\/hub\/login/);
    },
  );
  test.each([
    "kind=secret",
    "kind=answers&format=pdf",
    "kind=answers&sep=tab",
    "kind=answers&region=mars",
  ])("a bad query (%s) is a 400", async (query) => {
    expect((await download(query)).status).toBe(400);
  });
});

describe("the DMA results export", () => {
  test("CSV and XLSX parse back to the same rows: the stored results in the Commission's columns", async () => {
    const csv = parseCsv(await body("kind=dma-results&format=csv&q=dma-sme@1&region=skane"));
    const xlsx = await parseXlsx(
      await body("kind=dma-results&format=xlsx&q=dma-sme@1&region=skane"),
    );
    expect(csv[0].slice(0, 7)).toEqual([
      "SME name",
      "Digital Business Strategy",
      "Digital Readiness",
      "Human-Centric Digitalisation",
      "Data Governance",
      "Automation & Artificial Intelligence",
      "Green Digitalisation",
    ]);
    // The scores from the score rows, in the Commission's column order.
    const { rows } = await sql<{ name: string; scores: number[]; overall: number }>`
      select c.name, a.overall_score as overall, array(
        select s.score from assessment_scores s
          join unnest(array['strategy', 'readiness', 'human', 'data', 'automation', 'green'])
            with ordinality d(dimension, n) on d.dimension = s.dimension
        where s.assessment_id = a.id order by d.n
      ) as scores
      from assessments a join companies c on c.id = a.company_id
      where a.definition_id = 'dma-sme' and a.status = 'submitted' and c.region = 'skane'
      order by a.submitted_at, a.id
    `.execute(database().db);
    expect(csv).toHaveLength(rows.length + 1);
    expect(xlsx).toHaveLength(rows.length + 1);
    rows.forEach((row, i) => {
      const line = csv[i + 1];
      expect(line[0].replace(/^'/, "")).toBe(row.name);
      expect(row.scores).toHaveLength(6);
      row.scores.forEach((score, d) => {
        expect(Number(line[1 + d])).toBeCloseTo(score, 1);
        // The same cells in the workbook (numbers as numbers).
        expect(xlsx[i + 1][1 + d]).toBeCloseTo(score, 1);
      });
      expect(Number(line[7])).toBeCloseTo(row.overall, 1);
      expect(String(xlsx[i + 1][0]).replace(/^'/, "")).toBe(row.name);
    });
  });

  test("a name that a spreadsheet would run is neutralised in CSV and a plain string in XLSX", async () => {
    const csv = parseCsv(await body("kind=dma-results&format=csv&sep=semicolon"), ";");
    const evil = csv.find((line) => line[0].includes("HYPERLINK"));
    expect(evil?.[0]).toBe(`'${EVIL}`);
    // Decimal commas with the semicolon separator.
    expect(csv[1][1]).toMatch(/^\d+(,\d+)?$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await body("kind=dma-results&format=xlsx")) as unknown as ArrayBuffer,
    );
    let found = false;
    workbook.worksheets[0].eachRow((row) => {
      const cell = row.getCell(1);
      if (String(cell.value).includes("HYPERLINK")) {
        found = true;
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
      }
    });
    expect(found).toBe(true);
  });

  test("public sector organisations export in the PSO layout, headers in Swedish on request", async () => {
    const en = parseCsv(await body("kind=dma-results&q=dma-pso@1"));
    expect(en[0].slice(0, 7)).toEqual([
      "PSO name",
      "Digital Strategy and Investments",
      "Digital Readiness",
      "Human-Centric Digitalisation",
      "Data Management and Security",
      "Interoperability",
      "Green Digitalisation",
    ]);
    expect(en.length).toBeGreaterThan(10);
    const sv = parseCsv(await body("kind=dma-results&q=dma-pso@1&lang=sv&sep=semicolon"), ";");
    expect(sv[0][0]).toBe("Organisationens namn");
    expect(sv[0]).toContain("Interoperabilitet");
  });

  test("every download is audit-logged", async () => {
    await body("kind=answers&format=csv&q=dma-sme@1&size=small");
    const entry = await database()
      .db.selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "export.downloaded")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.actor_id).toBe(cast.users.lead.id);
    expect(entry.details).toMatchObject({ kind: "answers", format: "csv" });
  });
});

describe("the answers exports", () => {
  test("one column per item from the definition; the anonymised variant has no identity", async () => {
    const full = parseCsv(await body("kind=answers&q=dma-sme@1"));
    const anonymous = parseCsv(await body("kind=answers-anonymous&q=dma-sme@1"));
    expect(full.length).toBe(anonymous.length);
    // Stable item columns: the same names in both, a choice question one per item.
    const items = full[0].filter((h) => /^[a-z0-9_]+\.\d+$/i.test(h));
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) expect(anonymous[0]).toContain(item);
    expect(full[0]).toContain("Name");
    expect(anonymous[0]).not.toContain("Name");
    expect(anonymous[0]).not.toContain("Organisation number");
    const names = new Set(full.slice(1).map((line) => line[full[0].indexOf("Name")]));
    for (const line of anonymous.slice(1))
      for (const cell of line) expect(names.has(cell)).toBe(false);
    // Every choice cell is 0, 1 or empty.
    const column = full[0].indexOf(items[0]);
    for (const line of full.slice(1)) expect(["0", "1", ""]).toContain(line[column]);
    // XLSX holds the same rows.
    const xlsx = await parseXlsx(await body("kind=answers-anonymous&q=dma-sme@1&format=xlsx"));
    expect(xlsx.length).toBe(anonymous.length);
    expect(xlsx[0]).toEqual(anonymous[0]);
  });
});

describe("the delivered-services export", () => {
  test("CSV and XLSX parse back to the stored deliveries of the slice in the Commission's service columns, formula-safe, headers in Swedish on request", async () => {
    const { db } = database();
    // A delivered service whose description a spreadsheet would run.
    const target = await db
      .selectFrom("delivered_services as d")
      .innerJoin("companies as c", "c.id", "d.company_id")
      .select("d.id")
      .where("c.region", "=", "skane")
      .where("c.customer_type", "=", "sme")
      .orderBy("d.start_date")
      .limit(1)
      .executeTakeFirstOrThrow();
    await db
      .updateTable("delivered_services")
      .set({ description: "+SUM(A1:A9)" })
      .where("id", "=", target.id)
      .execute();
    const query = "kind=delivered-services&q=dma-sme@1&region=skane";
    const csv = parseCsv(await body(`${query}&format=csv`));
    const xlsx = await parseXlsx(await body(`${query}&format=xlsx`));
    expect(csv[0].slice(0, 9)).toEqual([
      "Customer",
      "Customer type",
      "Service category delivered",
      "Technology type used",
      "Short description of the service",
      "Service price, €",
      "Number of attendees",
      "Start date",
      "End date",
    ]);
    const { rows } = await sql<{
      id: string;
      name: string;
      price: string;
      start: string;
      attendees: number | null;
      description: string;
    }>`
      select d.id, c.name, d.price_eur::text as price, d.start_date::text as start, d.attendees,
        d.description
      from delivered_services d join companies c on c.id = d.company_id
      where c.region = 'skane' and exists (select 1 from assessments a where a.company_id = c.id
        and a.definition_id = 'dma-sme' and a.stage = 'T0')
      order by d.start_date, d.id
    `.execute(db);
    expect(rows.length).toBeGreaterThan(5);
    expect(csv).toHaveLength(rows.length + 1);
    expect(xlsx).toHaveLength(rows.length + 1);
    rows.forEach((row, i) => {
      const line = csv[i + 1];
      expect(line[0].replace(/^'/, "")).toBe(row.name);
      expect(line[1]).toBe("SME");
      expect(Number(line[5])).toBe(Number(row.price));
      expect(line[6]).toBe(row.attendees === null ? "" : String(row.attendees));
      expect(line[7]).toBe(row.start);
      expect(xlsx[i + 1][5]).toBe(Number(row.price));
      expect(xlsx[i + 1][7]).toBe(row.start);
      if (row.id === target.id) {
        expect(line[4]).toBe("'+SUM(A1:A9)");
        expect(xlsx[i + 1][4]).toBe("+SUM(A1:A9)");
      }
    });
    const sv = parseCsv(await body(`${query}&lang=sv&sep=semicolon`), ";");
    expect(sv[0].slice(0, 2)).toEqual(["Kund", "Kundtyp"]);
    expect(sv).toHaveLength(rows.length + 1);
  });
});

describe("paging the exports", () => {
  test("pages of any size, full or not, and equal submission times give every row once, in order", async () => {
    const { db } = database();
    const filter = { definitionId: "dma-sme", definitionMajor: 1 };
    const dimensions = ["strategy", "green"];
    const versions = new Map([
      ["1.0.0", ["strategy", "readiness", "human", "data", "automation", "green"]],
      ["1.1.0", ["strategy", "readiness", "human", "data", "automation", "green"]],
    ]);
    // Each row's id (read with the answers) and, without the answers, a row's identity
    // as the DMA-results export reads it (its key is on a full page's last row only).
    const ids = async (executor: Executor, batch?: number) => {
      const out: string[] = [];
      const rows: string[] = [];
      const options = { dimensions, versions, batch };
      for await (const page of streamExportRows(executor, filter, { ...options, answers: true })) {
        expect(page.length).toBeLessThanOrEqual(batch ?? Infinity);
        out.push(...page.map((r) => r.id ?? ""));
        rows.push(...page.map((r) => `${r.name} ${r.stage} ${r.submittedOn} ${r.scores}`));
      }
      const results: string[] = [];
      for await (const page of streamExportRows(executor, filter, { ...options, answers: false })) {
        expect(page.length).toBeLessThanOrEqual(batch ?? Infinity);
        results.push(...page.map((r) => `${r.name} ${r.stage} ${r.submittedOn} ${r.scores}`));
      }
      expect(results).toEqual(rows);
      return out;
    };
    const rollback = new Error("rollback");
    await db
      .transaction()
      .execute(async (trx) => {
        // Half of the results submitted in the same microsecond: the keyset's second key
        // (the id) alone orders them across page boundaries.
        await sql`
          update assessments set submitted_at = '2026-03-04 05:06:07.123456+00'
          where definition_id = 'dma-sme' and status = 'submitted' and id::text < '8'
        `.execute(trx);
        const { rows } = await sql<{ id: string }>`
          select id from assessments
          where definition_id = 'dma-sme' and definition_major = 1 and status = 'submitted'
          order by submitted_at, id
        `.execute(trx);
        const expected = rows.map((r) => r.id);
        expect(expected.length).toBeGreaterThan(10);
        // A batch of 1 and of exactly the count: every page full, then an empty one.
        for (const batch of [1, 2, 3, 7, expected.length - 1, expected.length, expected.length + 1])
          expect(await ids(trx, batch)).toEqual(expected);
        const delivered = async (batch?: number) => {
          const out: string[] = [];
          for await (const page of streamDeliveredRows(trx, filter, { batch }))
            out.push(...page.map((r) => r.id));
          return out;
        };
        const all = await delivered();
        expect(all.length).toBeGreaterThan(5);
        expect(new Set(all).size).toBe(all.length);
        for (const batch of [1, 4, all.length]) expect(await delivered(batch)).toEqual(all);
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
  });
});

describe("the scores of each version of a questionnaire", () => {
  test("each row's scores are read at the positions of its own version's dimensions", async () => {
    const { db } = database();
    const dimensions = ["strategy", "readiness", "human", "data", "automation", "green"];
    const rollback = new Error("rollback");
    await db
      .transaction()
      .execute(async (trx) => {
        // A made-up version with two dimensions only, in another order than their ids':
        // its array is [green, strategy].
        const changed = await sql<{ id: string }>`
          update assessments set definition_version = '1.9.0', dimension_scores = array[41.5, 12.25]
          where id in (select id from assessments where definition_id = 'dma-sme'
            and status = 'submitted' order by id limit 3)
          returning id
        `.execute(trx);
        expect(changed.rows).toHaveLength(3);
        const versions = new Map([
          ["1.0.0", dimensions],
          ["1.1.0", dimensions],
          ["1.9.0", ["strategy", "green"]],
        ]);
        const read = new Map<string, (number | null)[]>();
        const filter = { definitionId: "dma-sme", definitionMajor: 1 };
        for await (const page of streamExportRows(trx, filter, {
          answers: true,
          dimensions,
          versions,
        }))
          for (const row of page) read.set(row.id ?? "", row.scores);
        for (const { id } of changed.rows)
          expect(read.get(id)).toEqual([12.25, null, null, null, null, 41.5]);
        // Every other row: its score rows, in the export's order.
        const { rows } = await sql<{ id: string; scores: number[] }>`
          select a.id, array(
            select s.score from assessment_scores s
              join unnest(${dimensions}::text[]) with ordinality d(dimension, n)
                on d.dimension = s.dimension
            where s.assessment_id = a.id order by d.n
          ) as scores
          from assessments a
          where a.definition_id = 'dma-sme' and a.status = 'submitted'
            and a.definition_version <> '1.9.0'
        `.execute(trx);
        expect(rows.length).toBeGreaterThan(100);
        for (const row of rows) expect(read.get(row.id)).toEqual(row.scores);
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
  });
});

describe("the DMA results CSV written by the database", () => {
  test("is byte for byte the CSV of the JavaScript layout: any name, any score, both separators and languages", async () => {
    const { db } = database();
    // Names with every character the CSV treats apart, and random Unicode (no NUL:
    // PostgreSQL's text holds none).
    const tricky = fc.oneof(
      fc.constantFrom(
        EVIL,
        "-1",
        "+46 40 123",
        "@sum",
        "\tTab AB",
        "\rCarriage",
        'Quote "AB"',
        "Semi;colon",
        "Comma, AB",
        "Line\nbreak",
        "'Already apostrophe",
        "Ödeshög Åkeri ÄB",
        "\\.",
        " ",
      ),
      fc.fullUnicodeString({ minLength: 1, maxLength: 12 }),
      fc.stringOf(fc.constantFrom("=", "+", "-", "@", '"', ",", ";", "\r", "\n", "\t", "a", "é"), {
        minLength: 1,
        maxLength: 6,
      }),
    );
    const names = fc
      .sample(tricky, { numRuns: 400, seed: 36 })
      .map((name) => name.replace(/\0/g, ""))
      .filter((name) => name.length > 0);
    const scoreValues = [
      0,
      100,
      1.005,
      12.345,
      99.995,
      0.125,
      33.333333333333336,
      66.66666666666667,
      4.35,
      50.5,
      0.005,
      0.015,
      1e-9,
      87.654999999,
      45.675,
      2.675,
      1.115,
      null,
    ];
    const random = createRandom(36);
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
    const rollback = new Error("rollback");
    await db
      .transaction()
      .execute(async (trx) => {
        const { rows: targets } = await sql<{ id: string; company_id: string }>`
          select id, company_id from assessments
          where definition_id = 'dma-sme' and status = 'submitted' order by id
        `.execute(trx);
        expect(targets.length).toBeGreaterThan(100);
        for (const [i, target] of targets.entries()) {
          await sql`update companies set name = ${names[i % names.length]},
            org_number = ${pick([null, "", "556036-0793", "=1+2", '12"34', "5560;3,6"])}
            where id = ${target.company_id}`.execute(trx);
          await sql`update assessments set
            dimension_scores = ${Array.from({ length: 6 }, () => pick(scoreValues))}::float8[],
            overall_score = ${pick(scoreValues)},
            band = ${pick([null, "basic", "advanced", "made-up, band", "=band"])}
            where id = ${target.id}`.execute(trx);
        }
        for (const [separator, lang] of [
          ["comma", "en"],
          ["semicolon", "sv"],
          ["comma", "sv"],
          ["semicolon", "en"],
        ]) {
          const request = parseExportQuery(
            new URL(`http://hub.test/?kind=dma-results&format=csv&sep=${separator}&lang=${lang}`),
          );
          const text = (file: ExportFile) => new Response(file.body).text();
          const fromDatabase = await text(exportFile(request, { db: trx }));
          const fromRows = await text(exportFile(request, { db: trx, csvFromRows: true }));
          expect(fromDatabase.split("\r\n").length).toBeGreaterThan(targets.length);
          expect(fromDatabase).toBe(fromRows);
        }
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
  }, 120_000);
});
