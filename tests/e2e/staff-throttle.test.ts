import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { templateFor } from "../helpers/database-templates";
import { createScratchDatabase } from "../helpers/test-db";
import { startServer, type RunningServer } from "./server";

/**
 * The sign-in limits are kept in the database, so they hold across server processes:
 * two production servers on one PostgreSQL database share one account's 5 failures.
 * (The embedded PGlite is one process by design; this runs with DATABASE_URL.)
 */
describe.skipIf(!process.env.DATABASE_URL)("sign-in throttling across two app processes", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let a: RunningServer;
  let b: RunningServer;
  const PASSWORD = "two servers one limit";

  /** An adviser account made with the CLI, as on a real server. */
  function createAccount(email: string): void {
    const created = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "app/cli/staff.ts",
        "create",
        "--email",
        email,
        "--name",
        email,
        "--role",
        "adviser",
        "--password-stdin",
      ],
      { env: { ...process.env, DATABASE_URL: scratch.url }, input: PASSWORD, encoding: "utf8" },
    );
    expect(created.stderr).toBe("");
  }

  /** One sign-in form post as a browser sends it; returns the status. */
  async function signIn(server: RunningServer, email: string, password: string): Promise<number> {
    const response = await fetch(`${server.url}/hub/login`, {
      method: "POST",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password }),
      redirect: "manual",
    });
    await response.arrayBuffer();
    return response.status;
  }

  beforeAll(async () => {
    scratch = await createScratchDatabase(
      process.env.DATABASE_URL!,
      "mognad_throttle",
      templateFor("postgres", "empty"),
    );
    createAccount("tova@example.se");
    createAccount("ulf@example.se");
    const env = { SEED_DEMO_DATA: "never" };
    a = await startServer(env, { sharedDatabaseUrl: scratch.url });
    b = await startServer(env, { sharedDatabaseUrl: scratch.url });
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await scratch?.drop();
  });

  test("3 failures on one server and 2 on the other lock the account on both", async () => {
    expect(a.process.pid).not.toBe(b.process.pid);
    for (let i = 0; i < 3; i++) expect(await signIn(a, "tova@example.se", `wrong ${i}`)).toBe(401);
    for (let i = 0; i < 2; i++) expect(await signIn(b, "tova@example.se", `wrong ${i}`)).toBe(401);
    expect(await signIn(a, "tova@example.se", PASSWORD)).toBe(429);
    expect(await signIn(b, "tova@example.se", PASSWORD)).toBe(429);
  });

  test("attempts in flight on both servers at once cannot exceed the limit", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signIn(i % 2 === 0 ? a : b, "ulf@example.se", `wrong ${i}`),
      ),
    );
    // At most 5 were checked (401); every other one was refused before checking (429).
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });
});
