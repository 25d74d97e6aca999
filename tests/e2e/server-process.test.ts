import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { freePort, runServerExpectingExit, startServer } from "./server";

describe("the production server process", () => {
  test("serves /healthz with the database kind and the security headers", async () => {
    const server = await startServer();
    try {
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        status: "ok",
        database: { kind: process.env.DATABASE_URL ? "postgres" : "pglite", status: "up" },
      });
      const page = await fetch(server.url);
      const csp = page.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(page.headers.get("x-content-type-options")).toBe("nosniff");
      expect(page.headers.get("referrer-policy")).toBeTruthy();
      // The log names the address it is bound to (HOST=127.0.0.1), not "localhost".
      expect(server.output()).toContain(`Mognad listening on ${server.url} (database:`);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  test.skipIf(!process.env.DATABASE_URL)(
    "on PostgreSQL, WEB_CONCURRENCY=2 serves from two workers and stops them on SIGTERM",
    async () => {
      const server = await startServer({ WEB_CONCURRENCY: "2" });
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
      await expect
        .poll(() => server.output().match(/Mognad listening/g)?.length, { timeout: 15_000 })
        .toBe(2);
      expect(await server.stop()).toBe(0);
    },
  );

  test("SIGTERM closes the database and exits; the next start on the same data is clean", async () => {
    const first = await startServer();
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain("SIGTERM received");
  });

  test.each([
    ["a malformed PORT", { PORT: "abc" }, /^Mognad cannot start: PORT: /],
    [
      "a malformed DATABASE_URL",
      { DATABASE_URL: "nonsense" },
      /^Mognad cannot start: DATABASE_URL: /,
    ],
    [
      "an unreachable DATABASE_URL",
      { DATABASE_URL: "postgres://postgres@127.0.0.1:1/none" },
      /^Mognad cannot start: DATABASE_URL: cannot connect/,
    ],
    [
      "an unwritable data folder",
      { DATABASE_URL: "", PGLITE_DATA_DIR: "/dev/null/pglite" },
      /^Mognad cannot start: PGLITE_DATA_DIR: /,
    ],
  ])("exits non-zero with one line on %s", async (_label, env, line) => {
    const { code, output } = await runServerExpectingExit({
      PORT: String(await freePort()),
      ...env,
    });
    expect(code).not.toBe(0);
    const lines = output.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });

  test("refuses to start when a published definition has changed, naming the file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mognad-defs-"));
    try {
      cpSync("survey-definitions", dir, { recursive: true });
      const file = path.join(dir, "dma-sme", "1.0.0.json");
      writeFileSync(file, readFileSync(file, "utf8").replace("Digital", "Digitial"));
      const { code, output } = await runServerExpectingExit({
        PORT: String(await freePort()),
        DEFINITIONS_DIR: dir,
      });
      expect(code).not.toBe(0);
      expect(output.trim().split("\n")).toEqual([
        expect.stringMatching(/^Mognad cannot start: .*dma-sme\/1\.0\.0\.json: .*lock/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("refuses to start when a service rule names a missing item, naming the service and rule", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mognad-services-"));
    try {
      const catalogue = JSON.parse(readFileSync("db/catalogue/services.json", "utf8")) as {
        services: { id: string; rules: Record<string, unknown>[] }[];
      };
      const service = catalogue.services[0];
      service.rules.push({ definition: "dma-sme", question: "q8", item: 99, selected: false });
      const file = path.join(dir, "services.json");
      writeFileSync(file, JSON.stringify(catalogue));
      const { code, output } = await runServerExpectingExit({
        PORT: String(await freePort()),
        SERVICES_FILE: file,
      });
      expect(code).not.toBe(0);
      const rule = service.rules.length;
      expect(output.trim().split("\n")).toEqual([
        `Mognad cannot start: ${file}: services[0].rules[${rule - 1}]: service ${service.id}, rule ${rule}: dma-sme@1.0.0, 1.1.0 question q8 has no item 99`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
