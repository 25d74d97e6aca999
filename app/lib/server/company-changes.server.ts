import type { Transaction } from "kysely";
import {
  applyCompanyRollups,
  lockCompanies,
  readCompanyContribution,
  type ContributionRow,
} from "../../../db/queries/dashboard";
import { listCompanyPeerSlots } from "../../../db/queries/peers";
import type { Database } from "../../../db/schema";
import { ROLLUP_NAMING } from "./dashboard-rollups.server";
import { lockPeerSlots, syncCompanyPeerSlots } from "./peers.server";

/** What a write tells the hook beyond the companies it changes. */
export interface CompanyChangeOptions {
  /**
   * Company id → the peer key it had before the change, when the change alters it (an
   * erasure): the slots of that key are brought to the rule too.
   */
  formerPeerKeys?: ReadonlyMap<string, string>;
  /**
   * The companies were inserted in this very transaction (a new assessment's company):
   * no other write can see them, and they have no assessment yet, so there is nothing to
   * lock and no contribution to withdraw before the change (three statements, one of them
   * the rollups' large contribution query, off the creation's path).
   */
  created?: boolean;
}

/**
 * The one hook every write to an organisation goes through: its assessments, submissions,
 * profile, consents, advisers, delivered services, erasure. Runs `change` inside `trx` and
 * keeps every table derived from the companies equal to a rebuild: the dashboard rollups
 * (the companies' contribution read before and the difference to it applied after, in one
 * statement at the end, docs/decisions/018-dashboard-rollups.md) and the peer statistics (each of their slots
 * brought to the membership rule after, docs/decisions/001 and 015).
 *
 * Locks first the company rows, then every peer slot of their assessments, each in key
 * order, so that two writes never wait on each other in opposite orders (a submission
 * locks its slot again inside `change`; the lock is re-entrant).
 */
export async function withCompanyChange<T>(
  trx: Transaction<Database>,
  companyIds: readonly string[],
  change: () => Promise<T>,
  options: CompanyChangeOptions = {},
): Promise<T> {
  const ids = [...new Set(companyIds)].sort();
  let before: ContributionRow[] = [];
  if (!options.created) {
    await lockCompanies(trx, ids);
    const formerKeys = [...(options.formerPeerKeys?.values() ?? [])];
    await lockPeerSlots(trx, await listCompanyPeerSlots(trx, ids, formerKeys));
    before = await readCompanyContribution(trx, ids, ROLLUP_NAMING);
  }
  const result = await change();
  for (const id of ids) await syncCompanyPeerSlots(trx, id, options.formerPeerKeys?.get(id));
  await applyCompanyRollups(trx, ids, before, ROLLUP_NAMING);
  return result;
}
