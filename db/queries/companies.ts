import { sql } from "kysely";
import type { Executor } from "../database";

/** Number of companies stored. */
export async function countCompanies(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("companies")
    .select(sql<number>`count(*)::int`.as("count"))
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Company id → its peer key (the organisation it is in the benchmarks). */
export async function peerKeysOf(
  db: Executor,
  companyIds: readonly string[],
): Promise<Map<string, string>> {
  if (companyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("companies")
    .select(["id", "peer_key"])
    .where("id", "in", companyIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.peer_key]));
}
