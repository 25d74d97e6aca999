import { z } from "zod";
import {
  latestServiceVersions,
  readRollups,
  type RollupFilter,
  type RollupSliceColumn,
} from "../../../db/queries/dashboard";
import { OVERALL_METRIC } from "../core/benchmark";
import {
  buildDashboard,
  DASHBOARD_TABLES,
  NO_PARTNER,
  STAGES,
  type Dashboard,
} from "../core/dashboard";
import { CSV_BOM, csvLine, type CsvSeparator } from "../core/csv";
import { tableCsvRows, type DashboardLabels } from "../view/dashboard-view";
import { translatorFor } from "./i18n.server";
import { compareVersions, majorOf } from "../core/definitions";
import { SERVICE_CATEGORIES } from "../core/service-catalogue";
import {
  GOVERNMENT_AREAS,
  REGIONS,
  SECTORS,
  SIZE_CLASSES,
  type CustomerTypeId,
  type LanguageId,
} from "../core/vocabularies";
import { database } from "./db.server";
import { getDefinitionRegistry, type DefinitionEntry } from "./definitions.server";
import { getHubConfig } from "./hub.server";
import { MAIN_DEFINITIONS } from "../core/next-assessments";

const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month (YYYY-MM)")
  .optional()
  .or(z.literal("").transform(() => undefined));

const optional = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .enum(values)
    .optional()
    .or(z.literal("").transform(() => undefined));

export { NO_PARTNER };

/**
 * The dashboard's query string (shareable): questionnaire as `id@major`, period, stage,
 * region, sector (an SME's) or government area (a PSO's), size class, partner organisation
 * and the metric of the histogram.
 */
const DashboardQuerySchema = z.object({
  q: z
    .string()
    .regex(/^[a-z0-9-]+@\d+$/, "must be a questionnaire and major version, e.g. dma-sme@1")
    .optional(),
  from: MonthSchema,
  to: MonthSchema,
  stage: optional(STAGES),
  region: optional(REGIONS),
  sector: optional([...SECTORS, ...GOVERNMENT_AREAS] as [string, ...string[]]),
  size: optional(SIZE_CLASSES),
  partner: z.string().max(100).optional(),
  metric: z.string().max(100).optional(),
});

/** A parsed and checked dashboard filter. */
export interface DashboardFilter {
  definitionId: string;
  definitionMajor: number;
  from?: string;
  to?: string;
  stage?: string;
  region?: string;
  sector?: string;
  size?: string;
  partner?: string;
  metric: string;
}

/** A questionnaire (major version) the dashboard can show. */
export interface DashboardQuestionnaire {
  key: string;
  definitionId: string;
  major: number;
  customerType: CustomerTypeId;
  entry: DefinitionEntry;
}

