import { sql } from "kysely";
import type { Executor } from "../database";
import type { CustomerType, StoredAnswers } from "../schema";
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
  id: string;
  stage: string;
  definitionVersion: string;
  /** The days of creation and submission in Europe/Stockholm, YYYY-MM-DD. */
  createdOn: string;
  submittedOn: string;
  overall: number | null;
  band: string | null;
  name: string;
  orgNumber: string | null;
  customerType: CustomerType;
  region: string;
  sector: string;
  sizeClass: string;
  /** The scores of the dimensions asked for, in their order (null where none is stored). */
  scores: (number | null)[];
  answers?: StoredAnswers;
}

/** Rows read per query: large enough that a round trip costs little per row. */
const EXPORT_BATCH = 5_000;

/**
 * The filter's submitted assessments in submission order, `batch` at a time (keyset
 * pagination over assessments_export_cover_idx): memory stays flat whatever the count. Each page
 * is one query (the scores of `dimensions` joined in, the local days formatted by the
 * database), and the next page is asked for while the caller writes this one.
 */
export async function* streamExportRows(
  db: Executor,
  filter: ExportFilter,
  options: { answers: boolean; dimensions: readonly string[]; batch?: number },
): AsyncGenerator<ExportRow[]> {
  const batch = options.batch ?? EXPORT_BATCH;
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
  // One column per dimension, from the assessment's score rows (one index scan each).
  const scoreColumns = options.dimensions.length
    ? sql.join(
        options.dimensions.map(
          (d, i) => sql`max(s.score) filter (where s.dimension = ${d}) as ${sql.ref(`s${i}`)}`,
        ),
      )
    : sql`null as s0`;
  const day = (column: string) =>
    sql`to_char(${sql.ref(column)} at time zone 'Europe/Stockholm', 'YYYY-MM-DD')`;
  const page = (after: { at: string; id: string } | undefined) =>
    sql<Record<string, unknown>>`
      select a.id, a.stage, a.definition_version, ${day("a.created_at")} as created_on,
        ${day("a.submitted_at")} as submitted_on, a.overall_score, a.band, c.name,
        c.org_number, c.customer_type, c.region,
        coalesce(c.primary_sector, c.primary_area, '') as sector, c.size_class,
        ${options.answers ? sql`a.answers` : sql`null`} as answers,
        a.submitted_at::text as cursor, sc.*
      from assessments a
      join companies c on c.id = a.company_id
      left join lateral (
        select ${scoreColumns} from assessment_scores s where s.assessment_id = a.id
      ) sc on true
      where ${sql.join(
        after
          ? [
              ...conditions,
              // The cursor keeps the timestamp's microseconds (a Date would round them).
              sql`(a.submitted_at, a.id) > (${after.at}::timestamptz, ${after.id}::uuid)`,
            ]
          : conditions,
        sql` and `,
      )}
      order by a.submitted_at, a.id
      limit ${batch}
    `.execute(db);
  const keys = options.dimensions.map((_, i) => `s${i}` as const);
  let next = page(undefined);
  for (;;) {
    const rows = (await next).rows as unknown as PageRow[];
    const last = rows[rows.length - 1];
    const full = rows.length === batch;
    // Ask for the next page before this one is turned into rows and written.
    if (full) {
      next = page({ at: last.cursor, id: last.id });
      // Handled when awaited; this keeps an abandoned download's last page from crashing.
      next.catch(() => undefined);
    }
    if (rows.length > 0) {
      const out = new Array<ExportRow>(rows.length);
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        const scores = keys.map((key) => row[key] ?? null);
        out[r] = {
          id: row.id,
          stage: row.stage,
          definitionVersion: row.definition_version,
          createdOn: row.created_on,
          submittedOn: row.submitted_on,
          overall: row.overall_score,
          band: row.band,
          name: row.name,
          orgNumber: row.org_number,
          customerType: row.customer_type,
          region: row.region,
          sector: row.sector,
          sizeClass: row.size_class,
          scores,
          answers: row.answers ?? undefined,
        };
      }
      yield out;
    }
    if (!full) return;
  }
}

interface PageRow {
  id: string;
  stage: string;
  definition_version: string;
  created_on: string;
  submitted_on: string;
  overall_score: number | null;
  band: string | null;
  name: string;
  org_number: string | null;
  customer_type: CustomerType;
  region: string;
  sector: string;
  size_class: string;
  answers: StoredAnswers | null;
  cursor: string;
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
  let after: { start: string; id: string } | undefined;
  for (;;) {
    const page = after
      ? [...conditions, sql`(d.start_date, d.id) > (${after.start}::date, ${after.id}::uuid)`]
      : conditions;
    const result = await sql<{
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
    }>`
      select d.id, c.name as customer, c.org_number, c.customer_type, d.category,
        d.technology_type, d.title, d.description, d.price_eur::text as price_eur, d.attendees,
        d.start_date::text as start_date, d.end_date::text as end_date, d.partner_id
      from delivered_services d join companies c on c.id = d.company_id
      where ${sql.join(page, sql` and `)}
      order by d.start_date, d.id
      limit ${batch}
    `.execute(db);
    const rows = result.rows;
    if (rows.length === 0) return;
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
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = { start: last.start_date, id: last.id };
  }
}
