import { readdirSync, statSync } from "node:fs";
import { get } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createAssessmentViaApi } from "./create-assessment";
import { startServer, type RunningServer } from "./server";

/** A response's status, headers and size on the wire (node:http does not decompress). */
function fetchRaw(
  url: string,
  acceptEncoding: string,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
}> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": acceptEncoding } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes }),
      );
    }).on("error", reject);
  });
}

/** The largest fingerprinted JavaScript file of the build (the SurveyJS chunk). */
function largestBuildScript(): { url: string; size: number } {
  const files: { url: string; size: number }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith(".js"))
        files.push({ url: `/${path.relative("public", file)}`, size: statSync(file).size });
    }
  };
  walk(path.join("public", "build"));
  return files.sort((a, b) => b.size - a.size)[0];
}

describe("compressed responses and cached build assets", () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ SEED_DEMO_DATA: "never" });
  });

  afterAll(async () => {
    await server?.stop();
  });

  test.each([
    ["br", "br"],
    ["gzip, deflate", "gzip"],
  ])("a page, a definition and a script are sent compressed to %s", async (accept, encoding) => {
    const script = largestBuildScript();
    for (const url of ["/", "/api/v1/definitions/dma-sme/1.1.0", script.url]) {
      const response = await fetchRaw(`${server.url}${url}`, accept);
      expect(response.status, url).toBe(200);
      expect(response.headers["content-encoding"], url).toBe(encoding);
      expect(response.headers.vary, url).toMatch(/Accept-Encoding/i);
    }
    // The SurveyJS chunk: over a megabyte raw, under a third of it compressed.
    const compressed = await fetchRaw(`${server.url}${script.url}`, accept);
    expect(compressed.bytes).toBeLessThan(script.size / 3);
  });

  test("fingerprinted build assets are cached for a year as immutable; other files an hour", async () => {
    const script = await fetchRaw(`${server.url}${largestBuildScript().url}`, "gzip");
    expect(script.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const icon = await fetchRaw(`${server.url}/favicon.svg`, "gzip");
    expect(icon.headers["cache-control"]).toBe("public, max-age=3600");
  });

  test.each([
    ["gzip, deflate, br", "br", ".br"],
    ["gzip", "gzip", ".gz"],
  ])(
    "build assets go out as the copies npm run build compressed ahead (%s)",
    async (accept, encoding, extension) => {
      const script = largestBuildScript();
      const response = await fetchRaw(`${server.url}${script.url}`, accept);
      expect(response.status).toBe(200);
      expect(response.headers["content-encoding"]).toBe(encoding);
      expect(response.headers["content-type"]).toMatch(/^application\/javascript/);
      expect(response.headers.vary).toMatch(/Accept-Encoding/i);
      const copy = statSync(path.join("public", `${script.url}${extension}`)).size;
      expect(response.bytes).toBe(copy);
      // Brotli's quality 11 beats the on-the-fly quality 4 (347 KB on the SurveyJS chunk).
      if (encoding === "br") expect(response.bytes).toBeLessThan(script.size / 5);
    },
  );

  test("the questionnaire page preloads its SurveyJS chunk while the page loads", async () => {
    const token = await createAssessmentViaApi(server.url, { language: "sv" });
    const html = await (await fetch(`${server.url}/a/${token}`)).text();
    const chunk = largestBuildScript().url;
    expect(chunk).toMatch(/questionnaire\.client-/);
    expect(html).toContain(`<link rel="modulepreload" href="${chunk}"/>`);
  });

  test("the API's writes pass by the compression middleware: an autosave answers its few bytes without Vary (decision 038)", async () => {
    const token = await createAssessmentViaApi(server.url, { language: "sv" });
    const response = await fetch(`${server.url}/api/v1/assessments/${token}/answers`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-encoding": "br, gzip" },
      body: JSON.stringify({ answers: { challenge: "kompression" } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("vary")).toBeNull();
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(await response.json()).toHaveProperty("savedAt");
  });

  test("a client that accepts no encoding gets the plain body", async () => {
    const response = await fetchRaw(`${server.url}/`, "identity");
    expect(response.headers["content-encoding"]).toBeUndefined();
  });
});
