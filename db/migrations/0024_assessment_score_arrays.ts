import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * A submitted assessment's dimension scores on its own row (decision 032's addendum):
 * `assessments.dimension_scores`, the scores in the order of their dimension ids (the "C"
 * collation: byte order, as the ids are lower-case ASCII), so that the DMA-results export
 * reads them from the covering index instead of aggregating the assessment's
 * assessment_scores rows per row. The order needs no definition file, so this migration
 * fills the column from the stored rows. assessment_scores stays: peer statistics, the
 * dashboard and the company page read it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table assessments add column dimension_scores double precision[]`.execute(db);
  await sql`
    update assessments a set dimension_scores = s.scores
    from (
      select assessment_id, array_agg(score order by dimension collate "C") as scores
      from assessment_scores group by assessment_id
    ) s
    where s.assessment_id = a.id
  `.execute(db);
  // The export's covering index (migration 0021) with the scores: same key and predicate.
  await sql`drop index assessments_export_cover_idx`.execute(db);
  await sql`
    create index assessments_export_cover_idx on assessments
      (definition_id, definition_major, submitted_at, id)
      include (company_id, stage, definition_version, created_at, overall_score, band,
        dimension_scores)
      where status = 'submitted'
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index assessments_export_cover_idx`.execute(db);
  await sql`alter table assessments drop column dimension_scores`.execute(db);
  await sql`
    create index assessments_export_cover_idx on assessments
      (definition_id, definition_major, submitted_at, id)
      include (company_id, stage, definition_version, created_at, overall_score, band)
      where status = 'submitted'
  `.execute(db);
}
