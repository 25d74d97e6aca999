import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { TEMPLATE_ENV } from "../helpers/database-templates";
import { dropDatabase } from "../helpers/test-db";
import { startServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The Chromium binary, or "" when none is installed (browser tests then skip). */
    chromiumPath: string;
  }
}

/**
 * Builds the production app once (unless it is current), finds Debian's Chromium, and makes the run's demo-data
 * template: one server seeds the demo data once, and every server of a test that wants
 * them starts from a copy (tests/helpers/database-templates.ts). Runs after
 * tests/setup/database-templates.ts, whose migrated template it starts from.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The production build, whatever NODE_ENV the test runner has (vitest sets "test", which
  // would compile development JSX that a server in production mode cannot run), with its
  // precompressed assets; kept when no source changed since it was made (CI's second run).
  execFileSync("npx", ["tsx", "scripts/build.ts", "--if-stale"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  const candidate = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  const found = existsSync(candidate) ? candidate : "";
  if (!found) {
    if (process.env.E2E === "required") {
      throw new Error(`E2E=required but no Chromium at ${candidate} (apt-get install -y chromium)`);
    }
    console.warn(`\nNOTICE: no Chromium at ${candidate}: browser tests are skipped.\n`);
  }
  project.provide("chromiumPath", found);
  return makeDemoTemplate();
}

async function makeDemoTemplate(): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL;
  const kind = serverUrl ? "postgres" : "pglite";
  // Once per run, with no test's hook timeout to fit in: give the seeding all it needs.
  const seeder = await startServer(
    { SEED_DEMO_DATA: "always" },
    { keepDatabase: true, startTimeoutMs: 900_000 },
  );
  const code = await seeder.stop();
  if (code !== 0) throw new Error(`the demo-data server exited with ${code}:\n${seeder.output()}`);
  process.env[TEMPLATE_ENV[kind].demo] = seeder.database;
  return async () => {
    delete process.env[TEMPLATE_ENV[kind].demo];
    if (serverUrl) await dropDatabase(serverUrl, seeder.database);
    else rmSync(path.dirname(seeder.database), { recursive: true, force: true });
  };
}
