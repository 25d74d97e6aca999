import { sql } from "kysely";
import { createDb, type DatabaseHandle, type DatabaseKind } from "../../../db/database";
import { migrateToLatest } from "../../../db/migrate";
import { checkStoredCatalogue, seedCatalogueIfEmpty } from "./services.server";
import { env } from "./env.server";
import { recordPoolWait } from "./load-metrics.server";

let handle: DatabaseHandle | undefined;

/**
 * Opens the configured database, migrates it to the latest version, seeds an empty service
 * catalogue from the seed file and checks the catalogue's rules against the published
 * definitions. Called once at start-up; throws `DatabaseConfigError` when the database
 * cannot be opened, `CatalogueError` when a rule names what the definitions lack.
 */
export async function openDatabase(): Promise<DatabaseHandle> {
  if (handle) return handle;
  const config = env();
  const opened = await createDb({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.PGLITE_DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    onPoolWait: recordPoolWait,
  });
  try {
    await migrateToLatest(opened.db);
    await seedCatalogueIfEmpty(opened.db);
    await checkStoredCatalogue(opened.db);
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
