import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Covering indexes for the DMA-results export (decision 028). The export reads submitted
 * assessments in submission order with their scores; through these it reads neither the
 * assessment rows (about 1.4 kB each with their answers, one heap page per row in
 * submission order) nor the score rows, only index pages: an index-only scan, once
 * vacuum has marked the pages all-visible.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index assessments_export_cover_idx on assessments
      (definition_id, definition_major, submitted_at, id)
      include (company_id, stage, definition_version, created_at, overall_score, band)
      where status = 'submitted'
  `.execute(db);
  // Replaced by the covering index (same key, same predicate).
  await sql`drop index assessments_export_idx`.execute(db);
  await sql`
    create index assessment_scores_export_idx on assessment_scores (assessment_id)
      include (dimension, score)
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index assessment_scores_export_idx`.execute(db);
  await sql`
    create index assessments_export_idx on assessments
      (definition_id, definition_major, submitted_at, id) where status = 'submitted'
  `.execute(db);
  await sql`drop index assessments_export_cover_idx`.execute(db);
}
