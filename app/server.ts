/**
 * The production server: compiled by Remix together with the app into build/index.js
 * (remix.config.js `server`). Order of start-up: parse the environment, open and migrate
 * the database, seed an empty embedded database, then listen. Any failure before
 * listening prints one line naming the setting at fault and exits non-zero.
 */
import * as build from "@remix-run/dev/server-build";
import express from "express";
import cluster from "node:cluster";
import net from "node:net";
import type { Server } from "node:http";
import type { AppLoadContext } from "@remix-run/node";
import { closeDatabase, openDatabase } from "./lib/server/db.server";
import { seedIfEmpty } from "./lib/server/demo-seed.server";
import { getDefinitionRegistry } from "./lib/server/definitions.server";
import { getServiceCatalogue } from "./lib/server/services.server";
import { getHubConfig } from "./lib/server/hub.server";
import { env } from "./lib/server/env.server";
import { startupErrorLine } from "./lib/server/startup-error.server";
import { listenUrl } from "./lib/server/listen-address.server";
import { createNonce, securityHeaders } from "./lib/http/security-headers.server";
import { checkedBody, finalErrorHandler, methodAndTarget } from "./lib/http/boundary.server";
import { remixHandler } from "./lib/http/remix-handler.server";
import { admissionGate } from "./lib/http/admission.server";
import { precompressed } from "./lib/http/precompressed.server";
import { compressResponses } from "./lib/http/compression.server";
import { lazyChunks } from "./lib/http/lazy-chunks.server";
import { loadReport, recordRequestTime, startLoadMetrics } from "./lib/server/load-metrics.server";

declare module "@remix-run/node" {
  /** What every loader and action receives as `context`. */
  interface AppLoadContext {
    /** The per-request CSP nonce for inline scripts. */
    cspNonce: string;
    /** The client's address, for rate limits. */
    clientAddress: string;
    /** The chunks a route's browser module imports lazily, to preload (lazy-chunks.server.ts). */
    lazyChunks?: (routeId: string) => string[];
  }
  // Loaders and actions return plain data (single fetch), typed as such.
  interface Future {
    v3_singleFetch: true;
  }
}

const SHUTDOWN_DEADLINE_MS = 9_000;

/**
 * With PostgreSQL and WEB_CONCURRENCY > 1, a primary process checks the configuration,
 * migrates once, and forks that many workers sharing the port. The embedded PGlite is a
 * single-process database, so it always runs one process.
 */
