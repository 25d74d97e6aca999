import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * The service catalogue is edited in the app (docs/decisions/020-catalogue-in-the-database.md):
 *
 * - `services.revision`: counts the saves of a service; an edit names the revision it was
 *   made on and is refused when someone else saved in between.
 * - `services.updated_by`: who saved last (null for the seed or a removed account).
 * - `service_versions.priority` and `.rules`: a version is now the whole service as saved
 *   (its hash covers them too), so a rule edit is a new version as well. Versions written
 *   before this migration hold the text only and leave them null.
 *
 * - an index of the submitted assessments, newest first: the rule preview reads the last
 *   1,000 of them.
 *
 * Rows already synchronised from db/catalogue/services.json stay as they are.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("services")
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .alterTable("service_versions")
    .addColumn("priority", "integer")
    .addColumn("rules", "jsonb")
    .execute();
  await sql`create index assessments_submitted_at_idx on assessments (submitted_at desc)
    where status = 'submitted'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index assessments_submitted_at_idx`.execute(db);
  await db.schema
    .alterTable("service_versions")
    .dropColumn("priority")
    .dropColumn("rules")
    .execute();
  await db.schema.alterTable("services").dropColumn("revision").dropColumn("updated_by").execute();
}
