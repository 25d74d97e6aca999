import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

/**
 * The layers of app/lib and the import rules of architecture.md, enforced:
 * - core/ imports only core/ and zod: no node:*, no React, no db/;
 * - view/ imports only core/ and view/;
 * - client/ (browser-only) imports only core/, view/ and client/;
 * - server/ imports core/, view/, server/ and anything outside app/; http/ also server/ and http/;
 * - only server/ and http/ import db/, kysely, pg, PGlite or node:fs;
 * - components import no server/ or http/ module; db/ never imports app/;
 * - migrations import only kysely.
 * Type-only imports are erased and therefore allowed. The classic compiler would turn a
 * leaked `.server` import into an empty module at run time instead of failing the build,
 * so this test is the guard.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const DATABASE_PACKAGES = /^(kysely|kysely-pglite-dialect|pg|@electric-sql\/pglite)(\/|$)/;
const LAYERS = ["core", "view", "server", "http", "client"] as const;
type Layer = (typeof LAYERS)[number];
/** What each layer may import from app/lib (besides itself). */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  core: ["core"],
  view: ["core", "view"],
  client: ["core", "view", "client"],
  server: ["core", "view", "server"],
  http: ["core", "view", "server", "http"],
};

interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

/** Runtime import specifiers of a source file (skips `import type` and `export type`). */
function runtimeImports(source: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/g;
  for (const match of source.matchAll(pattern)) {
    if (!match[2]) specifiers.push(match[3]);
  }
  for (const match of source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g))
    specifiers.push(match[1]);
  return specifiers;
}

function layerOf(file: string): Layer | undefined {
  const match = /^app\/lib\/([^/]+)\//.exec(file);
  return match && (LAYERS as readonly string[]).includes(match[1])
    ? (match[1] as Layer)
    : undefined;
}

/** The rule a file breaks by importing `specifier`, or undefined. */
function checkImport(file: string, specifier: string): string | undefined {
  const relative = specifier.startsWith(".");
  const target = relative
    ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
    : specifier;
  const reachesDb = target.startsWith("db/") || DATABASE_PACKAGES.test(target);
  if (file === "db/migrations/index.ts") {
    // The registry lists the migrations and nothing else.
    return /^\.\/\d{4}_[a-z0-9_]+$/.test(specifier) || specifier === "kysely"
      ? undefined
      : "the migration registry imports only migrations";
  }
  if (file.startsWith("db/migrations/")) {
    return specifier === "kysely" ? undefined : "migrations import only kysely";
  }
  if (file.startsWith("db/") && target.startsWith("app/")) return "db/ never imports app/";
  if (!file.startsWith("app/")) return undefined;

  const layer = layerOf(file);
  if (file.startsWith("app/lib/") && !layer) return "every app/lib module lives in a layer folder";
  if (
    (reachesDb || target === "node:fs" || target === "fs") &&
    layer !== "server" &&
    layer !== "http"
  )
    return "only app/lib/server and app/lib/http may import db/, database packages or node:fs";
  const targetLayer = layerOf(target);
  if (file.startsWith("app/components/") && (targetLayer === "server" || targetLayer === "http"))
    return "components import no server/ or http/ module";
  if (!layer) return undefined;
  if (targetLayer && !MAY_IMPORT[layer].includes(targetLayer))
    return `${layer}/ may not import ${targetLayer}/ (layers import only the layers below them)`;
  if (
    relative &&
    !targetLayer &&
    target.startsWith("app/") &&
    (layer === "core" || layer === "view")
  )
    return `${layer}/ imports nothing of app/ outside app/lib`;
  if (layer === "core" && !relative && specifier !== "zod")
    return "core/ imports only core/ and zod";
  if ((layer === "view" || layer === "client") && !relative)
    return `${layer}/ imports no package at run time`;
  return undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(entry.name) ? [rel] : [];
  });
}

function violations(files: string[]): Violation[] {
  return files.flatMap((file) =>
    runtimeImports(readFileSync(path.join(root, file), "utf8")).flatMap((specifier) => {
      const rule = checkImport(file, specifier);
      return rule ? [{ file, specifier, rule }] : [];
    }),
  );
}

describe("import boundaries", () => {
  test("the code base keeps them", () => {
    expect(violations([...sourceFiles("app"), ...sourceFiles("db")])).toEqual([]);
  });

  test.each([
    ["app/routes/x.tsx", "../../db/database", "only app/lib/server and app/lib/http"],
    ["app/lib/core/scoring.ts", "kysely", "only app/lib/server and app/lib/http"],
    ["app/lib/view/x.ts", "node:fs", "only app/lib/server and app/lib/http"],
    ["app/components/a.tsx", "pg", "only app/lib/server and app/lib/http"],
    ["app/components/a.tsx", "../lib/server/db.server", "components import no server/"],
    ["app/lib/scoring.ts", "zod", "every app/lib module lives in a layer folder"],
    ["app/lib/core/scoring.ts", "node:crypto", "core/ imports only core/ and zod"],
    ["app/lib/core/scoring.ts", "react", "core/ imports only core/ and zod"],
    ["app/lib/core/scoring.ts", "../view/translate", "core/ may not import view/"],
    ["app/lib/core/scoring.ts", "../../locales/en", "core/ imports nothing of app/ outside"],
    ["app/lib/view/peer-view.ts", "../server/peers.server", "view/ may not import server/"],
    ["app/lib/view/chart-data.ts", "chart.js", "view/ imports no package"],
    ["app/lib/client/autosave.ts", "../http/json-body.server", "client/ may not import http/"],
    ["app/lib/server/x.server.ts", "../http/api.server", "server/ may not import http/"],
    ["db/queries/a.ts", "../../app/lib/core/vocabularies", "db/ never imports app/"],
    ["db/migrations/0002_x.ts", "../schema", "migrations import only kysely"],
  ])("flags a deliberate violation: %s importing %s", (file, specifier, rule) => {
    expect(checkImport(file, specifier)).toContain(rule);
  });

  test.each([
    ["app/lib/server/db.server.ts", "../../../db/database"],
    ["app/lib/http/api.server.ts", "../server/assessments.server"],
    ["app/lib/core/scoring.ts", "./definitions"],
    ["app/lib/core/profile.ts", "zod"],
    ["app/lib/view/peer-view.ts", "../core/benchmark"],
    ["app/lib/client/autosave.ts", "../core/answers"],
    ["app/routes/x.tsx", "../lib/server/assessments.server"],
    ["db/migrations/0001_core.ts", "kysely"],
  ])("allows %s importing %s", (file, specifier) => {
    expect(checkImport(file, specifier)).toBeUndefined();
  });

  test("type-only imports are not runtime imports", () => {
    expect(runtimeImports('import type { X } from "kysely";\nimport { y } from "pg";')).toEqual([
      "pg",
    ]);
  });
});
