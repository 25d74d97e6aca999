import type { Kysely, Transaction } from "kysely";
import {
  applyCompanyRollups,
  rebuildDashboardRollups,
  type RollupNaming,
} from "../../../db/queries/dashboard";
import type { Database } from "../../../db/schema";
import { OVERALL_METRIC } from "../core/benchmark";

const NAMING: RollupNaming = { overallMetric: OVERALL_METRIC };

/**
 * Runs `change` (a write to the companies' assessments, assignments or advisers) inside
 * `trx` with the companies' dashboard rollups kept current: their contribution is
 * withdrawn before and added again after, so the rollups always equal a rebuild
 * (docs/decisions/018-dashboard-rollups.md).
 */
export async function withDashboardRollups<T>(
  trx: Transaction<Database>,
  companyIds: readonly string[],
  change: () => Promise<T>,
): Promise<T> {
  await applyCompanyRollups(trx, companyIds, -1, NAMING);
  const result = await change();
  await applyCompanyRollups(trx, companyIds, 1, NAMING);
  return result;
}

/** Withdraws the companies' contributions from the rollups, before a write inside `trx`. */
export function withdrawFromDashboardRollups(
  trx: Transaction<Database>,
  companyIds: readonly string[],
): Promise<void> {
  return applyCompanyRollups(trx, companyIds, -1, NAMING);
}

/** Adds the companies' contributions to the rollups, after a write (or a creation) in `trx`. */
export function addToDashboardRollups(
  trx: Transaction<Database>,
  companyIds: readonly string[],
): Promise<void> {
  return applyCompanyRollups(trx, companyIds, 1, NAMING);
}

/** Rebuilds the dashboard rollups from the stored rows (demo data, benchmarks). */
export function rebuildDashboard(db: Kysely<Database>): Promise<void> {
  return rebuildDashboardRollups(db, NAMING);
}
