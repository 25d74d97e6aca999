import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { lazyChunks } from "../../app/lib/http/lazy-chunks.server";

const publicDir = mkdtempSync(path.join(tmpdir(), "mognad-chunks-"));
afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

function assets(routes: Record<string, string>) {
  return {
    assets: {
      routes: Object.fromEntries(Object.entries(routes).map(([id, module]) => [id, { module }])),
    },
  } as unknown as Parameters<typeof lazyChunks>[0];
}

test("lists the chunks a compiled route module imports lazily, once each", () => {
  mkdirSync(path.join(publicDir, "build", "routes"), { recursive: true });
  writeFileSync(
    path.join(publicDir, "build", "routes", "a.$token-ABC.js"),
    'import{a}from"/build/_shared/chunk-X.js";var Q=b(()=>import("/build/_shared/questionnaire.client-MQVE.js"));' +
      'var R=b(()=>import("/build/_shared/questionnaire.client-MQVE.js"));',
  );
  const chunks = lazyChunks(
    assets({ "routes/a.$token": "/build/routes/a.$token-ABC.js" }),
    publicDir,
  );
  expect(chunks("routes/a.$token")).toEqual(["/build/_shared/questionnaire.client-MQVE.js"]);
});

test("a route without lazy imports, an unknown route or a missing file gives none", () => {
  writeFileSync(path.join(publicDir, "build", "routes", "start-DEF.js"), 'import"/build/x.js";');
  const chunks = lazyChunks(
    assets({
      "routes/start": "/build/routes/start-DEF.js",
      "routes/gone": "/build/routes/gone-GHI.js",
    }),
    publicDir,
  );
  expect(chunks("routes/start")).toEqual([]);
  expect(chunks("routes/gone")).toEqual([]);
  expect(chunks("routes/none")).toEqual([]);
});
