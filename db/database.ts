import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import type { Database } from "./schema";

export type DatabaseKind = "postgres" | "pglite";

/** What repository functions take first: the database or a transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Closes the pool or the embedded database (PGlite must be closed to skip crash recovery). */
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** A postgres:// URL; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data folder; when absent PGlite runs in memory (tests). */
  dataDir?: string;
  /** Maximum connections of the pg pool. */
  poolSize?: number;
  /** Told how long each pg pool checkout waited, in milliseconds (load metrics). */
  onPoolWait?: (ms: number) => void;
}

/** A start-up failure that names the setting at fault, for a one-line message. */
export class DatabaseConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "DatabaseConfigError";
  }
}

// pg reads a `date` as local midnight; read it as UTC midnight, as PGlite does, so both
// databases return the same Date. (int8 and numeric stay strings: cast counts to int in SQL.)
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => new Date(`${value}T00:00:00Z`));

/**
 * Opens the database: PostgreSQL through `pg` when `databaseUrl` is set, otherwise the
 * embedded PGlite (persisted in `dataDir`, or in memory). Verifies the connection, so a
 * wrong URL or an unwritable folder fails here with a `DatabaseConfigError`.
 */
export async function createDb(options: CreateDbOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.onPoolWait);
  }
  return openPglite(options.dataDir);
}

async function openPostgres(
  databaseUrl: string,
  poolSize: number,
  onPoolWait?: (ms: number) => void,
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    // Keep connections open once made: pg closes idle ones after 10 s by default, and each
    // new one (a PostgreSQL backend forked and authenticated) stalls the request waiting
    // for it by tens of milliseconds — periodic spikes in autosave's p99 whenever a lull
    // let the pool shrink. Five minutes still hands them back when the server is quiet.
    idleTimeoutMillis: 300_000,
    connectionTimeoutMillis: 5_000,
  });
  if (onPoolWait) {
    // Kysely checks out a client per query or transaction with pool.connect().
    const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
    pool.connect = (async () => {
      const asked = performance.now();
      const client = await connect();
      onPoolWait(performance.now() - asked);
      return client;
    }) as typeof pool.connect;
  }
  // An idle client that loses its server must not crash the process.
  pool.on("error", () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new DatabaseConfigError(
      "DATABASE_URL",
      `cannot connect to ${describeUrl(databaseUrl)} (${errorText(error)})`,
    );
  }
  return { db, kind: "postgres", close: () => db.destroy() };
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  let client: PGlite;
  try {
    if (dataDir) {
      // PGlite creates its own folder but not the parents.
      await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
    }
    // pg_trgm: the trigram index of the client list's search (migration 0011).
    client = await PGlite.create(dataDir ? path.resolve(dataDir) : undefined, {
      extensions: { pg_trgm },
    });
  } catch (error) {
    throw new DatabaseConfigError(
      "PGLITE_DATA_DIR",
      `cannot open the embedded database in ${dataDir ?? "memory"} (${errorText(error)})`,
    );
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}

function describeUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  } catch {
    return "the configured server";
  }
}

function errorText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorText(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const message = error.message || String(code ?? "unknown error");
    return typeof code === "string" && !message.includes(code) ? `${code}: ${message}` : message;
  }
  return String(error);
}
