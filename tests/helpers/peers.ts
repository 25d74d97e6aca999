import { sql } from "kysely";
import { luhnCheckDigit } from "../../app/lib/core/org-number";
import { database } from "../../app/lib/server/db.server";
import { setPeerConfirmation } from "../../app/lib/server/peer-confirmation.server";
import { hashResumeToken } from "../../app/lib/server/resume-token.server";

/** Every row of the benchmark tables, in a stable order (to compare with a rebuild). */
export async function benchmarkTables() {
  const db = database().db;
  const rows = await Promise.all([
    sql`select * from peer_members order by member_key, definition_id`.execute(db),
    sql`select definition_id, definition_major, group_kind, group_value, metric, bucket, count
        from peer_histograms where count <> 0 order by 1, 2, 3, 4, 5, 6`.execute(db),
    sql`select definition_id, definition_major, group_kind, group_value, metric, bucket, score_key, count
        from peer_scores where count <> 0 order by 1, 2, 3, 4, 5, 6, 7`.execute(db),
  ]);
  return rows.map((r) => r.rows);
}

let orgNumbers = 0;

/**
 * A valid Swedish organisation number (NNNNNN-NNNN): a new one on each call, or the `n`th
 * again to make two companies one organisation.
 */
export function newOrgNumber(n = ++orgNumbers): string {
  const nine = `55${String(1_000_000 + n).slice(-7)}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

/** The company of an assessment's private link. */
export async function companyOfToken(token: string): Promise<string> {
  const row = await database()
    .db.selectFrom("assessments")
    .select("company_id")
    .where("resume_token_hash", "=", hashResumeToken(token))
    .executeTakeFirstOrThrow();
  return row.company_id;
}

/** Confirms (or un-confirms) the company of a link as a genuine customer, as the hub would. */
export async function confirmCompanyOf(token: string, confirmed = true): Promise<void> {
  await setPeerConfirmation(await companyOfToken(token), confirmed, { actor: null, ip: null });
}
