import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Every company has its client-list row (docs/decisions/029, addendum of 2026-12-01): a
 * company without a main assessment, which had none, gets one with next step "none", so
 * the list's "next step: none" filter is served by company_latest's indexes like the other
 * next steps, instead of a left join over every company.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into company_latest (company_id, next_step, sort_name)
    select c.id, 'none', c.sort_name from companies c
    where not exists (select 1 from company_latest l where l.company_id = c.id)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    delete from company_latest l where not exists (select 1 from assessments m
      where m.company_id = l.company_id and m.definition_id in ('dma-sme', 'dma-pso'))
  `.execute(db);
}
