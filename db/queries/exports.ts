import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../database";
import type { CustomerType, StoredAnswers } from "../schema";
import { byCodeUnits } from "./assessments";
import { partnerOf } from "./dashboard";

/** The rows an export holds: submitted assessments of one questionnaire in a slice. */
export interface ExportFilter {
  definitionId: string;
  definitionMajor: number;
  /** First and last month of submission (first days, YYYY-MM-01), inclusive. */
  from?: string;
  to?: string;
  stage?: string;
  region?: string;
  /** An SME's sector or a PSO's primary government area. */
  sector?: string;
  size?: string;
  /** A partner organisation id, or "" for companies without one. */
  partner?: string;
}

/** One submitted assessment as the exports read it. */
export interface ExportRow {
  /** Read only with the answers (the answers exports write it). */
  id?: string;
  stage: string;
  definitionVersion: string;
  /** The days of creation and submission in Europe/Stockholm, YYYY-MM-DD. */
  createdOn: string;
  submittedOn: string;
  overall: number | null;
  band: string | null;
  name: string;
  orgNumber: string | null;
  /** The scores of the dimensions asked for, in their order (null where none is stored). */
  scores: (number | null)[];
  /** The answers and the company's profile: read only when asked for (`answers: true`). */
  answers?: StoredAnswers;
  profile?: { region: string; sector: string; sizeClass: string };
}

/** Rows read per query: large enough that a round trip costs little per row. */
const EXPORT_BATCH = 5_000;

/**
 * The pages of a keyset-paginated query, in order: `page(after)` reads the rows after the
 * key of the previous page's last row (none for the first), `batch` at most. The next page
 * is asked for before this one is handed on, so the database reads while the caller
 * writes; a page shorter than `batch` is the last.
 */
async function* keysetPages<Row, Key>(
  page: (after: Key | undefined) => Promise<Row[]>,
  keyOf: (last: Row) => Key,
  batch: number,
): AsyncGenerator<Row[]> {
  let next = page(undefined);
  for (;;) {
    const rows = await next;
    const full = rows.length === batch;
    if (full) {
      next = page(keyOf(rows[rows.length - 1]));
      // Handled when awaited; this keeps an abandoned download's last page from crashing.
      next.catch(() => undefined);
    }
    if (rows.length > 0) yield rows;
    if (!full) return;
  }
}

/**
 * Runs a page's query with the plan settings an export's reading wants (local to a
 * transaction of its own, or to the caller's; PostgreSQL 14 or later):
 * - no parallel workers: PostgreSQL planned a 5,000-row page in index order as a Gather
 *   Merge over two workers, started for every page; at 100,000 assessments they spent
 *   4–5 s of CPU beyond the backend's 0.7–0.8 s, against 1.2 s for the same pages
 *   without them, and took twice as long;
 * - no Memoize in front of the company lookup: every row is another company (0 hits),
 *   and the cache cost a page about 70 ms instead of 40 (decision 032's addendum).
 */
async function withExportPlan<T>(
  db: Executor,
  query: (executor: Executor) => Promise<T>,
): Promise<T> {
  const planned = async (executor: Executor) => {
    await sql`select set_config('max_parallel_workers_per_gather', '0', true),
      set_config('enable_memoize', 'off', true)`.execute(executor);
    return query(executor);
  };
  return db.isTransaction ? planned(db) : db.transaction().execute(planned);
}

/** The submitted assessments an export's filter selects (over `assessments a` joined to `companies c`). */
function exportConditions(filter: ExportFilter) {
  const conditions = [
    sql`a.definition_id = ${filter.definitionId}`,
    sql`a.definition_major = ${filter.definitionMajor}`,
    sql`a.status = 'submitted'`,
  ];
  if (filter.from) conditions.push(sql`a.submitted_at >= ${filter.from}::date`);
  if (filter.to) {
    conditions.push(sql`a.submitted_at < (${filter.to}::date + interval '1 month')`);
  }
  if (filter.stage) conditions.push(sql`a.stage = ${filter.stage}`);
  if (filter.region) conditions.push(sql`c.region = ${filter.region}`);
  if (filter.sector) {
    conditions.push(sql`coalesce(c.primary_sector, c.primary_area) = ${filter.sector}`);
  }
  if (filter.size) conditions.push(sql`c.size_class = ${filter.size}`);
  if (filter.partner !== undefined) {
    conditions.push(sql`${partnerOf(sql.ref("c.id"))} = ${filter.partner}`);
  }
  return conditions;
}

