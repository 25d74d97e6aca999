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
  const name = `mognad_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.toString(), poolSize: 4 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
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
