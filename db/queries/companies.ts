import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

/** Number of companies stored. */
export async function countCompanies(db: Executor): Promise<number> {
  const row = await db
    .selectFrom("companies")
    .select(sql<number>`count(*)::int`.as("count"))
    .executeTakeFirstOrThrow();
  return row.count;
}
