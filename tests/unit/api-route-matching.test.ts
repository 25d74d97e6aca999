import path from "node:path";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import type { ServerBuild } from "@remix-run/node";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { apiRoutesOf, matchApiRoute } from "../../app/lib/http/remix-handler.server";

// The app's real route tree, as the compiler makes it from app/routes (flat routes).
const manifest = {
  root: { id: "root", path: "", file: "root.tsx" },
  ...flatRoutes(path.resolve("app")),
} as Record<
  string,
  { id: string; parentId?: string; path?: string; index?: boolean; file: string }
>;
const handler = async () => new Response(null);
// A route whose file is under app/routes/api.* is a resource route (no UI); the others have one.
const build = {
  routes: Object.fromEntries(
    Object.values(manifest).map((r) => [
      r.id,
      {
        ...r,
        module: path.basename(r.file).startsWith("api.")
          ? { loader: handler, action: handler }
          : { default: () => null, loader: handler, action: handler },
      },
    ]),
  ),
} as unknown as Pick<ServerBuild, "routes">;

/**
 * Remix's own matching (what `createRequestHandler` does): the leaf route and its params,
 * for the path as the request's URL has it (dot segments resolved, as both see it).
 */
function remixMatch(path: string) {
  const { pathname } = new URL(`http://localhost${path}`);
  const tree = (parentId?: string): AgnosticRouteObject[] =>
    Object.values(manifest)
      .filter((r) => r.parentId === parentId)
      .map((r) =>
        r.index
          ? { id: r.id, path: r.path, index: true }
          : { id: r.id, path: r.path, children: tree(r.id) },
      );
  const matches = matchRoutes(tree(undefined), pathname);
  const leaf = matches?.at(-1);
  return leaf && { id: leaf.route.id, params: leaf.params };
}

const api = apiRoutesOf(build);
const match = (pathname: string) => matchApiRoute(api, new URL(`http://localhost${pathname}`));

describe("the API's routes, matched without Remix (decision 034)", () => {
  test("every API resource route is found, with Remix's params", () => {
    const cases: [string, string, Record<string, string>][] = [
      ["/api/v1/assessments", "routes/api.v1.assessments", {}],
      ["/api/v1/assessments/", "routes/api.v1.assessments", {}],
      ["/api/v1/assessments/abc", "routes/api.v1.assessments.$token", { token: "abc" }],
      [
        "/api/v1/assessments/abc/answers",
        "routes/api.v1.assessments.$token.answers",
        { token: "abc" },
      ],
      [
        "/api/v1/assessments/abc/submit",
        "routes/api.v1.assessments.$token.submit",
        { token: "abc" },
      ],
      [
        "/api/v1/assessments/abc/results",
        "routes/api.v1.assessments.$token.results",
        { token: "abc" },
      ],
      ["/api/v1/definitions", "routes/api.v1.definitions", {}],
      [
        "/api/v1/definitions/dma-sme/1.2.0",
        "routes/api.v1.definitions.$id.$version",
        { id: "dma-sme", version: "1.2.0" },
      ],
      [
        "/api/v1/definitions/dma-sme/1.2.0/score",
        "routes/api.v1.definitions.$id.$version.score",
        { id: "dma-sme", version: "1.2.0" },
      ],
      [
        "/api/v1/assessments/a%2Fb/answers",
        "routes/api.v1.assessments.$token.answers",
        { token: "a/b" },
      ],
      [
        "/api/v1/assessments/%C3%A5/answers",
        "routes/api.v1.assessments.$token.answers",
        { token: "å" },
      ],
    ];
    expect(api.length).toBe(8);
    for (const [pathname, id, params] of cases) {
      expect(remixMatch(pathname), pathname).toEqual({ id, params });
      const found = match(pathname);
      expect({ id: found?.route.id, params: found?.params }, pathname).toEqual({ id, params });
    }
  });

  test("what it cannot match as Remix would is left to Remix", () => {
    for (const pathname of [
      "/api/v1/assessments/abc/other",
      "/api/v1/assessments//answers",
      "/api//v1/assessments",
      "/API/v1/definitions",
      "/api/v1/assessments/abc/answers//",
      "/api/v1/assessments/%E0%A4%A/answers",
      "/api",
      "/a/abc",
    ]) {
      expect(match(pathname), pathname).toBeUndefined();
    }
    expect(match("/api/v1/definitions?_data=routes%2Fapi.v1.definitions")).toBeUndefined();
  });

  test("whenever it matches a path, Remix matches the same route with the same params", () => {
    const segment = fc.constantFrom(
      "api",
      "v1",
      "assessments",
      "definitions",
      "answers",
      "submit",
      "results",
      "score",
      "abc",
      "dma-sme",
      "1.0.0",
      "",
      "%2F",
      "%C3%A5",
      "A",
      "API",
      "..",
      ".",
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 7 }), (segments) => {
        const pathname = `/${segments.join("/")}`;
        const found = match(pathname);
        if (!found) return;
        expect(remixMatch(pathname), pathname).toEqual({
          id: found.route.id,
          params: found.params,
        });
      }),
      { numRuns: Number(process.env.FUZZ_ROUTES ?? 3000) },
    );
  });
});