/** Every published questionnaire by major version, the latest version of each. */
export function dashboardQuestionnaires(): DashboardQuestionnaire[] {
  const registry = getDefinitionRegistry();
  const out: DashboardQuestionnaire[] = [];
  for (const { id, versions } of registry.list()) {
    const majors = new Map<number, string>();
    for (const version of versions) {
      const major = majorOf(version);
      const known = majors.get(major);
      if (!known || compareVersions(version, known) > 0) majors.set(major, version);
    }
    for (const [major, version] of majors) {
      const entry = registry.get(id, version);
      if (!entry) continue;
      out.push({
        key: `${id}@${major}`,
        definitionId: id,
        major,
        customerType: id === MAIN_DEFINITIONS.pso ? "pso" : "sme",
        entry,
      });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

function badRequest(message: string): Response {
  return new Response(message, { status: 400 });
}

/**
 * Parses the dashboard's query string; a bad value is a 400 naming the parameter (never a
 * 500, never a silently different slice). Without `q`, the companies' questionnaire.
 */
export function parseDashboardQuery(url: URL): DashboardFilter {
  const parsed = DashboardQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`${issue.path.join(".")}: ${issue.message}`);
  }
  const query = parsed.data;
  const questionnaires = dashboardQuestionnaires();
  const fallback =
    questionnaires.filter((q) => q.definitionId === MAIN_DEFINITIONS.sme).at(-1) ??
    questionnaires[0];
  const questionnaire = query.q ? questionnaires.find((q) => q.key === query.q) : fallback;
  if (!questionnaire) throw badRequest("q: no such questionnaire");
  const metrics = [...questionnaire.entry.definition.dimensions.map((d) => d.id), OVERALL_METRIC];
  const metric = query.metric || OVERALL_METRIC;
  if (!metrics.includes(metric)) throw badRequest("metric: not a dimension of the questionnaire");
  const partners = getHubConfig().partners.map((p) => p.id);
  if (query.partner && query.partner !== NO_PARTNER && !partners.includes(query.partner)) {
    throw badRequest("partner: no such partner organisation");
  }
  if (query.from && query.to && query.from > query.to) {
    throw badRequest("to: must not be before from");
  }
  return {
    definitionId: questionnaire.definitionId,
    definitionMajor: questionnaire.major,
    from: query.from,
    to: query.to,
    stage: query.stage,
    region: query.region,
    sector: query.sector,
    size: query.size,
    partner: query.partner || undefined,
    metric,
  };
}

function rollupFilter(filter: DashboardFilter): RollupFilter {
  const equals: Partial<Record<RollupSliceColumn, string>> = {};
  if (filter.stage) equals.stage = filter.stage;
  if (filter.region) equals.region = filter.region;
  if (filter.sector) equals.sector = filter.sector;
  if (filter.size) equals.size_class = filter.size;
  if (filter.partner) equals.partner_id = filter.partner === NO_PARTNER ? "" : filter.partner;
  return {
    definitionId: filter.definitionId,
    definitionMajor: filter.definitionMajor,
    from: filter.from && `${filter.from}-01`,
    to: filter.to && `${filter.to}-01`,
    equals,
  };
}

/** Every panel of the dashboard for one filter, from the rollups (a few index ranges). */
export async function dashboardOf(filter: DashboardFilter): Promise<Dashboard> {
  const { db } = database();
  const slice = rollupFilter(filter);
  const questionnaire = dashboardQuestionnaires().find(
    (q) => q.definitionId === filter.definitionId && q.major === filter.definitionMajor,
  );
  if (!questionnaire) throw badRequest("q: no such questionnaire");
  const { definition } = questionnaire.entry;
  const overall = { metric: OVERALL_METRIC };
  const [
    activity,
    standing,
    region,
    sector,
    size,
    recommended,
    delivered,
    effect,
    completeness,
    services,
  ] = await Promise.all([
    readRollups(db, slice, ["started", "submitted"], { groupBy: "month", ignore: ["stage"] }),
    readRollups(db, slice, ["score", "band"]),
    readRollups(db, slice, ["score"], { ...overall, groupBy: "region" }),
    readRollups(db, slice, ["score"], { ...overall, groupBy: "sector" }),
    readRollups(db, slice, ["score"], { ...overall, groupBy: "size_class" }),
    // Companies the service was recommended to: at the chosen stage, or at any stage.
    filter.stage
      ? readRollups(db, slice, ["recommended"])
      : readRollups(db, slice, ["recommended-any"], { ignore: ["stage"] }),
    // A delivery belongs to the company, not to one of its assessments.
    readRollups(db, slice, ["delivered"], { ignore: ["stage"] }),
    readRollups(db, slice, ["change", "improved", "received"], { ignore: ["stage"] }),
    readRollups(db, slice, ["status"], { ignore: ["stage"] }),
    latestServiceVersions(db),
  ]);
  return buildDashboard({
    dimensions: definition.dimensions.map((d) => d.id),
    bands: definition.bands.map((b) => b.id),
    services: new Map(services.map((s) => [s.serviceId, s.category])),
    categories: SERVICE_CATEGORIES,
    histogramMetric: filter.metric,
    activity,
    standing,
    breakdowns: { region, sector, size_class: size },
    demand: [...recommended.map((c) => ({ ...c, measure: "recommended" })), ...delivered],
    effect,
    completeness,
  });
}

/** What the dashboard's tables name by id: dimensions, bands, services and partners. */
export type DashboardNames = DashboardLabels;

/** The names of the filter's questionnaire, the services and the partner organisations. */
export async function dashboardNames(filter: DashboardFilter): Promise<DashboardNames> {
  const questionnaire = dashboardQuestionnaires().find(
    (q) => q.definitionId === filter.definitionId && q.major === filter.definitionMajor,
  );
  if (!questionnaire) throw badRequest("q: no such questionnaire");
  const { definition } = questionnaire.entry;
  const services = await latestServiceVersions(database().db);
  return {
    customerType: questionnaire.customerType,
    metrics: Object.fromEntries(definition.dimensions.map((d) => [d.id, d.name])),
    bands: Object.fromEntries(definition.bands.map((b) => [b.id, b.name])),
    services: Object.fromEntries(services.map((s) => [s.serviceId, s.name])),
    partners: Object.fromEntries(getHubConfig().partners.map((p) => [p.id, p.name])),
  };
}

const CsvQuerySchema = z.object({
  table: z.enum(DASHBOARD_TABLES),
  sep: z.enum(["comma", "semicolon"]).optional(),
});

/**
 * One dashboard table as a CSV download (UTF-8 with BOM), worded in `lang` exactly as the
 * page shows it. `?table=` names it; `?sep=` picks the separator (default: `;` in Swedish,
 * `,` in English).
 */
export async function dashboardCsv(
  filter: DashboardFilter,
  url: URL,
  lang: LanguageId,
): Promise<{ filename: string; body: string }> {
  const parsed = CsvQuerySchema.safeParse({
    table: url.searchParams.get("table") ?? undefined,
    sep: url.searchParams.get("sep") || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`${issue.path.join(".")}: ${issue.message}`);
  }
  const { table, sep } = parsed.data;
  const separator: CsvSeparator =
    (sep ?? (lang === "sv" ? "semicolon" : "comma")) === "semicolon" ? ";" : ",";
  const [dashboard, labels] = await Promise.all([dashboardOf(filter), dashboardNames(filter)]);
  const rows = tableCsvRows(translatorFor(lang), dashboard[table], labels, lang);
  const day = new Date().toISOString().slice(0, 10);
  return {
    filename: `dashboard-${table}-${day}.csv`,
    body: CSV_BOM + rows.map((row) => csvLine(row, separator)).join(""),
  };
}
