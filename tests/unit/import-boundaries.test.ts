import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

/**
 * The import rules of docs (architecture.md): only app/lib/*.server.ts (and the server
 * entry) may import db/, kysely, pg or PGlite at run time; db/ never imports app/;
 * migrations import only kysely. Type-only imports are erased and therefore allowed.
 * The classic compiler would turn a leaked `.server` import into an empty module at run
 * time instead of failing the build, so this test is the guard.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const DATABASE_PACKAGES = /^(kysely|kysely-pglite-dialect|pg|@electric-sql\/pglite)(\/|$)/;

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

/** The rule a file breaks by importing `specifier`, or undefined. */
function checkImport(file: string, specifier: string): string | undefined {
  const target = specifier.startsWith(".")
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
  if (file.startsWith("app/") && reachesDb) {
    const allowed = /^app\/lib\/[^/]+\.server\.ts$/.test(file);
    return allowed ? undefined : "only app/lib/*.server.ts may import db/ and database packages";
  }
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
    ["app/routes/x.tsx", "../../db/database", "only app/lib"],
    ["app/lib/scoring.ts", "kysely", "only app/lib"],
    ["app/components/a.tsx", "pg", "only app/lib"],
    ["db/queries/a.ts", "../../app/lib/catalog", "db/ never imports app/"],
    ["db/migrations/0002_x.ts", "../schema", "migrations import only kysely"],
  ])("flags a deliberate violation: %s importing %s", (file, specifier, rule) => {
    expect(checkImport(file, specifier)).toContain(rule);
  });

  test.each([
    ["app/lib/db.server.ts", "../../db/database"],
    ["app/lib/scoring.ts", "./definitions"],
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
