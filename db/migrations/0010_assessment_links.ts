import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * More than one private link to an assessment. The link an assessment is created with
 * stays in `assessments.resume_token_hash`; every further link (a follow-up or module asked
 * for again while it is in progress) is a row here. Issuing a link never changes or
 * removes another, so a link a respondent has saved keeps working (decision 010).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("assessment_links")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("assessment_id", "uuid", (c) =>
      c.notNull().references("assessments.id").onDelete("cascade"),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("assessment_links_assessment_id_idx")
    .on("assessment_links")
    .column("assessment_id")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("assessment_links").execute();
}
