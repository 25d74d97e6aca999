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
            revision: sql`services.revision + 1`,
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

/** Every service, active or not, with its current version and when it was last saved. */
export async function listCatalogueRows(db: Executor, id?: string) {
  let query = db
    .selectFrom("services")
    .innerJoin("service_versions", "service_versions.id", "services.version_id")
    .leftJoin("users", "users.id", "services.updated_by")
    .selectAll("service_versions")
    .select([
      "services.version_id",
      "services.priority",
      "services.rules",
      "services.active",
      "services.revision",
      "services.updated_at",
      "users.name as updated_by_name",
    ])
    .orderBy("services.active", "desc")
    .orderBy("service_versions.category")
    .orderBy("services.id");
  if (id !== undefined) query = query.where("services.id", "=", id);
  return query.execute();
}

/** How many services the table holds, active or not. */
export async function countServices(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("services")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The id of the version with this content, written now when it is new. */
export async function serviceVersionId(db: Executor, content: NewServiceVersion): Promise<number> {
  await db
    .insertInto("service_versions")
    .values(content)
    .onConflict((oc) => oc.column("content_hash").doNothing())
    .execute();
  const version = await db
    .selectFrom("service_versions")
    .select("id")
    .where("content_hash", "=", content.content_hash)
    .executeTakeFirstOrThrow();
  return version.id;
}

/** Adds a service; false when the id is taken. */
export async function insertService(
  db: Executor,
  row: {
    id: string;
    versionId: number;
    priority: number;
    rules: string;
    active: boolean;
    by: string | null;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto("services")
    .values({
      id: row.id,
      version_id: row.versionId,
      priority: row.priority,
      rules: row.rules,
      active: row.active,
      updated_by: row.by,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Points a service at a version (and sets its priority, rules and whether it is active)
 * when its revision is still `revision`; the revision goes up by one. False when someone
 * else saved in between (or the service is gone).
 */
export async function updateService(
  db: Executor,
  row: {
    id: string;
    revision: number;
    versionId: number;
    priority: number;
    rules: string;
    active: boolean;
    by: string | null;
  },
): Promise<boolean> {
  const updated = await db
    .updateTable("services")
    .set({
      version_id: row.versionId,
      priority: row.priority,
      rules: row.rules,
      active: row.active,
      updated_by: row.by,
      updated_at: sql`now()`,
      revision: sql`revision + 1`,
    })
    .where("id", "=", row.id)
    .where("revision", "=", row.revision)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** The newest submitted assessments (the rule preview's sample), with their scores. */
export async function latestSubmitted(db: Executor, limit: number) {
  const assessments = await db
    .selectFrom("assessments")
    .select(["id", "definition_id", "definition_version", "answers"])
    .where("status", "=", "submitted")
    .orderBy("submitted_at", "desc")
    .limit(limit)
    .execute();
  const scores =
    assessments.length === 0
      ? []
      : await db
          .selectFrom("assessment_scores")
          .select(["assessment_id", "dimension", "score"])
          .where(
            "assessment_id",
            "in",
            assessments.map((a) => a.id),
          )
          .execute();
  return { assessments, scores };
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
