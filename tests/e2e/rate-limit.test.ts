import { describe, expect, test } from "vitest";
import { smeProfile } from "../helpers/profiles";
import { rawRequest } from "./raw-http";
import { startServer } from "./server";

const createBody = JSON.stringify({ profile: smeProfile, language: "sv" });

function create(url: string, headers: Record<string, string> = {}) {
  return rawRequest(url, "POST", "/api/v1/assessments", {
    headers: { "Content-Type": "application/json", ...headers },
    body: createBody,
  });
}

describe("the limit on new assessments, served", () => {
  test("RATE_LIMIT_ASSESSMENTS_PER_HOUR sets it, TRUST_PROXY keys it on the forwarded address, and /start's page sends Retry-After", async () => {
    const server = await startServer({
      SEED_DEMO_DATA: "never",
      RATE_LIMIT_ASSESSMENTS_PER_HOUR: "3",
      TRUST_PROXY: "1",
    });
    try {
      const office = { "X-Forwarded-For": "198.51.100.7" };
      for (let i = 0; i < 3; i++) expect((await create(server.url, office)).status).toBe(201);
      const refused = await create(server.url, office);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      // Behind the proxy, another client is another address.
      expect((await create(server.url, { "X-Forwarded-For": "198.51.100.8" })).status).toBe(201);

      // The start form without JavaScript: the page itself is the 429, with Retry-After.
      const page = await rawRequest(server.url, "POST", "/start", {
        headers: { ...office, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ customerType: "sme", ...smeProfile }).toString(),
      });
      expect(page.status).toBe(429);
      expect(Number(page.headers["retry-after"])).toBeGreaterThan(0);
      expect(page.body).toContain("error-summary");
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  test("without TRUST_PROXY a forged X-Forwarded-For does not buy new tokens", async () => {
    const server = await startServer({
      SEED_DEMO_DATA: "never",
      RATE_LIMIT_ASSESSMENTS_PER_HOUR: "2",
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await create(server.url, { "X-Forwarded-For": `203.0.113.${i}` })).status);
      }
      expect(statuses).toEqual([201, 201, 429, 429]);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  test.skipIf(!process.env.DATABASE_URL)(
    "on PostgreSQL with WEB_CONCURRENCY=2 the two workers share one limit",
    async () => {
      const server = await startServer({
        SEED_DEMO_DATA: "never",
        WEB_CONCURRENCY: "2",
        RATE_LIMIT_ASSESSMENTS_PER_HOUR: "5",
      });
      try {
        await expect
          .poll(() => server.output().match(/Mognad listening/g)?.length, { timeout: 20_000 })
          .toBe(2);
        // New connections each time, so both workers take turns answering.
        const statuses = await Promise.all(
          Array.from({ length: 16 }, () => create(server.url).then((r) => r.status)),
        );
        expect(statuses.filter((s) => s === 201)).toHaveLength(5);
        expect(statuses.filter((s) => s === 429)).toHaveLength(11);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    },
  );
});
