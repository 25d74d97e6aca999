/**
 * What bench:seed and bench:results share: the benchmark database (`mognad_bench` on the
 * server of DATABASE_URL, or BENCH_DATABASE_URL) and the private link of the k-th seeded
 * assessment (derived, so that bench:results can open any of them).
 */
import { createHash } from "node:crypto";
import pg from "pg";

const SERVER_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

/**
 * The benchmark database's URL. `fresh` drops and recreates it (bench:seed starts from an
 * empty database); otherwise it is created when missing.
 */
export async function benchDatabaseUrl(options: { fresh?: boolean } = {}): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const url = new URL(SERVER_URL);
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    if (options.fresh) await admin.query("drop database if exists mognad_bench with (force)");
    const exists = await admin.query("select 1 from pg_database where datname = 'mognad_bench'");
    if (exists.rowCount === 0) await admin.query("create database mognad_bench");
  } finally {
    await admin.end();
  }
  url.pathname = "/mognad_bench";
  return url.toString();
}

/** The private link's token of the k-th seeded assessment (32 base64url characters). */
export function benchToken(k: number): string {
  return createHash("sha256").update(`mognad-bench-${k}`).digest("base64url").slice(0, 32);
}