/** A timestamp's day in Europe/Stockholm as YYYY-MM-DD, formatted by the database. */
const localDay = (column: string) =>
  sql`to_char(${sql.ref(column)} at time zone 'Europe/Stockholm', 'YYYY-MM-DD')`;

/**
 * The filter's submitted assessments in submission order, `batch` rows of `columns` at a
 * time (keyset pagination over assessments_export_cover_idx, each page in a transaction
 * with the export's plan settings, the next page asked for while the caller writes this
 * one). Every row also has `key`: the next page's key on a full page's last row, else null
 * (null costs the database no text and the driver no string).
 */
function assessmentPages<Row extends { key: string | null }>(
  db: Executor,
  filter: ExportFilter,
  columns: RawBuilder<unknown>,
  batch: number,
): AsyncGenerator<Row[]> {
  const conditions = exportConditions(filter);
  const order = sql`a.submitted_at, a.id`;
  const key = sql`case when row_number() over (order by ${order}) = ${batch}
    then a.submitted_at::text || ' ' || a.id end`;
  const page = async (after: { at: string; id: string } | undefined) => {
    const query = sql<Row>`
      select ${key} as key, ${columns}
      from assessments a
      join companies c on c.id = a.company_id
      where ${sql.join(
        after
          ? [
              ...conditions,
              sql`(a.submitted_at, a.id) > (${after.at}::timestamptz, ${after.id}::uuid)`,
            ]
          : conditions,
        sql` and `,
      )}
      order by ${order}
      limit ${batch}
    `;
    return withExportPlan(db, async (executor) => (await query.execute(executor)).rows);
  };
  return keysetPages(
    page,
    (last) => {
      // "<submitted_at as text> <id>": the cursor keeps the microseconds (a Date would
      // round them).
      const space = last.key?.lastIndexOf(" ") ?? -1;
      if (!last.key || space < 0) throw new Error("a full page's last row has its key");
      return { at: last.key.slice(0, space), id: last.key.slice(space + 1) };
    },
    batch,
  );
}

/**
 * The filter's submitted assessments in submission order, `batch` at a time (see
 * assessmentPages): memory stays flat whatever the count. The scores of `dimensions` are
 * read from the assessment's `dimension_scores`, the local days formatted by the database.
 */
export async function* streamExportRows(
  db: Executor,
  filter: ExportFilter,
  options: {
    answers: boolean;
    dimensions: readonly string[];
    /** Every version of the questionnaire's major with its dimension ids. */
    versions: ReadonlyMap<string, readonly string[]>;
    batch?: number;
  },
): AsyncGenerator<ExportRow[]> {
  const batch = options.batch ?? EXPORT_BATCH;
  const scoreColumns = options.dimensions.length
    ? sql.join(
        options.dimensions.map(
          (d, i) => sql`${scoreOf(d, options.versions)} as ${sql.ref(`s${i}`)}`,
        ),
      )
    : sql`null as s0`;
  // The DMA-results export reads only what it writes: every column costs the driver a
  // string per row (decision 032).
  const more = options.answers
    ? sql`, a.id, a.answers, c.region,
        coalesce(c.primary_sector, c.primary_area, '') as sector, c.size_class`
    : sql``;
  const pages = assessmentPages<PageRow>(
    db,
    filter,
    sql`a.stage, a.definition_version, ${localDay("a.created_at")} as created_on,
      ${localDay("a.submitted_at")} as submitted_on, a.overall_score, a.band, c.name,
      c.org_number, ${scoreColumns} ${more}`,
    batch,
  );
  const keys = options.dimensions.map((_, i) => `s${i}` as const);
  for await (const rows of pages) {
    const out = new Array<ExportRow>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const scores = new Array<number | null>(keys.length);
      for (let k = 0; k < keys.length; k++) scores[k] = row[keys[k]] ?? null;
      out[r] = {
        stage: row.stage,
        definitionVersion: row.definition_version,
        createdOn: row.created_on,
        submittedOn: row.submitted_on,
        overall: row.overall_score,
        band: row.band,
        name: row.name,
        orgNumber: row.org_number,
        scores,
      };
      if (options.answers) {
        out[r].id = row.id;
        out[r].answers = row.answers ?? undefined;
        out[r].profile = {
          region: row.region ?? "",
          sector: row.sector ?? "",
          sizeClass: row.size_class ?? "",
        };
      }
    }
    yield out;
  }
}

