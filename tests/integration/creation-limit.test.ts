import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RateLimited, withCreationToken } from "../../app/lib/server/creation-limit.server";
import { database } from "../../app/lib/server/db.server";
import { action as startAction } from "../../app/routes/start";
import { openAppTestDatabase } from "../helpers/app-db";
import { createViaApi } from "../helpers/api-routes";
import { smeProfile } from "../helpers/profiles";
import { routeArgs } from "../helpers/route-args";

// The default limit (RATE_LIMIT_ASSESSMENTS_PER_HOUR): a bucket of 30, one more every 2 min.
const LIMIT = 30;

let app: { close: () => Promise<void> };
beforeAll(async () => {
  app = await openAppTestDatabase();
});
afterAll(async () => {
  await app.close();
});

async function companies(): Promise<number> {
  const { n } = await database()
    .db.selectFrom("companies")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Moves an address's bucket `seconds` into the past, as if that much time had gone by. */
async function age(address: string, seconds: number): Promise<void> {
  await database()
    .db.updateTable("rate_limit_buckets")
    .set({ updated_at: sql`updated_at - make_interval(secs => ${seconds})` })
    .where("key", "=", address)
    .execute();
}

function startForm(fields: Record<string, string>, clientAddress: string) {
  const request = new Request("http://localhost/start", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return startAction(routeArgs(request, {}, { clientAddress })) as Promise<unknown>;
}

/** The status and Retry-After of what the start action returned (a redirect or data). */
function outcome(result: unknown): { status: number; retryAfter: string | null } {
  if (result instanceof Response) {
    return { status: result.status, retryAfter: result.headers.get("Retry-After") };
  }
  const init = (result as { init?: { status?: number; headers?: HeadersInit } }).init;
  return {
    status: init?.status ?? 200,
    retryAfter: new Headers(init?.headers).get("Retry-After"),
  };
}

describe("the limit on new assessments (a token bucket in the database)", () => {
  test("counts only creations: invalid posts never use up an address's tokens", async () => {
    const address = "192.0.2.1";
    for (let i = 0; i < LIMIT; i++) {
      // A typo first, every time: refused, and not counted.
      expect((await createViaApi({ ...smeProfile, orgNumber: "1" }, address)).status).toBe(400);
      expect((await createViaApi(smeProfile, address)).status).toBe(201);
    }
    const before = await companies();
    const refused = await createViaApi(smeProfile, address);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600 / LIMIT);
    expect(await companies()).toBe(before);
    // Another address has its own bucket.
    expect((await createViaApi(smeProfile, "192.0.2.2")).status).toBe(201);
  });

  test("refills steadily: after 4 minutes two more creations pass, not a whole hour's", async () => {
    const address = "192.0.2.3";
    for (let i = 0; i < LIMIT; i++)
      expect((await createViaApi(smeProfile, address)).status).toBe(201);
    expect((await createViaApi(smeProfile, address)).status).toBe(429);
    await age(address, 241);
    expect((await createViaApi(smeProfile, address)).status).toBe(201);
    expect((await createViaApi(smeProfile, address)).status).toBe(201);
    expect((await createViaApi(smeProfile, address)).status).toBe(429);
  });

  test("concurrent creations from one address never pass the limit together", async () => {
    const address = "192.0.2.4";
    const statuses = await Promise.all(
      Array.from({ length: LIMIT + 10 }, () =>
        createViaApi(smeProfile, address).then((r) => r.status),
      ),
    );
    const counts: Record<number, number> = {};
    for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
    // Every status counted, so that a 503 (a pool wait) shows itself in a failure.
    expect(counts).toEqual({ 201: LIMIT, 429: 10 });
  });

  test("the start form shares the limit, counts only creations and sends Retry-After", async () => {
    const address = "192.0.2.5";
    const fields = { customerType: "sme", ...smeProfile };
    for (let i = 0; i < LIMIT; i++) {
      expect(outcome(await startForm({ ...fields, contactEmail: "typo" }, address)).status).toBe(
        400,
      );
      expect(outcome(await startForm(fields, address)).status).toBe(302);
    }
    const refused = outcome(await startForm(fields, address));
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await createViaApi(smeProfile, address)).status).toBe(429);
  });

  test("a creation that fails gives its token back", async () => {
    const address = "192.0.2.6";
    for (let i = 0; i < LIMIT + 5; i++) {
      await expect(
        withCreationToken(address, () => Promise.reject(new Error("the insert failed"))),
      ).rejects.toThrow("the insert failed");
    }
    for (let i = 0; i < LIMIT; i++)
      expect((await createViaApi(smeProfile, address)).status).toBe(201);
    await expect(withCreationToken(address, async () => "created")).rejects.toBeInstanceOf(
      RateLimited,
    );
  });

  test("a creation in progress does not hold up the next one from the same address", async () => {
    const address = "192.0.2.7";
    let finish = () => {};
    const slow = withCreationToken(
      address,
      () => new Promise<string>((resolve) => (finish = () => resolve("slow"))),
    );
    // The first creation's token is taken and its work has not finished: a second one from
    // the same address takes its own token and completes meanwhile (no row lock held).
    expect((await createViaApi(smeProfile, address)).status).toBe(201);
    finish();
    expect(await slow).toBe("slow");
  });
});
