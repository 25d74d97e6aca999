import { sql, type Kysely } from "kysely";
import type { Executor } from "../database";
import type { Database, NewRecommendation, NewServiceVersion, ServiceVersion } from "../schema";

/** A catalogue entry to store: its content (versioned) and what the engine needs. */
export interface ServiceRow {
  content: NewServiceVersion;
  priority: number;
  rules: string;
}

/**
 * Makes the services table match the catalogue: a new content version for each service
 * whose content changed (old versions stay, for past recommendations), the current version,
 * priority and rules of each, and services no longer listed marked inactive.
 */
export async function syncServices(db: Kysely<Database>, services: ServiceRow[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const service of services) {
      await trx
        .insertInto("service_versions")
        .values(service.content)
        .onConflict((oc) => oc.column("content_hash").doNothing())
        .execute();
      const version = await trx
        .selectFrom("service_versions")
        .select("id")
        .where("content_hash", "=", service.content.content_hash)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("services")
        .values({
          id: service.content.service_id,
          version_id: version.id,
          priority: service.priority,
          rules: service.rules,
        })
        .onConflict((oc) =>
          oc.column("id").doUpdateSet({
            version_id: version.id,
            priority: service.priority,
            rules: service.rules,
            active: true,
            updated_at: sql`now()`,
          }),
        )
        .execute();
    }
    let retire = trx.updateTable("services").set({ active: false }).where("active", "=", true);
    if (services.length > 0) {
      retire = retire.where(
        "id",
        "not in",
        services.map((s) => s.content.service_id),
      );
    }
    await retire.execute();
  });
}

/** The active services with their current content, in a stable order. */
export async function listActiveServices(
  db: Executor,
): Promise<(ServiceVersion & { version_id: number; priority: number; rules: unknown[] })[]> {
  return db
    .selectFrom("services")
    .innerJoin("service_versions", "service_versions.id", "services.version_id")
    .selectAll("service_versions")
    .select(["services.version_id", "services.priority", "services.rules"])
    .where("services.active", "=", true)
    .orderBy("services.id")
    .execute();
}

// PostgreSQL allows 32,767 bind parameters per statement; a row here has 5.
const BATCH_ROWS = 5_000;

/** Stores recommendations (an assessment's inside its submission's transaction). */
export async function insertRecommendations(
  db: Executor,
  rows: NewRecommendation[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    await db
      .insertInto("recommendations")
      .values(rows.slice(i, i + BATCH_ROWS))
      .execute();
  }
}

/** An assessment's stored recommendations by rank, with the service version they name. */
export async function listRecommendations(db: Executor, assessmentId: string) {
  return db
    .selectFrom("recommendations")
    .innerJoin("service_versions", "service_versions.id", "recommendations.service_version_id")
    .select([
      "recommendations.rank",
      "recommendations.trigger",
      "service_versions.service_id",
      "service_versions.category",
      "service_versions.name_sv",
      "service_versions.name_en",
      "service_versions.description_sv",
      "service_versions.description_en",
      "service_versions.contact_email",
      "service_versions.contact_url",
    ])
    .where("recommendations.assessment_id", "=", assessmentId)
    .orderBy("recommendations.rank")
    .execute();
}
