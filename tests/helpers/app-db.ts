import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeDatabase, openDatabase } from "../../app/lib/server/db.server";
import { copyPgliteTemplate, templateFor } from "./database-templates";
import { createScratchDatabase } from "./test-db";

/**
 * Opens the app's own database singleton (what services use) on a fresh database for
 * one test file: a new PGlite folder, or a new PostgreSQL database when DATABASE_URL is
 * set; a copy of the run's migrated template when there is one. `close()` closes it, drops
 * it and restores the environment.
 */
export async function openAppTestDatabase(): Promise<{ close: () => Promise<void> }> {
  const saved = { ...process.env };
  const serverUrl = process.env.DATABASE_URL;
  const scratch = serverUrl
    ? await createScratchDatabase(serverUrl, "mognad_app", templateFor("postgres", "empty"))
    : undefined;
  const dir = mkdtempSync(path.join(tmpdir(), "mognad-app-"));
  if (scratch) process.env.DATABASE_URL = scratch.url;
  process.env.PGLITE_DATA_DIR = path.join(dir, "pglite");
  const pgliteTemplate = templateFor("pglite", "empty");
  if (!scratch && pgliteTemplate) copyPgliteTemplate(pgliteTemplate, process.env.PGLITE_DATA_DIR);
  process.env.SEED_DEMO_DATA = "never";
  await openDatabase();
  return {
    close: async () => {
      await closeDatabase();
      await scratch?.drop();
      rmSync(dir, { recursive: true, force: true });
      process.env = saved;
    },
  };
}
