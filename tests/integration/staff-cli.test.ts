import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createScratchDatabase } from "../helpers/test-db";

/**
 * `npm run staff:*` as a person runs it: the CLI in its own process against a fresh
 * database (PostgreSQL when DATABASE_URL is set, else an embedded PGlite folder).
 */
const dir = mkdtempSync(path.join(tmpdir(), "mognad-cli-"));
let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  env = { ...process.env, PGLITE_DATA_DIR: path.join(dir, "pglite"), SEED_DEMO_DATA: "never" };
  if (process.env.DATABASE_URL) {
    scratch = await createScratchDatabase(process.env.DATABASE_URL, "mognad_cli");
    env.DATABASE_URL = scratch.url;
  }
});
afterAll(async () => {
  await scratch?.drop();
  rmSync(dir, { recursive: true, force: true });
});

function staff(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "app/cli/staff.ts", ...args], {
    env,
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("the staff CLI", () => {
  test("creates a hub lead with a one-time link, an adviser with a password, lists and disables", () => {
    const lead = staff([
      "create",
      "--email",
      "Boss@Example.se",
      "--name",
      "Britt Boss",
      "--role",
      "hub_lead",
      "--partner",
      "rise",
      "--base-url",
      "https://mognad.example",
    ]);
    expect(lead.err).toBe("");
    expect(lead.code).toBe(0);
    expect(lead.out).toContain("Created hub_lead boss@example.se");
    expect(lead.out).toMatch(/^https:\/\/mognad\.example\/hub\/set-password\/[A-Za-z0-9_-]{43}$/m);

    const adviser = staff(
      [
        "create",
        "--email",
        "ada@example.se",
        "--name",
        "Ada",
        "--role",
        "adviser",
        "--password-stdin",
      ],
      "a very long cli passphrase\n",
    );
    expect(adviser.code).toBe(0);
    expect(adviser.out).not.toContain("set-password");

    const list = staff(["list"]);
    expect(list.code).toBe(0);
    const lines = list.out.trim().split("\n");
    expect(lines[0]).toMatch(/^boss@example\.se\tBritt Boss\thub_lead\trise\tactive\t/);
    expect(lines[1]).toMatch(/^ada@example\.se\tAda\tadviser\t-\tactive\t/);

    expect(staff(["disable", "--email", "ADA@example.se"]).code).toBe(0);
    expect(staff(["list"]).out).toMatch(/^ada@example\.se\tAda\tadviser\t-\tdisabled\t/m);
  }, 180_000);

  test.each([
    [
      ["create", "--email", "boss@example.se", "--name", "X", "--role", "adviser"],
      "already exists",
    ],
    [["create", "--email", "x@example.se", "--name", "X", "--role", "admin"], "--role"],
    [
      [
        "create",
        "--email",
        "x@example.se",
        "--name",
        "X",
        "--role",
        "adviser",
        "--partner",
        "acme",
      ],
      "--partner",
    ],
    [["create", "--email", "nope", "--name", "X", "--role", "adviser"], "--email"],
    [
      ["create", "--email", "x@example.se", "--name", "X", "--role", "adviser", "--bogus"],
      "Unknown option",
    ],
    [["disable", "--email", "boss@example.se"], "last active hub lead"],
    [["disable", "--email", "ghost@example.se"], "no staff account"],
    [["frobnicate"], "usage:"],
  ])(
    "refuses %j with one clear line and exit code 1",
    (args, message) => {
      const result = staff(args);
      expect(result.code).toBe(1);
      expect(result.err).toContain(message);
      expect(result.err).not.toMatch(/\n\s+at /); // No stack trace.
    },
    60_000,
  );

  test("refuses a weak password from stdin", () => {
    const result = staff(
      [
        "create",
        "--email",
        "weak@example.se",
        "--name",
        "W",
        "--role",
        "adviser",
        "--password-stdin",
      ],
      "qwerty123456\n",
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain("most common");
    expect(staff(["list"]).out).not.toContain("weak@example.se");
  }, 60_000);
});
