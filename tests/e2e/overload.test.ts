import http from "node:http";
import { describe, expect, test } from "vitest";
import { smeProfile } from "../helpers/profiles";
import { createAssessmentOn, rawRequest } from "./raw-http";
import { startServer } from "./server";

/** `count` requests at once, each on its own connection; their statuses and Retry-Afters. */
async function burst(url: string, path: string, count: number, body?: string) {
  return Promise.all(
    Array.from({ length: count }, () =>
      rawRequest(url, body === undefined ? "GET" : "POST", path, {
        agent: new http.Agent({ keepAlive: false }),
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body,
        timeout: 15_000,
      }).then(
        (r) => ({ status: r.status, retryAfter: r.headers["retry-after"] }),
        (error: Error) => ({ status: 0, retryAfter: error.message }),
      ),
    ),
  );
}

describe("overload is answered, not dropped", () => {
  test("past the admission gate's line a request gets 503 with Retry-After; nothing is a 500 or a reset", async () => {
    const server = await startServer({
      SEED_DEMO_DATA: "never",
      MAX_CONCURRENT_REQUESTS: "1",
      REQUEST_QUEUE_TIMEOUT_MS: "0",
    });
    try {
      const token = await createAssessmentOn(server.url, smeProfile);
      const outcomes = await burst(server.url, `/a/${token}`, 30);
      const statuses = outcomes.map((o) => o.status);
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      expect(statuses).toContain(200);
      expect(statuses).toContain(503);
      for (const o of outcomes.filter((o) => o.status === 503)) expect(o.retryAfter).toBe("2");
      // Static files never wait at the gate.
      expect((await rawRequest(server.url, "GET", "/favicon.svg")).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  test("within the line's wait bound every request is served in turn", async () => {
    const server = await startServer({
      SEED_DEMO_DATA: "never",
      MAX_CONCURRENT_REQUESTS: "1",
      REQUEST_QUEUE_TIMEOUT_MS: "20000",
    });
    try {
      const token = await createAssessmentOn(server.url, smeProfile);
      // 20 at once, one inside and the rest in a line of at most 20: pages, and saves whose
      // bodies were read before they joined the line (and must still be answered).
      const save = JSON.stringify({ answers: { challenge: "in line" } });
      const [pages, saves] = await Promise.all([
        burst(server.url, `/a/${token}`, 10),
        burst(server.url, `/api/v1/assessments/${token}/answers`, 10, save),
      ]);
      expect([...pages, ...saves].map((o) => o.status)).toEqual(Array(20).fill(200));
      // The load figures are printed on SIGUSR2.
      server.process.kill("SIGUSR2");
      await expect
        .poll(() => server.output().match(/event-loop delay p50 [\d.]+ ms, p99 [\d.]+ ms/))
        .toBeTruthy();
      expect(server.output()).toMatch(/admission waits [1-9]\d*/);
      // The app's own time over each request it admitted (the 20 above at least), and the
      // garbage collector's pauses: what tells a stall inside the server from one outside.
      const timed = server
        .output()
        .match(/request time p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms \((\d+)\)/);
      expect(Number(timed?.[1])).toBeGreaterThanOrEqual(20);
      expect(server.output()).toMatch(/gc pauses \d+, \d+ ms in all, p99 [\d.]+ ms, max [\d.]+ ms/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
