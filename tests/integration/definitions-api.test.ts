import { describe, expect, test } from "vitest";
import { loader as listLoader } from "../../app/routes/api.v1.definitions";
import { loader as fileLoader } from "../../app/routes/api.v1.definitions.$id.$version";
import { action as scoreAction } from "../../app/routes/api.v1.definitions.$id.$version.score";
import { scoreAnswers } from "../../app/lib/core/scoring";
import { loadDefinitionRegistry } from "../../app/lib/server/definitions.server";
import { DEFINITIONS_DIR, loadDefinition } from "../helpers/definitions";
import { routeArgs } from "../helpers/route-args";
import { randomAnswers, createRandom } from "../helpers/random-answers";

const base = "http://localhost/api/v1/definitions";
async function score(id: string, version: string, body: string) {
  const request = new Request(`${base}/${id}/${version}/score`, { method: "POST", body });
  return scoreAction(routeArgs(request, { id, version }));
}

describe("GET /api/v1/definitions", () => {
  test("lists every id with its published versions and the latest", async () => {
    const body = await (await listLoader(routeArgs(new Request(base)))).json();
    expect(body.definitions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: "dma-sme", versions: ["1.0.0", "1.1.0"], latest: "1.1.0" }),
        expect.objectContaining({
          id: "smart-industry",
          versions: ["1.0.0", "1.0.1"],
          latest: "1.0.1",
        }),
        expect.objectContaining({ id: "dma-pso", versions: ["1.0.0"], latest: "1.0.0" }),
      ]),
    );
  });
});

describe("GET /api/v1/definitions/:id/:version", () => {
  test("serves the frozen file with its hash as ETag, cached for ever", async () => {
    const response = await fileLoader(
      routeArgs(new Request(`${base}/dma-sme/1.0.0`), { id: "dma-sme", version: "1.0.0" }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await response.json()).version).toBe("1.0.0");
  });

  test("redirects latest to the highest published version", async () => {
    const response = await fileLoader(
      routeArgs(new Request(`${base}/dma-sme/latest`), { id: "dma-sme", version: "latest" }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/api/v1/definitions/dma-sme/1.1.0");
  });

  test.each([
    ["dma-sme", "9.9.9"],
    ["unknown", "1.0.0"],
    ["unknown", "latest"],
  ])("answers 404 for %s@%s", async (id, version) => {
    const response = await fileLoader(
      routeArgs(new Request(`${base}/${id}/${version}`), { id, version }),
    );
    expect(response.status).toBe(404);
  });
});

describe("POST /api/v1/definitions/:id/:version/score", () => {
  const published = loadDefinitionRegistry(DEFINITIONS_DIR)
    .list()
    .flatMap(({ id, versions }) => versions.map((version) => [id, version] as const));

  test("covers every published version", () => {
    expect(published).toEqual(
      expect.arrayContaining([
        ["dma-pso", "1.0.0"],
        ["dma-sme", "1.0.0"],
        ["dma-sme", "1.1.0"],
        ["smart-industry", "1.0.0"],
        ["smart-industry", "1.0.1"],
      ]),
    );
  });

  test.each(published)(
    "scores random complete answers to %s@%s exactly as the engine",
    async (id, version) => {
      const definition = loadDefinition(id, version);
      const random = createRandom(7);
      for (let i = 0; i < 20; i++) {
        const answers = randomAnswers(definition, random);
        const response = await score(id, version, JSON.stringify({ answers }));
        expect(response.status).toBe(200);
        const body = await response.json();
        const expected = scoreAnswers(definition, answers);
        if (!expected.ok) throw new Error("the engine rejected generated answers");
        expect(body).toEqual({
          definition: { id, version, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
          ...expected.value,
        });
      }
    },
  );

  test("lists every problem of malformed answers in a 400", async () => {
    const response = await score(
      "dma-sme",
      "1.0.0",
      JSON.stringify({ answers: { q2: [1, 99], q4: "x" } }),
    );
    expect(response.status).toBe(400);
    const { errors } = await response.json();
    const paths = errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["answers.q2[1]", "answers.q4", "answers.q11"]));
  });

  test("rejects a dma-sme response sent to dma-pso, naming the answers that do not fit", async () => {
    const answers = randomAnswers(loadDefinition("dma-sme", "1.1.0"), createRandom(3));
    const response = await score("dma-pso", "1.0.0", JSON.stringify({ answers }));
    expect(response.status).toBe(400);
    const { errors } = await response.json();
    const paths = errors.map((e: { path: string }) => e.path);
    // The SME investment grid is q1 and its AI scale q9; the PSO form's q1 is a checkbox
    // list and its q9 a tick grid.
    expect(paths).toEqual(expect.arrayContaining(["answers.q1", "answers.q2"]));
    expect(paths.some((path: string) => path.startsWith('answers.q9["1"]'))).toBe(true);
  });

  test.each([
    ["not JSON", "{bad", 400],
    ["no answers", "{}", 400],
    ["a body over 256 KB", JSON.stringify({ answers: {}, pad: "x".repeat(300_000) }), 413],
  ])("rejects %s", async (_label, body, status) => {
    const response = await score("dma-sme", "1.0.0", body);
    expect(response.status).toBe(status);
    expect((await response.json()).errors.length).toBeGreaterThan(0);
  });

  test("answers 404 for an unknown definition", async () => {
    const response = await score("nope", "1.0.0", "{}");
    expect(response.status).toBe(404);
  });
});
