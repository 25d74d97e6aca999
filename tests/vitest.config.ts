import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The e2e files whose outcome depends on timing or on the machine's load (a drain on
 * SIGTERM, an admission gate, a race while the page hydrates, limits across two
 * processes): they run one at a time after the others, alone.
 */
const SERIAL_E2E = [
  "tests/e2e/keyboard-loading.test.ts",
  "tests/e2e/overload.test.ts",
  "tests/e2e/rate-limit.test.ts",
  "tests/e2e/server-process.test.ts",
  "tests/e2e/shutdown.test.ts",
  "tests/e2e/staff-throttle.test.ts",
];

/** What both e2e projects share: the production build, Chromium and the templates. */
const e2e = {
  environment: "node" as const,
  // In order: the migrated template, then the build and the demo-data template, which the
  // second makes in the background; e2e-ready.ts waits for them before each e2e file.
  globalSetup: ["tests/setup/database-templates.ts", "tests/e2e/global-setup.ts"],
  // After the root's tests/setup/fail-on-console-error.ts (arrays of a project add to the root's).
  setupFiles: ["tests/setup/e2e-ready.ts"],
  testTimeout: 60_000,
  hookTimeout: 180_000,
  // A browser test on a loaded two-core machine can lose a race with its own server or
  // Chromium: it gets one more attempt, and tests/setup/flaky-reporter.ts lists every test
  // that needed it (decision 025). A test that fails twice fails the run.
  retry: 1,
};

/**
 * Pure unit tests; integration tests against a real freshly migrated database (PGlite
 * in-process, or PostgreSQL when DATABASE_URL is set); end-to-end tests against the
 * production build, in Chromium where it is installed, in two projects: e2e (two files at
 * a time) and e2e-serial (alone, last).
 */
export default defineConfig({
  root,
  test: {
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    reporters: ["default", "./tests/setup/flaky-reporter.ts"],
    // Vitest's default is one worker fewer than the cores: one on CI's two, which left a core
    // idle while an integration file waited for PostgreSQL (decision 025).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
          environment: "node",
          // The property tests and argon2 take 4–6 s of CPU when they share two cores with
          // the integration files and the e2e build (decision 025): vitest's 5 s default
          // failed them for load, not for a defect. A hang still fails.
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // A migrated template database that test files copy instead of migrating.
          globalSetup: ["tests/setup/database-templates.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          ...e2e,
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          exclude: SERIAL_E2E,
          // Two files at a time, after the unit and integration files (decision 025): each
          // starts its own server on a free port with its own database, and spends much
          // of its time waiting for that server and for Chromium.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          ...e2e,
          name: "e2e-serial",
          include: SERIAL_E2E,
          // One at a time, last, with nothing else running: these measure time or load.
          fileParallelism: false,
        },
      },
    ],
  },
});
