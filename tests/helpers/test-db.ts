import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type DatabaseHandle } from "../../db/database";
import { migrateToLatest } from "../../db/migrate";

/**
 * A freshly migrated database of its own for one test file: in-memory PGlite by default;
 * with DATABASE_URL set, a new PostgreSQL database on that server, dropped on close, so a
 * run never touches anyone's data.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await createDb({});
    await migrateToLatest(handle.db);
    return handle;
  }
  const scratch = await createScratchDatabase(serverUrl, "mognad_test");
  const handle = await createDb({ databaseUrl: scratch.url, poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

/**
 * A new, empty database on the server of `serverUrl`, named `<prefix>_<random>`, with the
 * URL to reach it and a `drop()` that removes it (closing any connection left).
 */
export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
