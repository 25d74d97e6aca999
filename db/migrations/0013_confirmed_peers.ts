import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The peer population is the organisations the hub has confirmed as genuine customers,
 * once per organisation number (docs/decisions/015-confirmed-peer-population.md).
 *
 * - `companies.peer_confirmed_at/by`: who confirmed the organisation, and when.
 * - `companies.peer_key`: what makes two rows one organisation in the benchmarks: its
 *   country and organisation number (letters and digits only, upper case), or its own id
 *   when it gave none.
 * - `peer_members` is keyed by that key instead of the company row.
 *
 * Nobody is confirmed yet, so no organisation counts: the benchmark tables are emptied
 * (a rebuild from the submitted assessments gives the same) until the hub confirms its
 * customers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("companies")
    .addColumn("peer_confirmed_at", "timestamptz")
    .addColumn("peer_confirmed_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await sql`
    alter table companies add column peer_key text not null generated always as (
      case
        when coalesce(regexp_replace(org_number, '[^A-Za-z0-9]', '', 'g'), '') = ''
          then 'id:' || id::text
        else 'org:' || country || ':' || upper(regexp_replace(org_number, '[^A-Za-z0-9]', '', 'g'))
      end
    ) stored
  `.execute(db);
  await db.schema
    .createIndex("companies_peer_key_idx")
    .on("companies")
    .column("peer_key")
    .execute();

  await sql`delete from peer_scores`.execute(db);
  await sql`delete from peer_histograms`.execute(db);
  await db.schema.dropTable("peer_members").execute();
  // The one submitted assessment that counts for an organisation (peer key) in a
  // questionnaire's benchmarks, and the company row it belongs to.
  await db.schema
    .createTable("peer_members")
    .addColumn("member_key", "text", (c) => c.notNull())
    .addColumn("definition_id", "text", (c) => c.notNull())
    .addColumn("definition_major", "integer", (c) => c.notNull())
    .addColumn("company_id", "uuid", (c) =>
      c.notNull().references("companies.id").onDelete("cascade"),
    )
    .addColumn("assessment_id", "uuid", (c) =>
      c.notNull().references("assessments.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("peer_members_pkey", [
      "member_key",
      "definition_id",
      "definition_major",
    ])
    .execute();
}

/** Back to members per company row; the benchmark tables are left empty (rebuild them). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("peer_members").execute();
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
  await sql`delete from peer_scores`.execute(db);
  await sql`delete from peer_histograms`.execute(db);
  await db.schema.dropIndex("companies_peer_key_idx").execute();
  await db.schema
    .alterTable("companies")
    .dropColumn("peer_key")
    .dropColumn("peer_confirmed_by")
    .dropColumn("peer_confirmed_at")
    .execute();
}
