/**
 * The hub's confirmation that an organisation is a genuine customer: only confirmed
 * organisations count in peer statistics (docs/decisions/015-confirmed-peer-population.md).
 * The guard (`requireCompanyPermission(…, "company.peers.confirm")`) decides who may.
 */
import {
  findPeerConfirmation,
  updatePeerConfirmation,
} from "../../../db/queries/peer-confirmation";
import { isUuid } from "../../../db/queries/staff";
import { audit } from "./audit.server";
import { database } from "./db.server";
import { withCompanyChange } from "./company-changes.server";
import type { By } from "./staff.server";

/** Whether and by whom an organisation is confirmed, for the staff company page. */
export interface PeerConfirmation {
  confirmedAt: Date | null;
  /** The name of who confirmed it (null for demo data or a removed account). */
  confirmedBy: string | null;
  consentBenchmark: boolean;
}

/** The confirmation state of a company (undefined when there is no such company). */
export async function peerConfirmationOf(companyId: string): Promise<PeerConfirmation | undefined> {
  if (!isUuid(companyId)) return undefined;
  const row = await findPeerConfirmation(database().db, companyId);
  return (
    row && {
      confirmedAt: row.peer_confirmed_at,
      confirmedBy: row.confirmed_by_name,
      consentBenchmark: row.consent_benchmark_at !== null,
    }
  );
}

/**
 * Confirms an organisation as a genuine customer (or withdraws the confirmation), and in the
 * same transaction moves its organisation's member of every questionnaire it submitted in
 * or out of the benchmark tables, and writes the audit entry. Idempotent: returns false
 * (and logs nothing) when the state was already the one asked for.
 */
export async function setPeerConfirmation(
  companyId: string,
  confirmed: boolean,
  by: By,
  now = new Date(),
): Promise<boolean> {
  return database()
    .db.transaction()
    .execute(async (trx) => {
      // The hook moves its organisation's member of every questionnaire in or out.
      const company = await withCompanyChange(trx, [companyId], () =>
        updatePeerConfirmation(trx, companyId, {
          confirmed,
          by: by.actor?.id ?? null,
          at: now,
        }),
      );
      if (!company) return false;
      await audit(
        {
          actor: by.actor,
          action: confirmed ? "company.peers_confirmed" : "company.peers_unconfirmed",
          target: { type: "company", id: companyId },
          ip: by.ip,
        },
        trx,
      );
      return true;
    });
}
