import { z } from "zod";
import {
  listCompletenessPage,
  streamCompletenessRows,
  type CompletenessRow,
  type StageState,
} from "../../../db/queries/completeness";
import { STAGES } from "../core/dashboard";
import type { CsvSeparator } from "../core/csv";
import type { LanguageId } from "../core/vocabularies";
import type { Translate } from "../view/translate";
import { database } from "./db.server";
import { dashboardNames, type DashboardFilter } from "./dashboard.server";
import { csvStream, exportFilter, localDate, type ExportFile, type Layout } from "./exports.server";
import { getHubConfig } from "./hub.server";
import { translatorFor } from "./i18n.server";

export type { CompletenessRow, StageState };

/** Companies per page of the completeness list. */
export const COMPLETENESS_PAGE_SIZE = 50;

const PageSchema = z.coerce.number().int().min(1).max(1_000_000).default(1);

/** The page asked for (`?page=`, from 1); a bad value is a 400 naming it. */
export function parseCompletenessPage(url: URL): number {
  const parsed = PageSchema.safeParse(url.searchParams.get("page") || undefined);
  if (!parsed.success) throw new Response("page: must be a whole number from 1", { status: 400 });
  return parsed.data;
}

/**
 * One page of the per-company completeness list of the dashboard's slice (every stage, the
 * period by the T0's month): identifiable, for hub leads only, so not under the floor.
 */
export async function completenessPage(filter: DashboardFilter, page: number) {
  const { total, rows } = await listCompletenessPage(database().db, exportFilter(filter), {
    offset: (page - 1) * COMPLETENESS_PAGE_SIZE,
    limit: COMPLETENESS_PAGE_SIZE,
  });
  return { total, rows, page, pages: Math.max(1, Math.ceil(total / COMPLETENESS_PAGE_SIZE)) };
}

/** A stage's state as the list and its CSV show it: the day submitted, "in progress" or empty. */
export function stageText(t: Translate, state: StageState): string {
  if (state.status === "submitted" && state.submittedAt) return localDate(state.submittedAt);
  return state.status === "in_progress" ? t("dashboard.companies.inProgress") : "";
}

/** The furthest submitted stage, worded as the completeness panel's rows. */
export function furthestStage(row: CompletenessRow): string {
  return [...STAGES].reverse().find((s) => row.stages[s].status === "submitted") ?? "none";
}

/** The whole list as a streamed CSV (UTF-8 with BOM), worded in `lang`. */
export async function completenessCsv(
  filter: DashboardFilter,
  lang: LanguageId,
  separator: CsvSeparator,
): Promise<ExportFile> {
  const t = translatorFor(lang);
  const names = await dashboardNames(filter);
  const partners = new Map(getHubConfig().partners.map((p) => [p.id, p.name]));
  const sectorKey = names.customerType === "pso" ? "governmentArea" : "sector";
  const layout: Layout<CompletenessRow> = {
    header: [
      t("dashboard.companies.name"),
      t("dashboard.companies.orgNumber"),
      t("dashboard.region"),
      t(names.customerType === "pso" ? "dashboard.area" : "dashboard.sector"),
      t("dashboard.size"),
      t("dashboard.partner"),
      ...STAGES,
      t("dashboard.companies.status"),
    ],
    line: (row) => [
      row.name,
      row.orgNumber,
      t(`region.${row.region}`),
      row.sector ? t(`${sectorKey}.${row.sector}`) : "",
      t(`sizeClass.${row.sizeClass}`),
      row.partnerId ? (partners.get(row.partnerId) ?? row.partnerId) : "",
      ...STAGES.map((s) => stageText(t, row.stages[s])),
      t(`dashboard.status.${furthestStage(row)}`),
    ],
  };
  const batches = streamCompletenessRows(database().db, exportFilter(filter));
  return {
    filename: `completeness-${filter.definitionId}-${new Date().toISOString().slice(0, 10)}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: csvStream(layout, batches, separator),
  };
}
