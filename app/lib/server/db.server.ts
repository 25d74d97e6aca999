import { sql } from "kysely";
import { createDb, type DatabaseHandle, type DatabaseKind } from "../../../db/database";
import { migrateToLatest } from "../../../db/migrate";
import { countCompanies } from "../../../db/queries/companies";
import { insertRecommendations } from "../../../db/queries/services";
import type { NewRecommendation } from "../../../db/schema";
import { insertDemoData } from "../../../db/seed";
import type { Answers } from "../core/answers";
import { contributionOf } from "../core/benchmark";
import { majorOf } from "../core/definitions";
import { MAIN_DEFINITION_ID } from "../core/next-assessments";
import { comparePeerGroups, rebuildPeerStatistics } from "./peers.server";
import { recommendationRows } from "./recommendations.server";
import { activeServices, syncServiceCatalogue } from "./services.server";
import { generateDemoData } from "./demo-data.server";
import { getDefinitionRegistry } from "./definitions.server";
import { env } from "./env.server";

let handle: DatabaseHandle | undefined;

/**
 * Opens the configured database, migrates it to the latest version and brings the
 * services table up to the catalogue file. Called once at start-up; throws
 * `DatabaseConfigError` when the database cannot be opened.
 */
export async function openDatabase(): Promise<DatabaseHandle> {
  if (handle) return handle;
  const config = env();
  const opened = await createDb({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.PGLITE_DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  try {
    await migrateToLatest(opened.db);
    await syncServiceCatalogue(opened.db);
  } catch (error) {
    await opened.close();
    throw error;
  }
  handle = opened;
  return handle;
}

/** The open database. Routes may rely on it: the server opens it before listening. */
export function database(): DatabaseHandle {
  if (!handle) throw new Error("The database is not open: call openDatabase() at start-up.");
  return handle;
}

/** Closes the database if it is open (on SIGTERM/SIGINT and after CLI commands). */
export async function closeDatabase(): Promise<void> {
  const closing = handle;
  handle = undefined;
  await closing?.close();
}

export interface DatabaseHealth {
  kind: DatabaseKind;
  status: "up" | "down";
}

/** Pings the database with a bounded wait, for `/healthz`. */
export async function checkDatabaseHealth(timeoutMs = 2_000): Promise<DatabaseHealth> {
  const kind: DatabaseKind = env().DATABASE_URL ? "postgres" : "pglite";
  if (!handle) return { kind, status: "down" };
  const ping = sql`select 1`.execute(handle.db).then(() => true);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  const up = await Promise.race([ping, timeout]).catch(() => false);
  return { kind, status: up ? "up" : "down" };
}

/**
 * Seeds demo data into an empty embedded database, so that `npm start` shows a living
 * app. A PostgreSQL server is seeded only with SEED_DEMO_DATA=always (or `npm run db:seed`).
 */
export async function seedIfEmpty(): Promise<number> {
  const { db, kind } = database();
  const mode = env().SEED_DEMO_DATA;
  if (mode === "never" || (mode === "auto" && kind !== "pglite")) return 0;
  if ((await countCompanies(db)) > 0) return 0;
  return seedDemoData();
}

/**
 * Inserts the demo data set (companies with T0 and some T1 assessments of the latest
 * dma-sme, scored by the engine); returns the number of companies inserted.
 */
export async function seedDemoData(): Promise<number> {
  const latest = getDefinitionRegistry().latest(MAIN_DEFINITION_ID);
  if (!latest) throw new Error(`no published version of ${MAIN_DEFINITION_ID}`);
  const data = generateDemoData({ dma: latest });
  const { db } = database();
  await insertDemoData(db, data);
  await rebuildPeerStatistics(db);
  // Each submitted demo assessment gets its recommendations as a real submission would,
  // ranked against today's peers (a real one is ranked against the peers of its day).
  const services = await activeServices(db);
  const companies = new Map(data.companies.map((c) => [c.id, c]));
  const scores = new Map<string, typeof data.scores>();
  for (const score of data.scores) {
    scores.set(score.assessment_id, [...(scores.get(score.assessment_id) ?? []), score]);
  }
  const rows: NewRecommendation[] = [];
  for (const assessment of data.assessments) {
    const company = companies.get(assessment.company_id);
    const own = scores.get(assessment.id) ?? [];
    if (!company || own.length === 0) continue;
    const dimensions = Object.fromEntries(own.map((s) => [s.dimension, s.score]));
    const peers = await comparePeerGroups(
      db,
      {
        companyId: company.id,
        definitionId: latest.id,
        definitionMajor: majorOf(latest.version),
        assessmentId: assessment.id,
      },
      contributionOf(company, { dimensions, overall: assessment.overall_score ?? 0 }),
    );
    rows.push(
      ...recommendationRows({
        assessmentId: assessment.id,
        definitionId: latest.id,
        definition: latest.definition,
        dimensions,
        answers: JSON.parse(assessment.answers ?? "{}") as Answers,
        services,
        peers,
      }),
    );
  }
  await insertRecommendations(db, rows);
  return data.companies.length;
}
