import { describe, expect, test } from "vitest";
import { closeDatabase } from "../../app/lib/server/db.server";
import { loader } from "../../app/routes/healthz";

describe("GET /healthz", () => {
  test("answers 503 with the database kind while the database is not available", async () => {
    await closeDatabase();
    const response = await loader();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "unavailable",
      database: { kind: process.env.DATABASE_URL ? "postgres" : "pglite", status: "down" },
    });
  });

  // The 200 answer, on both databases, is covered end to end in tests/e2e/server-process.test.ts.
});
