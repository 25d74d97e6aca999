import { execFileSync } from "node:child_process";

/**
 * The production build as `npm start` makes it (scripts/build.ts: precompressed assets),
 * skipped when current: what the benchmarks that start a server measure. A bare
 * `remix build` would leave the build without its compressed copies.
 */
export function buildForBenchmark(): void {
  execFileSync("npx", ["tsx", "scripts/build.ts", "--if-stale"], {
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production" },
  });
}
