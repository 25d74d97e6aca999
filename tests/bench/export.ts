/**
 * `npm run bench:export` (after `npm run bench:seed -- <n>`): downloads the DMA results of
 * every seeded assessment over HTTP from the production build, as CSV and as XLSX, and
 * prints rows per second, the time to the first byte and the server's peak RSS growth
 * (sampled from /proc every 50 ms). Targets: CSV ≥ 100,000 rows/s, XLSX ≥ 20,000 rows/s,
 * RSS growth ≤ 100 MB.
 *
 * Wall-clock rows/s measure the machine's load as much as the export, so it also prints
 * the CPU seconds the server and the benchmark database's PostgreSQL backends spent per
 * 100,000 rows (from /proc), and the rate they allow on an idle machine with a core each:
 * the server and PostgreSQL work in parallel (the next page is read while one is written),
 * so the busier of the two sets the pace (decision 032). One full CSV export goes first,
 * unmeasured: the figures are those of a server that has been up a while.
 */
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { sql } from "kysely";
import { closeDatabase, database, openDatabase } from "../../app/lib/server/db.server";
import { createStaffAccount } from "../../app/lib/server/staff.server";
import { findUserByEmail } from "../../db/queries/staff";
import { startServer } from "../e2e/server";
import { benchDatabaseUrl } from "./bench-db";

const EMAIL = "bench.lead@example.se";
const PASSWORD = "a long bench passphrase 42";
const url = await benchDatabaseUrl();
process.env.DATABASE_URL = url;
process.env.SEED_DEMO_DATA = "never";
await openDatabase();
const { rows } = await sql<{ n: number }>`
  select count(*)::int as n from assessments where status = 'submitted'
`.execute(database().db);
if (rows[0].n === 0)
  throw new Error("the benchmark database is empty: run npm run bench:seed first");
if (!(await findUserByEmail(database().db, EMAIL))) {
  await createStaffAccount(
    { email: EMAIL, name: "Bench Lead", role: "hub_lead" },
    { actor: null, ip: null },
    { password: PASSWORD },
  );
}
await closeDatabase();
console.log(`benchmark database: ${rows[0].n.toLocaleString("en")} submitted assessments`);

const server = await startServer({ SEED_DEMO_DATA: "never" }, { sharedDatabaseUrl: url });
const databaseName = new URL(url).pathname.slice(1);
/** CPU seconds (user and system) a process has spent, from /proc/<pid>/stat. */
const cpuSeconds = (pid: number | string) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
/** CPU seconds (user and system) of a process's children that ended and were waited for. */
const childrenSeconds = (pid: number | string) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100;
};
/**
 * CPU seconds spent by the PostgreSQL backends connected to the benchmark database, and by
 * the processes the postmaster reaped meanwhile: a query's parallel workers live only as
 * long as the query (their command line does not name the database), so their time is
 * counted when they end. Any other of the server's processes that ends during the
 * measurement counts too (an autovacuum worker, another database's session): printed apart.
 */
const postgresSeconds = () => {
  let total = 0;
  let postmaster = "";
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (command.startsWith("postgres:") && command.includes(` ${databaseName} `)) {
        total += cpuSeconds(pid);
        postmaster = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1];
      }
    } catch {
      // The process ended (or is another user's): it is not one of ours.
    }
  }
  return { backends: total, ended: postmaster ? childrenSeconds(postmaster) : 0 };
};
const rss = () => {
  const status = readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
};
try {
  const login = await fetch(`${server.url}/hub/login`, {
    method: "POST",
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD }),
    headers: { Origin: server.url },
    redirect: "manual",
  });
  const cookie = login.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in failed: ${login.status}`);
  // Warm up: the first export loads the definitions and the export code, and the first
  // full one after the start cost PostgreSQL about 1 s more per 100,000 rows (0.84 s against
  // 1.92 s the run before, measured back to back): a server that has been up a while is
  // what the figures describe, so one full CSV export goes first, unmeasured.
  for (const query of ["format=xlsx&from=2099-01", "format=csv&q=dma-sme@1"]) {
    await fetch(`${server.url}/hub/exports/download?kind=dma-results&${query}`, {
      headers: { Cookie: cookie },
    }).then((r) => r.arrayBuffer());
  }
  for (const format of (process.env.BENCH_FORMATS?.split(",") ?? ["csv", "xlsx"]) as (
    "csv" | "xlsx"
  )[]) {
    const before = rss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 50);
    const serverBefore = cpuSeconds(server.process.pid ?? 0);
    const postgresBefore = postgresSeconds();
    const start = performance.now();
    const response = await fetch(
      `${server.url}/hub/exports/download?kind=dma-results&format=${format}&q=dma-sme@1`,
      { headers: { Cookie: cookie } },
    );
    if (!response.ok || !response.body) throw new Error(`export failed: ${response.status}`);
    let bytes = 0;
    let first = 0;
    let newlines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (bytes === 0) first = performance.now() - start;
      bytes += chunk.length;
      if (format === "csv") for (const byte of chunk) if (byte === 10) newlines++;
    }
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rss());
    const serverCpu = cpuSeconds(server.process.pid ?? 0) - serverBefore;
    const postgresAfter = postgresSeconds();
    const backendsCpu = postgresAfter.backends - postgresBefore.backends;
    const endedCpu = postgresAfter.ended - postgresBefore.ended;
    const postgresCpu = backendsCpu + endedCpu;
    const exported = format === "csv" ? newlines - 1 : rows[0].n;
    const per100k = (seconds: number) => ((seconds / exported) * 100_000).toFixed(2);
    console.log(
      `${format.padEnd(5)} ${exported.toLocaleString("en")} rows in ${seconds.toFixed(2)} s: ` +
        `${Math.round(exported / seconds).toLocaleString("en")} rows/s, first byte after ` +
        `${first.toFixed(0)} ms, ${(bytes / 1e6).toFixed(1)} MB, server RSS growth ` +
        `${((peak - before) / 1e6).toFixed(1)} MB, load average ` +
        `${loadavg()[0].toFixed(1)}\n` +
        `      CPU per 100,000 rows: server ${per100k(serverCpu)} s, PostgreSQL ` +
        `${per100k(postgresCpu)} s (backends ${per100k(backendsCpu)} s, ended processes ` +
        `${per100k(endedCpu)} s); on an idle machine at most ` +
        `${Math.round(exported / Math.max(serverCpu, postgresCpu)).toLocaleString("en")} rows/s`,
    );
  }
} finally {
  await server.stop();
}
