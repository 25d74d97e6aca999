import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "../../db/database";
import { migrateToLatest } from "../../db/migrate";
import { TEMPLATE_ENV } from "../helpers/database-templates";
import { createScratchDatabase } from "../helpers/test-db";

type Teardown = () => Promise<void>;
interface Shared {
  users: number;
  ready: Promise<Teardown>;
}
const KEY = Symbol.for("mognad.test.databaseTemplate");
const registry = globalThis as { [KEY]?: Shared };

/**
 * Global setup of the integration and e2e projects: one migrated, empty database per
 * run (PGlite folder, or PostgreSQL database with DATABASE_URL), named in the environment
 * for test files and servers to copy (see tests/helpers/database-templates.ts). Both
 * projects' setups run in the one vitest process and share it; the last teardown removes it.
 */
export default async function setup(): Promise<Teardown> {
  const shared = (registry[KEY] ??= { users: 0, ready: createTemplate() });
  shared.users++;
  await shared.ready;
  return async () => {
    shared.users--;
    if (shared.users > 0) return;
    delete registry[KEY];
    await (
      await shared.ready
    )();
  };
}

async function createTemplate(): Promise<Teardown> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, "mognad_template");
    const handle = await createDb({ databaseUrl: scratch.url, poolSize: 1 });
    await migrateToLatest(handle.db).finally(() => handle.close());
    const name = new URL(scratch.url).pathname.slice(1);
    process.env[TEMPLATE_ENV.postgres.empty] = name;
    return async () => {
      delete process.env[TEMPLATE_ENV.postgres.empty];
      await scratch.drop();
    };
  }
  const root = mkdtempSync(path.join(tmpdir(), "mognad-template-"));
  const dataDir = path.join(root, "pglite");
  const handle = await createDb({ dataDir });
  await migrateToLatest(handle.db).finally(() => handle.close());
  process.env[TEMPLATE_ENV.pglite.empty] = dataDir;
  return async () => {
    delete process.env[TEMPLATE_ENV.pglite.empty];
    rmSync(root, { recursive: true, force: true });
  };
}
