import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The hub lead's dashboard reads counts and score histograms from one rollup table, kept
 * current in the transaction of every write that changes them (docs/decisions/018): per
 * month × questionnaire (major version) × stage × region × sector (a PSO's government
 * area) × size class × partner organisation, a measure (started, submitted, band, score,
 * change, improved, recommended, status) with its metric and item, a count and a sum.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("dashboard_rollups")
    .addColumn("definition_id", "text", (c) => c.notNull())
    .addColumn("definition_major", "integer", (c) => c.notNull())
    .addColumn("measure", "text", (c) => c.notNull())
    /** First day of the month (UTC) the measure belongs to. */
    .addColumn("month", "date", (c) => c.notNull())
    /** T0, T1, T2, or "" for a measure of the company rather than one assessment. */
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull())
    /** An SME's sector, a PSO's primary government area. */
    .addColumn("sector", "text", (c) => c.notNull())
    .addColumn("size_class", "text", (c) => c.notNull())
    /** The partner organisation of the company's first assigned adviser, or "". */
    .addColumn("partner_id", "text", (c) => c.notNull())
    /** A dimension id or "overall"; a service category for recommendations; else "". */
    .addColumn("metric", "text", (c) => c.notNull())
    /** A score bucket, a band, a service id or a status; else "". */
    .addColumn("item", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    /** The sum of the values counted (score changes), to six decimals. */
    .addColumn("total", "numeric(20, 6)", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("dashboard_rollups_pkey", [
      "definition_id",
      "definition_major",
      "measure",
      "month",
      "stage",
      "region",
      "sector",
      "size_class",
      "partner_id",
      "metric",
      "item",
    ])
    .execute();
  // The exports read submitted assessments of one questionnaire in submission order.
  await sql`
    create index assessments_export_idx on assessments
      (definition_id, definition_major, submitted_at, id) where status = 'submitted'
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index assessments_export_idx`.execute(db);
  await sql`drop table dashboard_rollups`.execute(db);
}
