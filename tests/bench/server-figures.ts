import type { RunningServer } from "../e2e/server";

/**
 * Asks a running server (every worker) for its load figures since the last time —
 * event-loop delay, pool waits, admission waits, RSS (app/lib/server/load-metrics.server.ts)
 * — and returns the lines it printed.
 */
export async function serverFigures(server: RunningServer, workers = 1): Promise<string[]> {
  const before = server.output().length;
  server.process.kill("SIGUSR2");
  const deadline = Date.now() + 5_000;
  for (;;) {
    const lines = server
      .output()
      .slice(before)
      .split("\n")
      .filter((line) => line.startsWith("load pid="));
    if (lines.length >= workers || Date.now() > deadline) return lines;
    await new Promise((r) => setTimeout(r, 50));
  }
}
