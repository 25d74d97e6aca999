import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

/**
 * Names the file in which the e2e global setup (tests/e2e/global-setup.ts) reports that
 * its background work, the build and then the demo-data template, is done.
 */
export const READY_ENV = "MOGNAD_TEST_E2E_READY";

/** What the global setup reports: the environment the servers need, or why it failed. */
export type Readiness = { env: Record<string, string> } | { error: string };

/** Writes the report in one step, so that a reader never sees half of it. */
export function reportReadiness(file: string, readiness: Readiness): void {
  writeFileSync(`${file}.part`, JSON.stringify(readiness));
  renameSync(`${file}.part`, file);
}

/**
 * Waits until the global setup's report is there and takes its environment into this
 * process, whose servers inherit it; throws when the setup failed. Nothing to wait for
 * outside the global setup (the variable unset).
 */
export async function waitForE2eSetup(): Promise<void> {
  const file = process.env[READY_ENV];
  if (!file) return;
  while (!existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 250));
  const readiness = JSON.parse(readFileSync(file, "utf8")) as Readiness;
  if ("error" in readiness) throw new Error(`the e2e global setup failed:\n${readiness.error}`);
  Object.assign(process.env, readiness.env);
}