async function start(): Promise<void> {
  const config = env();
  getDefinitionRegistry();
  getServiceCatalogue();
  getHubConfig();
  const workers = config.DATABASE_URL ? config.WEB_CONCURRENCY : 1;
  if (workers <= 1 || !cluster.isPrimary) return serve();
  await openDatabase(); // Fails here, with one line, on a bad DATABASE_URL; migrates once.
  await seedIfEmpty(); // Once, before the workers (SEED_DEMO_DATA=always).
  await closeDatabase();
  for (let i = 0; i < workers; i++) cluster.fork();
  let workersStopping = false;
  cluster.on("exit", (worker, code) => {
    if (!workersStopping && code !== 0) {
      console.error(`Worker ${worker.process.pid} exited with ${code}; stopping.`);
      process.exit(1);
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
  const stop = (signal: NodeJS.Signals) => {
    workersStopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  // Load figures from every worker (load-metrics.server.ts).
  process.on("SIGUSR2", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGUSR2");
  });
}

async function serve(): Promise<void> {
  // First: a SIGUSR2 that arrives while this worker starts must not kill it (its default).
  startLoadMetrics();
  process.on("SIGUSR2", () => console.log(loadReport()));
  const config = env();
  // Refuse to start on an invalid or changed survey definition, or a catalogue rule that
  // names a question or item they lack.
  getDefinitionRegistry();
  getServiceCatalogue();
  getHubConfig();
  const { kind } = await openDatabase();
  const seeded = await seedIfEmpty();
  if (seeded > 0)
    console.log(
      `Seeded ${seeded} demo organisations (companies and public sector organisations) into the empty embedded database.`,
    );

  // Express reads NODE_ENV when the app is created; the default must reach it, or it runs
  // in development mode (and its own error pages would show stacks).
  process.env.NODE_ENV = config.NODE_ENV;
  const app = express();
  app.set("env", config.NODE_ENV);
  app.set("trust proxy", config.TRUST_PROXY > 0 ? config.TRUST_PROXY : false);
  app.disable("x-powered-by");
  app.use((req, res, next) => {
    const nonce = createNonce();
    res.locals.cspNonce = nonce;
    res.set(securityHeaders(nonce, { https: req.secure }));
    // Shutting down: finish this request, then close its keep-alive connection.
    if (stopping) res.set("Connection", "close");
    next();
  });
  app.use(methodAndTarget);
  // Every text response compressed (brotli or gzip, as the browser accepts): the
  // questionnaire's SurveyJS chunk is 1.67 MB raw, 0.3 MB compressed. Downloads are not.
  app.use(compressResponses());
  // Fingerprinted build assets are immutable; the rest of public/ may change. Their
  // brotli/gzip copies made by `npm run build` go out as they are (smaller than on the fly).
  app.use("/build", precompressed("public/build"));
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // The API never serves files: skip the file-system lookup on its hot path (autosave).
  const publicFiles = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) =>
    req.path.startsWith("/api/") ? next() : publicFiles(req, res, next),
  );
  // The app's own time over each request (load-metrics): the static files above are not in it.
  app.use((_req, res, next) => {
    const arrived = performance.now();
    res.once("finish", () => recordRequestTime(performance.now() - arrived));
    next();
  });
  app.use(checkedBody);
  const maxInFlight =
    config.MAX_CONCURRENT_REQUESTS ?? (kind === "postgres" ? 2 * config.DATABASE_POOL_SIZE : 4);
  app.use(
    admissionGate({
      maxInFlight,
      maxQueue: 20 * maxInFlight,
      maxWaitMs: config.REQUEST_QUEUE_TIMEOUT_MS,
    }),
  );
  let publicOrigin = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  const routeChunks = lazyChunks(build);
  app.all(
    "*",
    remixHandler({
      build,
      mode: config.NODE_ENV,
      publicOrigin: () => publicOrigin,
      getLoadContext: (req, res): AppLoadContext => ({
        cspNonce: String(res.locals.cspNonce),
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
        lazyChunks: routeChunks,
      }),
    }),
  );
  app.use(finalErrorHandler);

  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    publicOrigin = config.PUBLIC_URL ?? listeningOrigin(config.HOST, port);
    const where =
      typeof address === "object" && address ? listenUrl(address) : `${config.HOST}:${config.PORT}`;
    console.log(`Mognad listening on ${where} (database: ${kind})`);
  });
  server.on("error", (error) => fail(error));
  handleShutdown(server);
}

/** The address the server listens on, as a browser would reach it. */
function listeningOrigin(host: string, port: number): string {
  const name = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return `http://${name.includes(":") ? `[${name}]` : name}:${port}`;
}

/** Set on SIGTERM/SIGINT: every response from then on closes its connection. */
let stopping = false;

/**
 * How long after SIGTERM a keep-alive socket with no request on it is left open. A
 * client that sends on it in that time is answered (with `Connection: close`); only a
 * socket that stayed idle all along is then closed, so a request crossing the close in
 * the network can only meet a socket its client had no use for.
 */
const IDLE_GRACE_MS = 1_000;

/**
 * SIGTERM/SIGINT, in this order:
 * 1. Stop listening, first: a client that reconnects from now on is refused
 *    (ECONNREFUSED), never accepted and then reset. (Node's `server.close()` closes the
 *    idle connections *before* the listening socket; a client that saw its socket close
 *    could reconnect into the backlog in between and be reset. So not `server.close()`.)
 * 2. Every response from now on carries `Connection: close` (the middleware above): the
 *    client reads the whole answer and then stops using the socket, which Node closes.
 *    Requests in flight finish; new requests on open sockets are served or get 503.
 * 3. After IDLE_GRACE_MS, close the sockets that have no request in flight, every 50 ms.
 * 4. With no connection left, close the database and exit 0.
 */
function handleShutdown(server: Server): void {
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing requests in flight, then closing the database.`);
    const deadline = setTimeout(() => {
      console.error("Shutdown deadline passed; closing the database now.");
      void closeDatabase().finally(() => process.exit(1));
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    let sweep: NodeJS.Timeout | undefined;
    const grace = setTimeout(() => {
      server.closeIdleConnections();
      sweep = setInterval(() => server.closeIdleConnections(), 50);
    }, IDLE_GRACE_MS);
    net.Server.prototype.close.call(server, () => {
      clearTimeout(grace);
      clearInterval(sweep);
      void closeDatabase()
        .then(() => process.exit(0))
        .catch((error: unknown) => fail(error));
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  // A worker whose primary is gone stops too, instead of serving on as an orphan.
  if (cluster.isWorker) process.on("disconnect", () => stop("SIGTERM"));
}

function fail(error: unknown): never {
  console.error(startupErrorLine(error));
  process.exit(1);
}

start().catch(async (error: unknown) => {
  await closeDatabase().catch(() => undefined);
  fail(error);
});
