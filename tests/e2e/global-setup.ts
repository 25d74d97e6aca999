import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { TEMPLATE_ENV } from "../helpers/database-templates";
import { dropDatabase } from "../helpers/test-db";
import { READY_ENV, reportReadiness } from "./ready";
import { startServer, type RunningServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The Chromium binary, or "" when none is installed (browser tests then skip). */
    chromiumPath: string;
  }
}

type Teardown = () => Promise<void>;
interface Shared {
  users: number;
  teardown: Teardown;
}
const KEY = Symbol.for("mognad.test.e2eSetup");
const registry = globalThis as { [KEY]?: Shared };

/**
 * Global setup of the e2e projects (e2e and e2e-serial share one): builds the production
 * app (unless it is current), finds Debian's Chromium, and makes the run's demo-data
 * template: one server seeds the demo data once, and every server of a test that wants
 * them starts from a copy (tests/helpers/database-templates.ts). Runs after
 * tests/setup/database-templates.ts, whose migrated template it starts from.
 *
 * The build and the seeding run in the background (decision 025): vitest runs every
 * project's global setup before the first test file, so waiting here would keep the unit
 * and integration files from starting for a minute or more. The e2e files wait for them
 * instead (tests/setup/e2e-ready.ts, a setup file), which is when the unit and integration
 * files have run. The outcome is a file named in READY_ENV, which the workers inherit.
 */
export default async function setup(project: TestProject): Promise<Teardown> {
  const candidate = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  const found = existsSync(candidate) ? candidate : "";
  if (!found) {
    if (process.env.E2E === "required") {
      throw new Error(`E2E=required but no Chromium at ${candidate} (apt-get install -y chromium)`);
    }
    console.warn(`\nNOTICE: no Chromium at ${candidate}: browser tests are skipped.\n`);
  }
  project.provide("chromiumPath", found);

  const shared = (registry[KEY] ??= { users: 0, teardown: prepareInBackground() });
  shared.users++;
  return async () => {
    shared.users--;
    if (shared.users > 0) return;
    delete registry[KEY];
    await shared.teardown();
  };
}

/** Starts the build and then the seeding; returns the teardown, which waits for both. */
function prepareInBackground(): Teardown {
  const folder = mkdtempSync(path.join(tmpdir(), "mognad-e2e-setup-"));
  const readyFile = path.join(folder, "ready.json");
  process.env[READY_ENV] = readyFile;
  let seeder: (RunningServer & { database: string }) | undefined;
  let stopping = false;
  const work = (async () => {
    await build();
    if (stopping) return;
    // Once per run, with no test's hook timeout to fit in: give the seeding all it needs.
    seeder = await startServer(
      { SEED_DEMO_DATA: "always" },
      { keepDatabase: true, startTimeoutMs: 900_000 },
    );
    const code = await seeder.stop();
    if (code !== 0)
      throw new Error(`the demo-data server exited with ${code}:\n${seeder.output()}`);
    const kind = process.env.DATABASE_URL ? "postgres" : "pglite";
    reportReadiness(readyFile, { env: { [TEMPLATE_ENV[kind].demo]: seeder.database } });
  })().catch((error: unknown) => {
    reportReadiness(readyFile, {
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  });

  return async () => {
    // When no e2e file waited (all filtered out), a build not yet done is not followed by a seeding.
    stopping = true;
    await work;
    delete process.env[READY_ENV];
    if (seeder) {
      const serverUrl = process.env.DATABASE_URL;
      if (serverUrl) await dropDatabase(serverUrl, seeder.database);
      else rmSync(path.dirname(seeder.database), { recursive: true, force: true });
    }
    rmSync(folder, { recursive: true, force: true });
  };
}

/**
 * The production build, whatever NODE_ENV the test runner has (vitest sets "test", which
 * would compile development JSX that a server in production mode cannot run), with its
 * precompressed assets; kept when no source changed since it was made (CI's second run).
 * A child process, so that vitest's own process goes on scheduling test files meanwhile.
 */
function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/build.ts", "--if-stale"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`the build failed (${code ?? signal})`)),
    );
  });
}
