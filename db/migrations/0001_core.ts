import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("companies")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("org_number", "text")
    .addColumn("country", "text", (c) => c.notNull().defaultTo("SE"))
    .addColumn("size_class", "text", (c) =>
      c.notNull().check(sql`size_class in ('micro', 'small', 'medium', 'large')`),
    )
    .addColumn("primary_sector", "text", (c) => c.notNull())
    .addColumn("secondary_sector", "text")
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("contact_name", "text")
    .addColumn("contact_role", "text")
    .addColumn("contact_email", "text")
    .addColumn("consent_advisers_at", "timestamptz")
    .addColumn("consent_benchmark_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("companies_org_number_idx")
    .on("companies")
    .column("org_number")
    .execute();

  await db.schema
    .createTable("assessments")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("company_id", "uuid", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("definition_id", "text", (c) => c.notNull())
    .addColumn("definition_version", "text", (c) => c.notNull())
    .addColumn("definition_major", "integer", (c) => c.notNull())
    .addColumn("definition_hash", "text", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull().check(sql`stage in ('T0', 'T1', 'T2')`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("in_progress")
        .check(sql`status in ('in_progress', 'submitted')`),
    )
    .addColumn("answers", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("current_page", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("resume_token_hash", "text", (c) => c.notNull().unique())
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ('sv', 'en')`))
    .addColumn("overall_score", "double precision")
    .addColumn("band", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("submitted_at", "timestamptz")
    // One assessment of each questionnaire per company and stage (T0, T1, T2).
    .addUniqueConstraint("assessments_company_definition_stage_key", [
      "company_id",
      "definition_id",
      "stage",
    ])
    .execute();

  await db.schema
    .createTable("assessment_scores")
    .addColumn("assessment_id", "uuid", (c) =>
      c.notNull().references("assessments.id").onDelete("cascade"),
    )
    .addColumn("dimension", "text", (c) => c.notNull())
    .addColumn("score", "double precision", (c) => c.notNull())
    .addColumn("definition_id", "text", (c) => c.notNull())
    .addColumn("definition_major", "integer", (c) => c.notNull())
    .addColumn("primary_sector", "text", (c) => c.notNull())
    .addColumn("size_class", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("submitted_month", "date", (c) => c.notNull())
    .addPrimaryKeyConstraint("assessment_scores_pkey", ["assessment_id", "dimension"])
    .execute();
  await db.schema
    .createIndex("assessment_scores_aggregate_idx")
    .on("assessment_scores")
    .columns(["definition_id", "definition_major", "dimension", "submitted_month"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("assessment_scores").execute();
  await db.schema.dropTable("assessments").execute();
  await db.schema.dropTable("companies").execute();
}
