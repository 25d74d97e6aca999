/**
 * `npm run bench:autosave`: builds and starts the production server on PostgreSQL (a fresh
 * database on the server of DATABASE_URL, default the local one), creates 50 assessments
 * and lets 50 clients save answers to them, as the questionnaire's autosave does:
 *
 * 1. at the target rate of 500 saves/s, evenly paced: each client saves every 100 ms (the
 *    clients staggered 2 ms apart), one save at a time on its own keep-alive connection, and
 *    latency counts from when the save was due, so a slow answer also delays the next one
 *    (no coordinated omission). autocannon's own rate limit releases each second's quota
 *    in a burst, which measures bursts of 50 concurrent saves rather than 500/s;
 * 2. as fast as the server answers (autocannon, 50 connections): the capacity.
 *
 * Prints saves per second and latency p50/p99 (target ≥ 500/s with p99 ≤ 50 ms), and after
 * each phase the server's own figures: event-loop delay p50/p99/max, the pool's wait for a
 * connection, admission waits and RSS — where a stall shows itself.
 */
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { loadDefinitionRegistry } from "../../app/lib/server/definitions.server";
import { createRandom, randomAnswers } from "../helpers/random-answers";
import { startServer } from "../e2e/server";
import { serverFigures } from "./server-figures";
import { buildForBenchmark } from "./build";

const CLIENTS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";

buildForBenchmark();
const WORKERS = Number(process.env.WEB_CONCURRENCY ?? 2);
const server = await startServer({
  SEED_DEMO_DATA: "never",
  RATE_LIMIT_ASSESSMENTS_PER_HOUR: "100000",
  WEB_CONCURRENCY: String(WORKERS),
  NODE_ENV: "production",
});
const printServerFigures = async () => {
  for (const line of await serverFigures(server, WORKERS)) console.log(`  server ${line}`);
};

try {
  const dma = loadDefinitionRegistry("survey-definitions").latest("dma-sme");
  if (!dma) throw new Error("no dma-sme definition");
  const random = createRandom(1);
  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const response = await fetch(`${server.url}/api/v1/assessments`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        language: "sv",
        profile: {
          companyName: `Bench ${i} AB`,
          orgNumber: "556036-0793",
          sizeClass: "small",
          primarySector: "manufacturing",
          region: "skane",
          contactName: "Bench Person",
          contactEmail: `bench${i}@example.se`,
        },
      }),
    });
    if (response.status !== 201) throw new Error(`create failed: ${response.status}`);
    tokens.push((await response.json()).token);
  }

  // Each save is what the page sends: one or two changed answers and the page number.
  const answerSets = Array.from({ length: 200 }, () => randomAnswers(dma.definition, random));
  const names = Object.keys(answerSets[0]);
  let n = 0;
  /** One autosave as the page sends it: a changed answer and the page, to one of the 50 assessments. */
  const nextSave = () => {
    const token = tokens[n % tokens.length];
    const set = answerSets[n % answerSets.length];
    const name = names[n % names.length];
    n++;
    return {
      path: `/api/v1/assessments/${token}/answers`,
      body: JSON.stringify({ answers: { [name]: set[name] }, currentPage: n % 6 }),
    };
  };

  const run = (overallRate?: number) =>
    autocannon({
      url: server.url,
      connections: CLIENTS,
      duration: SECONDS,
      overallRate,
      requests: [
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          setupRequest: (request) => ({ ...request, ...nextSave() }),
        },
      ],
    });

  const report = (label: string, result: autocannon.Result) => {
    console.log(
      `${label}: ${result.requests.total} saves by ${CLIENTS} connections in ${result.duration} s = ` +
        `${Math.round(result.requests.average)} saves/s; latency p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms; ${result.non2xx + result.errors} failed`,
    );
  };

  /** Saves at an even `rate` per second from the 50 clients; latency from when each was due. */
  const paced = async (rate: number, label = "") => {
    const { port, hostname } = new URL(server.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
    /** A failed save's status, or its connection error's code. */
    const failures = new Map<string, number>();
    const fail = (why: string) => failures.set(why, (failures.get(why) ?? 0) + 1);
    const send = ({ path, body }: { path: string; body: string }) =>
      new Promise<boolean>((resolve) => {
        const request = http.request(
          {
            agent,
            hostname,
            port,
            path,
            method: "POST",
            headers: { "content-type": "application/json" },
          },
          (response) => {
            response.resume();
            response.on("end", () => {
              if (response.statusCode !== 200) fail(String(response.statusCode));
              resolve(response.statusCode === 200);
            });
          },
        );
        request.on("error", (error: NodeJS.ErrnoException) => {
          fail(error.code ?? error.message);
          resolve(false);
        });
        request.end(body);
      });
    const clients = Array.from({ length: CLIENTS }, () => Promise.resolve());
    const latencies: number[] = [];
    let failed = 0;
    const total = rate * SECONDS;
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const save = nextSave();
      clients[i % CLIENTS] = clients[i % CLIENTS].then(async () => {
        if (!(await send(save))) failed++;
        latencies.push(performance.now() - due);
      });
    }
    await Promise.all(clients);
    const seconds = (performance.now() - start) / 1000;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
    console.log(
      `${label || "autosave"} at ${rate} saves/s, paced: ${latencies.length} saves by ${CLIENTS} clients in ${seconds.toFixed(2)} s = ` +
        `${Math.round(latencies.length / seconds)} saves/s; latency p50 ${at(0.5).toFixed(1)} ms, ` +
        `p90 ${at(0.9).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${at(1).toFixed(1)} ms; ${failed} failed` +
        (failures.size ? ` (${[...failures].map(([why, n]) => `${why}: ${n}`).join(", ")})` : ""),
    );
  };

  await serverFigures(server, WORKERS); // forget start-up and the creations
  await paced(200, "warm-up");
  await printServerFigures();
  await paced(500);
  await printServerFigures();
  report("autosave, as fast as it goes (capacity)", await run());
  await printServerFigures();
} catch (error) {
  console.error(server.output());
  throw error;
} finally {
  await server.stop();
}