/**
 * The DMA-results export as CSV text written by the database, a page of lines at a time
 * (each line ending in CRLF), in the columns and with the cells of the export's JavaScript
 * layout (`csvLine` of `layoutOf(…).line`, app/lib/server/exports.server.ts): the company's
 * name, the scores of `dimensions`, the overall score, the band (`bands`: each band id's
 * finished cell), the stage, the days of creation and submission, the organisation number
 * and the questionnaire's version. A row reaches the server as one string instead of
 * fourteen values to parse, hold and format again: at a million rows that was most of the
 * server's time (decision 036). tests/integration/exports.test.ts holds both to the same
 * bytes.
 */
export async function* streamDmaResultCsv(
  db: Executor,
  filter: ExportFilter,
  options: {
    dimensions: readonly string[];
    versions: ReadonlyMap<string, readonly string[]>;
    separator: "," | ";";
    /** Each band id's cell, already as the CSV holds it (its name in the export's language). */
    bands: ReadonlyMap<string, string>;
    batch?: number;
  },
): AsyncGenerator<string> {
  const { separator } = options;
  const band = options.bands.size
    ? sql`case a.band ${sql.join(
        [...options.bands].map(([id, cell]) => sql`when ${id} then ${cell}`),
        sql` `,
      )} else ${csvTextCell(sql.ref("a.band"), separator)} end`
    : csvTextCell(sql.ref("a.band"), separator);
  const cells = [
    csvTextCell(sql.ref("c.name"), separator),
    ...options.dimensions.map((d) => csvNumberCell(scoreOf(d, options.versions), separator)),
    csvNumberCell(sql.ref("a.overall_score"), separator),
    band,
    // The stage (T0, T1 or T2, checked by the table), the days and the version (a
    // definition file's) are the app's own values, none of which a CSV treats apart.
    sql.ref("a.stage"),
    localDay("a.created_at"),
    localDay("a.submitted_at"),
    csvTextCell(sql.ref("c.org_number"), separator),
    sql.ref("a.definition_version"),
  ];
  const pages = assessmentPages<{ key: string | null; line: string }>(
    db,
    filter,
    sql`concat_ws(${separator}, ${sql.join(cells)}) as line`,
    options.batch ?? EXPORT_BATCH,
  );
  for await (const rows of pages) {
    const lines = new Array<string>(rows.length + 1);
    for (let r = 0; r < rows.length; r++) lines[r] = rows[r].line;
    lines[rows.length] = "";
    yield lines.join("\r\n");
  }
}

/**
 * A text cell as csvCell (app/lib/core/csv.ts) writes it: "" for null or empty; prefixed
 * with an apostrophe when it starts with = + - @, a tab or a carriage return (their
 * character codes: `ascii` gives the first character's); quoted, its quotes doubled, when it
 * holds a quote, the separator, a carriage return or a line feed. With `strpos` and
 * `ascii` rather than regular expressions: two of those per cell cost the database as much
 * as the rest of the row.
 */
function csvTextCell(value: RawBuilder<unknown>, separator: "," | ";") {
  const neutral = sql`case when ascii(${value}) in (61, 43, 45, 64, 9, 13)
    then '''' || ${value} else ${value} end`;
  const mustQuote = sql`strpos(${value}, '"') > 0 or strpos(${value}, ${sql.lit(separator)}) > 0
    or strpos(${value}, chr(13)) > 0 or strpos(${value}, chr(10)) > 0`;
  return sql`case when ${value} is null or ${value} = '' then ''
    when ${mustQuote} then '"' || replace(${neutral}, '"', '""') || '"'
    else ${neutral} end`;
}

/**
 * A score's cell as the JavaScript export writes it: rounded to two decimals the way
 * `Math.round(x * 100) / 100` rounds (for scores of 0 to 100, floor(y + 0.5) is
 * Math.round(y), in the same double arithmetic), as the shortest text that reads back as
 * the same double (PostgreSQL 12 and later, as JavaScript), with a decimal comma beside
 * the `;` separator; "" for none.
 */
function csvNumberCell(value: RawBuilder<unknown>, separator: "," | ";") {
  const text = sql`(floor(${value} * 100 + 0.5) / 100)::text`;
  return separator === ";"
    ? sql`coalesce(replace(${text}, '.', ','), '')`
    : sql`coalesce(${text}, '')`;
}

/**
 * A dimension's score of an exported assessment, from `a.dimension_scores` (the scores in
 * the order of their dimension ids): at the position the dimension has in each version's
 * sorted ids; one element when every version agrees (always so far), else chosen by the
 * assessment's version. Null where its version has no such dimension.
 */
