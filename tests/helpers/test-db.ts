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
 * A new database on the server of `serverUrl`, named `<prefix>_<random>`, with the URL to
 * reach it and a `drop()` that removes it (closing any connection left). Empty, or a copy
 * of `template` (a database name, see database-templates.ts).
 */
export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  if (template) {
    await createFromTemplate(serverUrl, name, template);
  } else {
    await adminQuery(serverUrl, `create database ${name}`);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => dropDatabase(serverUrl, name),
  };
}

/** Drops the database `name` on the server of `serverUrl`, closing its connections. */
export function dropDatabase(serverUrl: string, name: string): Promise<void> {
  return adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
}

/**
 * `create database … template …`. PostgreSQL refuses while any session is connected to
 * the template (55006), which a server that has just exited may still briefly be: retry.
 */
async function createFromTemplate(serverUrl: string, name: string, template: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await adminQuery(serverUrl, `create database ${name} template ${template}`);
    } catch (error) {
      if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
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
