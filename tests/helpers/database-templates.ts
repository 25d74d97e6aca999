import { cpSync, existsSync } from "node:fs";

/**
 * Database templates for the test run, so that test files and e2e servers start from a
 * copy instead of from nothing: PGlite's initdb costs 15–20 s of CPU on a loaded 2-core
 * machine, and seeding the demo data (300 organisations, peer and dashboard rebuilds)
 * tens of seconds more. The global setups make them once per run (tests/setup/
 * database-templates.ts: migrated and empty; tests/e2e/global-setup.ts: with demo data)
 * and name them in these environment variables, which test workers and the servers they
 * start inherit. Unset (a bench script, a test run outside vitest), everything starts
 * from scratch as before.
 *
 * - PGlite: the folder of a cleanly closed database, copied file by file.
 * - PostgreSQL: a database name, used as `create database … template <name>`.
 */
export const TEMPLATE_ENV = {
  pglite: { empty: "MOGNAD_TEST_PGLITE_TEMPLATE", demo: "MOGNAD_TEST_PGLITE_DEMO_TEMPLATE" },
  postgres: { empty: "MOGNAD_TEST_PG_TEMPLATE", demo: "MOGNAD_TEST_PG_DEMO_TEMPLATE" },
} as const;

export type TemplateContent = "empty" | "demo";

/** The template of this content for the database in use, if the run made one. */
export function templateFor(
  kind: "pglite" | "postgres",
  content: TemplateContent,
): string | undefined {
  const value = process.env[TEMPLATE_ENV[kind][content]];
  return value ? value : undefined;
}

/** Copies a PGlite template folder to `target` (a folder that does not exist yet). */
export function copyPgliteTemplate(template: string, target: string): void {
  if (!existsSync(template)) throw new Error(`PGlite template ${template} is missing`);
  cpSync(template, target, { recursive: true });
}
