import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../database";
import { partnerOf } from "./dashboard";
import type { ExportFilter } from "./exports";

/*
 * The completeness list: per company with a T0 of a questionnaire, the state of its T0, T1
 * and T2, for the hub lead (identifiable, not an aggregate). The slice is the dashboard's
 * completeness panel's: the company's current county, sector, size class and partner
 * organisation, the period by the month its T0 was started (UTC), every stage.
 */

/** One stage of a company: not started, in progress or submitted (with the day). */
export interface StageState {
  status: "none" | "in_progress" | "submitted";
  submittedAt: Date | null;
}

/** One company of the list. */
export interface CompletenessRow {
  companyId: string;
  name: string;
  orgNumber: string | null;
  region: string;
  sector: string;
  sizeClass: string;
  /** "" when none. */
  partnerId: string;
  stages: { T0: StageState; T1: StageState; T2: StageState };
}

function conditions(filter: Omit<ExportFilter, "stage">): RawBuilder<unknown>[] {
  const where = [
    sql`t0.definition_id = ${filter.definitionId}`,
    sql`t0.definition_major = ${filter.definitionMajor}`,
    sql`t0.stage = 'T0'`,
  ];
  if (filter.from) where.push(sql`t0.created_at >= ${filter.from}::date`);
  if (filter.to) where.push(sql`t0.created_at < (${filter.to}::date + interval '1 month')`);
  if (filter.region) where.push(sql`c.region = ${filter.region}`);
  if (filter.sector) where.push(sql`coalesce(c.primary_sector, c.primary_area) = ${filter.sector}`);
  if (filter.size) where.push(sql`c.size_class = ${filter.size}`);
  if (filter.partner !== undefined) {
    where.push(sql`${partnerOf(sql.ref("c.id"))} = ${filter.partner}`);
  }
  return where;
}

const later = (stage: "T1" | "T2") => sql`left join lateral (
    select x.status, x.submitted_at from assessments x
    where x.company_id = t0.company_id and x.definition_id = t0.definition_id
      and x.definition_major = t0.definition_major and x.stage = ${stage}
    order by x.submitted_at nulls last, x.created_at limit 1
  ) ${sql.raw(stage.toLowerCase())} on true`;

interface Stored {
  company_id: string;
  name: string;
  org_number: string | null;
  region: string;
  sector: string;
  size_class: string;
  partner_id: string;
  t0_status: string;
  t0_submitted: Date | null;
  t1_status: string | null;
  t1_submitted: Date | null;
  t2_status: string | null;
  t2_submitted: Date | null;
}

const state = (status: string | null, at: Date | null): StageState => ({
  status: status === "submitted" ? "submitted" : status ? "in_progress" : "none",
  submittedAt: at ? new Date(at) : null,
});

function rowOf(r: Stored): CompletenessRow {
  return {
    companyId: r.company_id,
    name: r.name,
    orgNumber: r.org_number,
    region: r.region,
    sector: r.sector,
    sizeClass: r.size_class,
    partnerId: r.partner_id,
    stages: {
      T0: state(r.t0_status, r.t0_submitted),
      T1: state(r.t1_status, r.t1_submitted),
      T2: state(r.t2_status, r.t2_submitted),
    },
  };
}

function select(where: RawBuilder<unknown>[], tail: RawBuilder<unknown>) {
  return sql<Stored>`
    select c.id as company_id, c.name, c.org_number, c.region,
      coalesce(c.primary_sector, c.primary_area, '') as sector, c.size_class,
      ${partnerOf(sql.ref("c.id"))} as partner_id,
      t0.status as t0_status, t0.submitted_at as t0_submitted,
      t1.status as t1_status, t1.submitted_at as t1_submitted,
      t2.status as t2_status, t2.submitted_at as t2_submitted
    from assessments t0 join companies c on c.id = t0.company_id
    ${later("T1")}
    ${later("T2")}
    where ${sql.join(where, sql` and `)}
    ${tail}
  `;
}

/** One page of the list, by name, and the number of companies in the slice. */
export async function listCompletenessPage(
  db: Executor,
  filter: Omit<ExportFilter, "stage">,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: CompletenessRow[] }> {
  const where = conditions(filter);
  const [count, rows] = await Promise.all([
    sql<{ n: number }>`
      select count(*)::int as n from assessments t0 join companies c on c.id = t0.company_id
      where ${sql.join(where, sql` and `)}
    `.execute(db),
    select(where, sql`order by c.name, c.id limit ${page.limit} offset ${page.offset}`).execute(db),
  ]);
  return { total: Number(count.rows[0]?.n ?? 0), rows: rows.rows.map(rowOf) };
}

/** The whole list by name, `batch` companies at a time (keyset on name and id). */
export async function* streamCompletenessRows(
  db: Executor,
  filter: Omit<ExportFilter, "stage">,
  options: { batch?: number } = {},
): AsyncGenerator<CompletenessRow[]> {
  const batch = options.batch ?? 2_000;
  const where = conditions(filter);
  let after: { name: string; id: string } | undefined;
  for (;;) {
    const page = after
      ? [...where, sql`(c.name, c.id) > (${after.name}, ${after.id}::uuid)`]
      : where;
    const result = await select(page, sql`order by c.name, c.id limit ${batch}`).execute(db);
    if (result.rows.length === 0) return;
    yield result.rows.map(rowOf);
    if (result.rows.length < batch) return;
    const last = result.rows[result.rows.length - 1];
    after = { name: last.name, id: last.company_id };
  }
}
