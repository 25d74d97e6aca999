import type { Kysely } from "kysely";
import type { Database, NewCompany } from "./schema";

/** A generated demo data set (see app/lib/demo-data.ts, which draws it). */
export interface DemoData {
  companies: NewCompany[];
}

// Well below PostgreSQL's 32,767 bind parameters per statement (16 columns a row).
const BATCH_ROWS = 1_000;

/** Inserts a demo data set in one transaction. */
export async function insertDemoData(db: Kysely<Database>, data: DemoData): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < data.companies.length; i += BATCH_ROWS) {
      await trx
        .insertInto("companies")
        .values(data.companies.slice(i, i + BATCH_ROWS))
        .execute();
    }
  });
}
