import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The Chromium binary, or "" when none is installed (browser tests then skip). */
    chromiumPath: string;
  }
}

/** Builds the production app once, and finds Debian's Chromium. */
export default function setup(project: TestProject): void {
  // The production build, whatever NODE_ENV the test runner has (vitest sets "test", which
  // would compile development JSX that a server in production mode cannot run).
  execFileSync("npx", ["remix", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  const candidate = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  const found = existsSync(candidate) ? candidate : "";
  if (!found) {
    if (process.env.E2E === "required") {
      throw new Error(`E2E=required but no Chromium at ${candidate} (apt-get install -y chromium)`);
    }
    console.warn(`\nNOTICE: no Chromium at ${candidate}: browser tests are skipped.\n`);
  }
  project.provide("chromiumPath", found);
}
