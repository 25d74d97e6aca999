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