function scoreOf(dimension: string, versions: ReadonlyMap<string, readonly string[]>) {
  const positions = new Map<string, number>();
  for (const [version, ids] of versions) {
    const sorted = [...ids].sort(byCodeUnits);
    // PostgreSQL arrays count from 1; 0 reads null.
    positions.set(version, sorted.indexOf(dimension) + 1);
  }
  const distinct = new Set(positions.values());
  if (distinct.size === 1) {
    const [position] = distinct;
    return position > 0 ? sql`a.dimension_scores[${sql.lit(position)}]` : sql`null::float8`;
  }
  if (distinct.size === 0) return sql`null::float8`;
  return sql`case a.definition_version ${sql.join(
    [...positions].map(
      ([version, position]) => sql`when ${version} then a.dimension_scores[${sql.lit(position)}]`,
    ),
    sql` `,
  )} end`;
}

interface PageRow {
  /** The next page's key on a full page's last row, else null. */
  key: string | null;
  stage: string;
  definition_version: string;
  created_on: string;
  submitted_on: string;
  overall_score: number | null;
  band: string | null;
  name: string;
  org_number: string | null;
  /** Read only with the answers. */
  id?: string;
  answers?: StoredAnswers | null;
  region?: string;
  sector?: string;
  size_class?: string;
  [score: `s${number}`]: number | null;
}

/** One delivered service as its export reads it. */
export interface DeliveredExportRow {
  id: string;
  customer: string;
  orgNumber: string | null;
  customerType: CustomerType;
  category: string;
  technologyType: string;
  title: string;
  description: string;
  priceEur: number;
  attendees: number | null;
  /** YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  partnerId: string | null;
}

/**
 * The services delivered to the companies of a slice (those with a T0 of the questionnaire,
 * by their current county, sector, size class and partner organisation, as the dashboard
 * counts them; the period by the start date), in start order, `batch` at a time by keyset
 * pagination.
 */
export async function* streamDeliveredRows(
  db: Executor,
  filter: ExportFilter,
  options: { batch?: number } = {},
): AsyncGenerator<DeliveredExportRow[]> {
  const batch = options.batch ?? 2_000;
  const conditions = [
    sql`exists (select 1 from assessments a where a.company_id = c.id
      and a.definition_id = ${filter.definitionId}
      and a.definition_major = ${filter.definitionMajor} and a.stage = 'T0')`,
  ];
  if (filter.from) conditions.push(sql`d.start_date >= ${filter.from}::date`);
  if (filter.to) conditions.push(sql`d.start_date < (${filter.to}::date + interval '1 month')`);
  if (filter.region) conditions.push(sql`c.region = ${filter.region}`);
  if (filter.sector) {
    conditions.push(sql`coalesce(c.primary_sector, c.primary_area) = ${filter.sector}`);
  }
  if (filter.size) conditions.push(sql`c.size_class = ${filter.size}`);
  if (filter.partner !== undefined) {
    conditions.push(sql`${partnerOf(sql.ref("c.id"))} = ${filter.partner}`);
  }
  const page = async (after: { start: string; id: string } | undefined) => {
    const where = after
      ? [...conditions, sql`(d.start_date, d.id) > (${after.start}::date, ${after.id}::uuid)`]
      : conditions;
    const query = sql<DeliveredPageRow>`
      select d.id, c.name as customer, c.org_number, c.customer_type, d.category,
        d.technology_type, d.title, d.description, d.price_eur::text as price_eur, d.attendees,
        d.start_date::text as start_date, d.end_date::text as end_date, d.partner_id
      from delivered_services d join companies c on c.id = d.company_id
      where ${sql.join(where, sql` and `)}
      order by d.start_date, d.id
      limit ${batch}
    `;
    return withExportPlan(db, async (executor) => (await query.execute(executor)).rows);
  };
  const pages = keysetPages(page, (last) => ({ start: last.start_date, id: last.id }), batch);
  for await (const rows of pages) {
    yield rows.map((r) => ({
      id: r.id,
      customer: r.customer,
      orgNumber: r.org_number,
      customerType: r.customer_type,
      category: r.category,
      technologyType: r.technology_type,
      title: r.title,
      description: r.description,
      priceEur: Number(r.price_eur),
      attendees: r.attendees,
      startDate: r.start_date,
      endDate: r.end_date,
      partnerId: r.partner_id,
    }));
  }
}

interface DeliveredPageRow {
  id: string;
  customer: string;
  org_number: string | null;
  customer_type: CustomerType;
  category: string;
  technology_type: string;
  title: string;
  description: string;
  price_eur: string;
  attendees: number | null;
  start_date: string;
  end_date: string;
  partner_id: string | null;
}
