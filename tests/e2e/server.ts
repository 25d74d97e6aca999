import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  copyPgliteTemplate,
  templateFor,
  type TemplateContent,
} from "../helpers/database-templates";
import { createScratchDatabase } from "../helpers/test-db";

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<number | null>;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(),
      );
    });
  });
}

/**
 * What a server started with `env` would have in its database once started: the demo
 * data (SEED_DEMO_DATA=always, or "auto" on the embedded database) or nothing.
 */
export function contentAtStart(env: NodeJS.ProcessEnv): TemplateContent {
  const mode = env.SEED_DEMO_DATA || "auto";
  return mode === "always" || (mode === "auto" && !env.DATABASE_URL) ? "demo" : "empty";
}

/**
 * Starts the production build (build/index.js) on a free port with a fresh database:
 * a new PGlite folder, or, with DATABASE_URL set, a new PostgreSQL database dropped on stop.
 * The fresh database is a copy of the run's template with what the server would have
 * seeded (see database-templates.ts), when there is one; the server then finds it
 * migrated and seeded, as after a restart. With `sharedDatabaseUrl`, it uses that
 * PostgreSQL database instead (several processes on one database), and leaves it to the
 * caller. `keepDatabase` leaves the PGlite folder or PostgreSQL database in place on stop
 * (the e2e global setup makes the demo template so), at `database`.
 */
export async function startServer(
  extraEnv: Record<string, string> = {},
  options: { sharedDatabaseUrl?: string; keepDatabase?: boolean; startTimeoutMs?: number } = {},
): Promise<RunningServer & { database: string }> {
  const dataRoot = mkdtempSync(path.join(tmpdir(), "mognad-e2e-"));
  const serverUrl = process.env.DATABASE_URL;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(await freePort()),
    HOST: "127.0.0.1",
    PGLITE_DATA_DIR: path.join(dataRoot, "pglite"),
    ...extraEnv,
  };
  // A caller that chose its own database gets it as it is.
  const ownDatabase = "DATABASE_URL" in extraEnv || "PGLITE_DATA_DIR" in extraEnv;
  const content = contentAtStart({ ...env, DATABASE_URL: options.sharedDatabaseUrl ?? serverUrl });
  if (options.sharedDatabaseUrl) {
    env.DATABASE_URL = options.sharedDatabaseUrl;
  } else if (serverUrl && !ownDatabase) {
    const template = templateFor("postgres", content) ?? templateFor("postgres", "empty");
    scratch = await createScratchDatabase(serverUrl, "mognad_e2e", template);
    env.DATABASE_URL = scratch.url;
  } else if (!serverUrl && !ownDatabase) {
    // An empty migrated database is a fine start for a server that seeds: it seeds it.
    const template = templateFor("pglite", content) ?? templateFor("pglite", "empty");
    if (template) copyPgliteTemplate(template, String(env.PGLITE_DATA_DIR));
  }
  // The port was free when asked, but a server of another e2e file running beside this one
  // may take it first: then this one cannot listen (app/server.ts says so and exits), and
  // starts again on another port.
  let started = await spawnAndWait(env, options.startTimeoutMs);
  for (let attempt = 1; started.addressInUse && !("PORT" in extraEnv) && attempt < 5; attempt++) {
    env.PORT = String(await freePort());
    started = await spawnAndWait(env, options.startTimeoutMs);
  }
  if (started.addressInUse) throw new Error(`no free port:\n${started.output()}`);
  const { child, url, output, exited } = started;

  return {
    url,
    process: child,
    output,
    database: scratch ? new URL(scratch.url).pathname.slice(1) : String(env.PGLITE_DATA_DIR),
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      const code = await exited;
      if (!options.keepDatabase) {
        rmSync(dataRoot, { recursive: true, force: true });
        await scratch?.drop();
      }
      return code;
    },
  };
}

/**
 * Spawns the production build with `env` and waits until it answers /healthz, or until it
 * exits because its port was taken (`addressInUse`); throws when it exits otherwise.
 */
async function spawnAndWait(env: NodeJS.ProcessEnv, startTimeoutMs = 170_000) {
  const child = spawn(process.execPath, ["build/index.js"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const output = () => log;
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${env.PORT}`;

  // Demo seeding on a loaded 2-core machine has taken over a minute; the e2e hook timeout is 180 s.
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await exited;
      if (log.includes("PORT: the port is already in use"))
        return { addressInUse: true as const, output };
      throw new Error(`server exited early (${child.exitCode ?? child.signalCode}):\n${log}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { addressInUse: false as const, child, url, output, exited };
}

/** Runs the production build with an environment and returns its exit code and output. */
export async function runServerExpectingExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["build/index.js"], {
    env: { ...process.env, HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  return { code, output };
}
