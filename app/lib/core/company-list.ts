import { z } from "zod";
import { GOVERNMENT_AREAS, REGIONS, SECTORS, SIZE_CLASSES } from "./vocabularies";

/**
 * The staff client list's query (`/hub/companies?…`): search, filters, sort and page, all
 * in the URL so that a list can be shared and the back button works. Pure: the route parses
 * the query string with `parseCompanyListQuery`, db/queries/company-list.ts runs it.
 */

/** What the company should do next with the hub's main questionnaire. */
export const NEXT_STEPS = ["t1-due", "t2-due", "in-progress", "none"] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export const MAIN_BANDS = ["basic", "average", "moderately_advanced", "advanced"] as const;
/** The main questionnaires (MAIN_DEFINITIONS of next-assessments.ts). */
export const LIST_QUESTIONNAIRES = ["dma-sme", "dma-pso"] as const;

export const SORT_COLUMNS = [
  "name",
  "org",
  "sector",
  "size",
  "region",
  "stage",
  "date",
  "score",
  "change",
  "next",
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

/** A sector of an SME or a government area of a PSO, told apart by a prefix. */
const SECTOR_FILTERS = [...SECTORS.map((s) => `s:${s}`), ...GOVERNMENT_AREAS.map((a) => `g:${a}`)];

const optionalOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .enum(values)
    .optional()
    .catch(() => undefined);

export const CompanyListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .catch((ctx) => (typeof ctx.input === "string" ? ctx.input.trim().slice(0, 100) : ""))
    .default(""),
  next: optionalOf(NEXT_STEPS),
  band: optionalOf(MAIN_BANDS),
  sector: optionalOf(SECTOR_FILTERS as [string, ...string[]]),
  size: optionalOf(SIZE_CLASSES),
  region: optionalOf(REGIONS),
  questionnaire: optionalOf(LIST_QUESTIONNAIRES),
  /** Hub leads only: an adviser's id, or "none" for the companies without an adviser. */
  adviser: z
    .union([z.literal("none"), z.string().uuid()])
    .optional()
    .catch(() => undefined),
  /** Hub leads only: a partner organisation id (the companies of its advisers). */
  partner: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .optional()
    .catch(() => undefined),
  sort: z.enum(SORT_COLUMNS).catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  per: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(DEFAULT_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE),
});

export type CompanyListQuery = z.infer<typeof CompanyListQuerySchema>;

/**
 * The list query of a URL's search parameters. Never fails: a value that is not one of
 * the list's own (an edited or stale URL) is dropped, so the list still answers.
 * The page size is `per` (`size` is the size class filter).
 */
export function parseCompanyListQuery(params: URLSearchParams): CompanyListQuery {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") raw[key] = value;
  return CompanyListQuerySchema.parse(raw);
}

/** The search parameters of a list query, leaving out the defaults (for links). */
export function companyListSearch(query: CompanyListQuery, change: Partial<CompanyListQuery> = {}) {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | undefined, fallback?: string | number) => {
    if (value !== undefined && value !== "" && value !== fallback) params.set(key, String(value));
  };
  set("q", q.q);
  set("next", q.next);
  set("band", q.band);
  set("sector", q.sector);
  set("size", q.size);
  set("region", q.region);
  set("questionnaire", q.questionnaire);
  set("adviser", q.adviser);
  set("partner", q.partner);
  set("sort", q.sort, "name");
  set("dir", q.dir, "asc");
  set("per", q.per, DEFAULT_PAGE_SIZE);
  set("page", q.page, 1);
  const text = params.toString();
  return text ? `?${text}` : "";
}
