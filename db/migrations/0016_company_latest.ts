import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The client list's per-company row (docs/decisions/016 and 024): the latest submitted main
 * assessment's stage, date, questionnaire, score and band, the change since the previous
 * stage of the same questionnaire and major version, and the next step. Kept current in the
 * transaction of every write that changes them (db/queries/company-latest.ts), so the
 * list's band and next-step filters and sorts read one row per company instead of computing
 * every company's latest assessment before paging. A company without a main assessment has
 * no row (its next step is "none"). Filled here for an existing database.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("company_latest")
    .addColumn("company_id", "uuid", (c) =>
      c.primaryKey().references("companies.id").onDelete("cascade"),
    )
    .addColumn("latest_stage", "text")
    .addColumn("latest_at", "timestamptz")
    .addColumn("definition_id", "text")
    .addColumn("overall_score", "double precision")
    .addColumn("band", "text")
    .addColumn("change", "double precision")
    .addColumn("next_step", "text", (c) => c.notNull())
    .execute();
  await sql`create index company_latest_band_idx on company_latest (band)`.execute(db);
  await sql`create index company_latest_next_step_idx on company_latest (next_step)`.execute(db);
  await sql`
    insert into company_latest (company_id, latest_stage, latest_at, definition_id,
      overall_score, band, change, next_step)
    select c.id, latest.stage, latest.submitted_at, latest.definition_id, latest.overall_score,
      latest.band, latest.overall_score - previous.overall_score,
      case
        when exists (select 1 from assessments o where o.company_id = c.id
          and o.status = 'in_progress' and o.definition_id in ('dma-sme', 'dma-pso'))
          then 'in-progress'
        when latest.stage = 'T0' then 't1-due'
        when latest.stage = 'T1' then 't2-due'
        else 'none'
      end
    from companies c
    left join lateral (
      select a.stage, a.submitted_at, a.definition_id, a.definition_major, a.overall_score, a.band
      from assessments a
      where a.company_id = c.id and a.status = 'submitted'
        and a.definition_id in ('dma-sme', 'dma-pso')
      order by a.submitted_at desc limit 1
    ) latest on true
    left join lateral (
      select p.overall_score from assessments p
      where p.company_id = c.id and p.status = 'submitted'
        and p.definition_id = latest.definition_id and p.definition_major = latest.definition_major
        and p.submitted_at < latest.submitted_at
      order by p.submitted_at desc limit 1
    ) previous on true
    where exists (select 1 from assessments m where m.company_id = c.id
      and m.definition_id in ('dma-sme', 'dma-pso'))
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("company_latest").execute();
}
