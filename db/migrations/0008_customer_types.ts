import { sql, type Kysely } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Public sector organisations beside companies. An organisation is an SME (sector of
 * activity from the EU DMA's list, any size class) or a PSO (type of organisation and
 * government areas, no micro size class). The scores carry the same profile columns,
 * so that peer groups and aggregates stay plain SQL and never mix the two populations.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("companies")
    .addColumn("customer_type", "text", (c) =>
      c
        .notNull()
        .defaultTo("sme")
        .check(sql`customer_type in ('sme', 'pso')`),
    )
    .addColumn("organisation_type", "text", (c) =>
      c.check(sql`organisation_type in ('national', 'regional', 'municipal', 'other')`),
    )
    .addColumn("primary_area", "text")
    .addColumn("secondary_area", "text")
    .execute();
  await db.schema
    .alterTable("companies")
    .alterColumn("primary_sector", (c) => c.dropNotNull())
    .execute();
  // Each customer type has exactly its own profile fields.
  await db.schema
    .alterTable("companies")
    .addCheckConstraint(
      "companies_customer_profile_check",
      sql`(customer_type = 'sme' and primary_sector is not null
            and organisation_type is null and primary_area is null and secondary_area is null)
        or (customer_type = 'pso' and organisation_type is not null and primary_area is not null
            and primary_sector is null and secondary_sector is null and size_class <> 'micro')`,
    )
    .execute();
  await db.schema
    .createIndex("companies_customer_type_idx")
    .on("companies")
    .columns(["customer_type", "created_at"])
    .execute();

  await db.schema
    .alterTable("assessment_scores")
    .addColumn("customer_type", "text", (c) =>
      c
        .notNull()
        .defaultTo("sme")
        .check(sql`customer_type in ('sme', 'pso')`),
    )
    .addColumn("organisation_type", "text")
    .addColumn("primary_area", "text")
    .execute();
  await db.schema
    .alterTable("assessment_scores")
    .alterColumn("primary_sector", (c) => c.dropNotNull())
    .execute();

  // The PSO peer groups: by type of organisation and by (primary) government area.
  await sql`alter table peer_histograms drop constraint peer_histograms_group_kind_check`.execute(
    db,
  );
  await db.schema
    .alterTable("peer_histograms")
    .addCheckConstraint(
      "peer_histograms_group_kind_check",
      sql`group_kind in ('sector', 'organisation_type', 'government_area', 'size_class', 'region', 'all')`,
    )
    .execute();
}

/** Back to companies only: the public sector organisations and their assessments go. */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from companies where customer_type = 'pso'`.execute(db);
  for (const table of ["peer_histograms", "peer_scores"]) {
    await sql`delete from ${sql.table(table)} where group_kind in ('organisation_type', 'government_area')`.execute(
      db,
    );
  }
  await sql`alter table peer_histograms drop constraint peer_histograms_group_kind_check`.execute(
    db,
  );
  await db.schema
    .alterTable("peer_histograms")
    .addCheckConstraint(
      "peer_histograms_group_kind_check",
      sql`group_kind in ('sector', 'size_class', 'region', 'all')`,
    )
    .execute();
  await db.schema
    .alterTable("assessment_scores")
    .dropColumn("customer_type")
    .dropColumn("organisation_type")
    .dropColumn("primary_area")
    .alterColumn("primary_sector", (c) => c.setNotNull())
    .execute();
  await db.schema.dropIndex("companies_customer_type_idx").execute();
  await db.schema
    .alterTable("companies")
    .dropConstraint("companies_customer_profile_check")
    .execute();
  await db.schema
    .alterTable("companies")
    .dropColumn("customer_type")
    .dropColumn("organisation_type")
    .dropColumn("primary_area")
    .dropColumn("secondary_area")
    .alterColumn("primary_sector", (c) => c.setNotNull())
    .execute();
}
