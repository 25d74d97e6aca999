import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  // Every version of every service's content, written once and never changed: what a
  // recommendation points at, so that later catalogue edits never rewrite a past result.
  await db.schema
    .createTable("service_versions")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("service_id", "text", (c) => c.notNull())
    /** SHA-256 of the content below: a new version only when something changed. */
    .addColumn("content_hash", "text", (c) => c.notNull().unique())
    .addColumn("category", "text", (c) =>
      c
        .notNull()
        .check(sql`category in ('test-before-invest', 'training', 'investment', 'networking')`),
    )
    .addColumn("name_sv", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("description_sv", "text", (c) => c.notNull())
    .addColumn("description_en", "text", (c) => c.notNull())
    .addColumn("contact_email", "text")
    .addColumn("contact_url", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The hub's current catalogue, synchronised from db/catalogue/services.json at start-up.
  await db.schema
    .createTable("services")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("version_id", "integer", (c) => c.notNull().references("service_versions.id"))
    .addColumn("priority", "integer", (c) => c.notNull().check(sql`priority between 1 and 3`))
    .addColumn("rules", "jsonb", (c) => c.notNull())
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // What was recommended at submission: the rank, the service's version and the facts that
  // triggered it (dimension and score, or question and answer), from which the reason is
  // worded with the assessment's pinned definition.
  await db.schema
    .createTable("recommendations")
    .addColumn("assessment_id", "uuid", (c) =>
      c.notNull().references("assessments.id").onDelete("cascade"),
    )
    .addColumn("rank", "smallint", (c) => c.notNull())
    .addColumn("service_version_id", "integer", (c) =>
      c.notNull().references("service_versions.id"),
    )
    .addColumn("trigger", "jsonb", (c) => c.notNull())
    .addColumn("weight", "real", (c) => c.notNull())
    .addPrimaryKeyConstraint("recommendations_pkey", ["assessment_id", "rank"])
    .execute();

  // Which submitted assessment of a company counts in the peer benchmarks of a
  // questionnaire (its latest, and only with the company's consent).
  await db.schema
    .createTable("peer_members")
    .addColumn("company_id", "uuid", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("definition_id", "text", (c) => c.notNull())
    .addColumn("definition_major", "integer", (c) => c.notNull())
    .addColumn("assessment_id", "uuid", (c) =>
      c.notNull().references("assessments.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("peer_members_pkey", [
      "company_id",
      "definition_id",
      "definition_major",
    ])
    .execute();

  // Score histograms of the peer members per group, kept current at submission: reading
  // a group's median, quartiles and a percentile rank costs one short index range, not a
  // scan of the scores (docs/benchmarks.md).
  await db.schema
    .createTable("peer_histograms")
    .addColumn("definition_id", "text", (c) => c.notNull())
    .addColumn("definition_major", "integer", (c) => c.notNull())
    .addColumn("group_kind", "text", (c) =>
      c.notNull().check(sql`group_kind in ('sector', 'size_class', 'region', 'all')`),
    )
    .addColumn("group_value", "text", (c) => c.notNull())
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("bucket", "smallint", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("peer_histograms_pkey", [
      "definition_id",
      "definition_major",
      "group_kind",
      "group_value",
      "metric",
      "bucket",
    ])
    .execute();

  // The exact scores behind each bucket, so that a percentile rank is exact: peers in the
  // company's own bucket are split into below, equal and above by their exact score.
  await db.schema
    .createTable("peer_scores")
    .addColumn("definition_id", "text", (c) => c.notNull())
    .addColumn("definition_major", "integer", (c) => c.notNull())
    .addColumn("group_kind", "text", (c) => c.notNull())
    .addColumn("group_value", "text", (c) => c.notNull())
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("bucket", "smallint", (c) => c.notNull())
    /** The score in millionths of a point. */
    .addColumn("score_key", "integer", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("peer_scores_pkey", [
      "definition_id",
      "definition_major",
      "group_kind",
      "group_value",
      "metric",
      "bucket",
      "score_key",
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("peer_scores").execute();
  await db.schema.dropTable("peer_histograms").execute();
  await db.schema.dropTable("peer_members").execute();
  await db.schema.dropTable("recommendations").execute();
  await db.schema.dropTable("services").execute();
  await db.schema.dropTable("service_versions").execute();
}
