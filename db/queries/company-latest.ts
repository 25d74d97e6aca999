import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../database";

// The main questionnaires (app/lib/core/next-assessments.ts MAIN_DEFINITIONS).
const MAIN = sql`('dma-sme', 'dma-pso')`;

/**
 * The client list's row of each company matching `where` (on `c`, the companies): its
 * latest submitted main assessment, the change since the previous stage (same questionnaire
 * and major version only) and the next step. Every company has one (decision 029's
 * addendum); one without a submitted main assessment has no scores, and its next step is
 * "in-progress" or "none".
 */
function latestRows(where: RawBuilder<unknown>) {
  return sql`
    select c.id as company_id, latest.stage as latest_stage, latest.submitted_at as latest_at,
      latest.definition_id, latest.overall_score, latest.band,
      latest.overall_score - previous.overall_score as change,
      case
        when exists (select 1 from assessments o where o.company_id = c.id
          and o.status = 'in_progress' and o.definition_id in ${MAIN}) then 'in-progress'
        when latest.stage = 'T0' then 't1-due'
        when latest.stage = 'T1' then 't2-due'
        else 'none'
      end as next_step,
      c.sort_name
    from companies c
    left join lateral (
      select a.stage, a.submitted_at, a.definition_id, a.definition_major, a.overall_score, a.band
      from assessments a
      where a.company_id = c.id and a.status = 'submitted' and a.definition_id in ${MAIN}
      order by a.submitted_at desc limit 1
    ) latest on true
    left join lateral (
      select p.overall_score from assessments p
      where p.company_id = c.id and p.status = 'submitted'
        and p.definition_id = latest.definition_id and p.definition_major = latest.definition_major
        and p.submitted_at < latest.submitted_at
      order by p.submitted_at desc limit 1
    ) previous on true
    where ${where}`;
}

const COLUMNS = sql`(company_id, latest_stage, latest_at, definition_id, overall_score, band,
  change, next_step, sort_name)`;

/**
 * Brings the companies' rows up to date: call in the transaction of every write that
 * creates, submits or removes a main assessment. A transaction-scoped lock per company (in
 * id order) makes a concurrent write of the same company wait, so the later one reads the
 * earlier one's assessments; take it last in the transaction.
 */
export async function refreshCompanyLatest(db: Executor, companyIds: readonly string[]) {
  const ids = [...new Set(companyIds)].sort();
  if (ids.length === 0) return;
  for (const id of ids) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`company_latest:${id}`}, 0))`.execute(
      db,
    );
  }
  const inIds = sql`c.id in (${sql.join(ids)})`;
  await sql`
    insert into company_latest ${COLUMNS}
    ${latestRows(inIds)}
    on conflict (company_id) do update set
      latest_stage = excluded.latest_stage, latest_at = excluded.latest_at,
      definition_id = excluded.definition_id, overall_score = excluded.overall_score,
      band = excluded.band, change = excluded.change, next_step = excluded.next_step,
      sort_name = excluded.sort_name`.execute(db);
}

/**
 * The row of a company created in this transaction with its first main assessment, in
 * progress: nothing submitted yet, so the rebuild's row is exactly this (one insert, no lock:
 * no other transaction can see the company before this one commits).
 */
export async function insertNewCompanyLatest(db: Executor, companyId: string): Promise<void> {
  await sql`insert into company_latest (company_id, next_step, sort_name)
    select id, 'in-progress', sort_name from companies where id = ${companyId}`.execute(db);
}

/** Rebuilds every company's row from the assessments (after a bulk load, or to check). */
export async function rebuildCompanyLatest(db: Executor): Promise<void> {
  await sql`delete from company_latest`.execute(db);
  await sql`insert into company_latest ${COLUMNS} ${latestRows(sql`true`)}`.execute(db);
}

/** Every row as the rebuild would write it, without writing (for the tests' comparison). */
export async function computeCompanyLatest(db: Executor) {
  const { rows } = await sql<Record<string, unknown>>`${latestRows(sql`true`)}`.execute(db);
  return rows;
}
