import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

// A copy of FOLD_FROM / FOLD_TO of app/lib/core/search-fold.ts at the time (migrations
// import only kysely); tests/unit/search-fold.test.ts checks that the two still agree.
const FOLD_FROM = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťţùúûüūůűųýÿźżž";
const FOLD_TO = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrsssttuuuuuuuuyyzzz";

/**
 * The adviser's workspace: what the hub delivered to a company (the Commission's reporting
 * fields), the advisers' notes, and accent-tolerant search of the client list.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("delivered_services")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("company_id", "uuid", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    /** The catalogue service id, when the service came from the catalogue. */
    .addColumn("service_id", "text")
    .addColumn("service_version_id", "integer", (c) => c.references("service_versions.id"))
    /** The catalogue name at the time, or free text. */
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) =>
      c
        .notNull()
        .check(sql`category in ('test-before-invest', 'training', 'investment', 'networking')`),
    )
    .addColumn("technology_type", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("price_eur", sql`numeric(12, 2)`, (c) => c.notNull().check(sql`price_eur >= 0`))
    .addColumn("attendees", "integer", (c) => c.check(sql`attendees >= 0`))
    .addColumn("start_date", "date", (c) => c.notNull())
    .addColumn("end_date", "date", (c) => c.notNull())
    /** A partner organisation id of db/hub/hub.json. */
    .addColumn("partner_id", "text")
    /** Which recommendation it answers: the assessment and the rank. */
    .addColumn("recommendation_assessment_id", "uuid")
    .addColumn("recommendation_rank", "smallint")
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("delivered_services_dates_check", sql`end_date >= start_date`)
    .execute();
  await db.schema
    .createIndex("delivered_services_company_idx")
    .on("delivered_services")
    .column("company_id")
    .execute();
  await db.schema
    .createIndex("delivered_services_start_idx")
    .on("delivered_services")
    .column("start_date")
    .execute();

  // The advisers' private notes (never shown to the company). Editable by the author for
  // 24 hours, append-only afterwards (app/lib/server/company-notes.server.ts).
  await db.schema
    .createTable("company_notes")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("company_id", "uuid", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("author_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("company_notes_company_idx")
    .on("company_notes")
    .columns(["company_id", "created_at"])
    .execute();

  // Search: the name folded (lower case, no diacritics) by the database itself, so every
  // writer is covered, and a trigram index for "contains" searches (pg_trgm ships with
  // PostgreSQL and with PGlite).
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`alter table companies add column search_name text generated always as
    (translate(lower(name), ${sql.lit(FOLD_FROM)}, ${sql.lit(FOLD_TO)})) stored`.execute(db);
  await sql`create index companies_search_name_trgm_idx on companies using gin (search_name gin_trgm_ops)`.execute(
    db,
  );
  // When a private link was first opened (the follow-up's state on the company page).
  await db.schema.alterTable("assessments").addColumn("opened_at", "timestamptz").execute();
  // The client list's default order (by folded name), cut to a page before any join.
  await sql`create index companies_search_name_idx on companies (search_name, id)`.execute(db);
  // A company's assessments, newest first (the list's latest and previous stage).
  await sql`create index assessments_company_submitted_idx
    on assessments (company_id, submitted_at desc)`.execute(db);
  await sql`create index companies_org_number_prefix_idx on companies (org_number text_pattern_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("companies_org_number_prefix_idx").execute();
  await db.schema.dropIndex("assessments_company_submitted_idx").execute();
  await db.schema.dropIndex("companies_search_name_idx").execute();
  await db.schema.alterTable("assessments").dropColumn("opened_at").execute();
  await db.schema.dropIndex("companies_search_name_trgm_idx").execute();
  await db.schema.alterTable("companies").dropColumn("search_name").execute();
  await db.schema.dropTable("company_notes").execute();
  await db.schema.dropTable("delivered_services").execute();
}
