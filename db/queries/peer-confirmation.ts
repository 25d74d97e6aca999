import type { Executor } from "../database";
import type { Transaction } from "kysely";
import type { Database } from "../schema";

/** A company's confirmation for peer statistics, with the confirming staff member's name. */
export async function findPeerConfirmation(db: Executor, companyId: string) {
  return db
    .selectFrom("companies as c")
    .leftJoin("users as u", "u.id", "c.peer_confirmed_by")
    .select(["c.peer_confirmed_at", "u.name as confirmed_by_name", "c.consent_benchmark_at"])
    .where("c.id", "=", companyId)
    .executeTakeFirst();
}

/**
 * Sets or clears a company's confirmation, locking its row; returns the company's peer key
 * when the state changed, undefined when it was already so (or there is no such company).
 */
export async function updatePeerConfirmation(
  trx: Transaction<Database>,
  companyId: string,
  change: { confirmed: boolean; by: string | null; at: Date },
): Promise<{ peer_key: string } | undefined> {
  return trx
    .updateTable("companies")
    .set(
      change.confirmed
        ? { peer_confirmed_at: change.at, peer_confirmed_by: change.by }
        : { peer_confirmed_at: null, peer_confirmed_by: null },
    )
    .where("id", "=", companyId)
    .where("peer_confirmed_at", change.confirmed ? "is" : "is not", null)
    .returning("peer_key")
    .executeTakeFirst();
}
