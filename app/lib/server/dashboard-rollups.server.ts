import type { Kysely } from "kysely";
import { rebuildDashboardRollups, type RollupNaming } from "../../../db/queries/dashboard";
import type { Database } from "../../../db/schema";
import { OVERALL_METRIC } from "../core/benchmark";
import { SERVICE_CATEGORIES } from "../core/service-catalogue";

/** How the rollups name the overall score, and the service categories (the core's facts). */
export const ROLLUP_NAMING: RollupNaming = {
  overallMetric: OVERALL_METRIC,
  categories: SERVICE_CATEGORIES,
};

/**
 * Rebuilds the dashboard rollups from the stored rows (demo data, benchmarks). Every write
 * keeps them current through withCompanyChange (company-changes.server.ts).
 */
export function rebuildDashboard(db: Kysely<Database>): Promise<void> {
  return rebuildDashboardRollups(db, ROLLUP_NAMING);
}
