import type { Kysely, Transaction } from "kysely";
import type { Database, NewRecommendation, NewService, Recommendation, Service } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Makes the services table match the catalogue: inserts new services, updates changed
 * ones and marks services no longer listed inactive (they stay, for past recommendations).
 */
export async function syncServices(db: Kysely<Database>, services: NewService[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (services.length > 0) {
      await trx
        .insertInto("services")
        .values(services)
        .onConflict((oc) =>
          oc.column("id").doUpdateSet((eb) => ({
            category: eb.ref("excluded.category"),
            name_sv: eb.ref("excluded.name_sv"),
            name_en: eb.ref("excluded.name_en"),
            description_sv: eb.ref("excluded.description_sv"),
            description_en: eb.ref("excluded.description_en"),
            contact_email: eb.ref("excluded.contact_email"),
            contact_url: eb.ref("excluded.contact_url"),
            priority: eb.ref("excluded.priority"),
            rules: eb.ref("excluded.rules"),
            active: true,
            updated_at: eb.fn("now"),
          })),
        )
        .execute();
    }
    let retire = trx.updateTable("services").set({ active: false }).where("active", "=", true);
    if (services.length > 0) {
      retire = retire.where(
        "id",
        "not in",
        services.map((s) => s.id),
      );
    }
    await retire.execute();
  });
}

/** The active services, in a stable order. */
export async function listActiveServices(db: Executor): Promise<Service[]> {
  return db.selectFrom("services").selectAll().where("active", "=", true).orderBy("id").execute();
}

// PostgreSQL allows 32,767 bind parameters per statement; a row here has 14.
const BATCH_ROWS = 1_000;

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

/** An assessment's stored recommendations, by rank. */
export async function listRecommendations(
  db: Executor,
  assessmentId: string,
): Promise<Recommendation[]> {
  return db
    .selectFrom("recommendations")
    .selectAll()
    .where("assessment_id", "=", assessmentId)
    .orderBy("rank")
    .execute();
}
