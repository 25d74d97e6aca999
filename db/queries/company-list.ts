import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../database";
import type { CompanyLatestTable } from "../schema";

/** What the client list filters and sorts by (app/lib/core/company-list.ts parses it). */
export interface CompanyListFilter {
  /** Only the companies assigned to this adviser that consented to share with advisers. */
  adviserScope?: string;
  /** The search term folded (foldForSearch) and its digits, for the org number. */
  search?: { folded: string; digits: string };
  nextStep?: string;
  band?: string;
  /** `s:<sector>` or `g:<government area>`. */
  sector?: string;
  sizeClass?: string;
  region?: string;
  questionnaire?: string;
  /** An adviser's id, or "none". */
  adviser?: string;
  partner?: string;
  sort: string;
  dir: "asc" | "desc";
  limit: number;
  offset: number;
}

/**
 * One row of the client list: the company, its list row (`change` is the latest overall
 * score minus the previous stage's, same questionnaire and major) and its advisers.
 */
export interface CompanyListRow extends Omit<CompanyLatestTable, "company_id" | "sort_name"> {
  id: string;
  name: string;
  org_number: string | null;
  customer_type: string;
  primary_sector: string | null;
  primary_area: string | null;
  size_class: string;
  region: string;
  advisers: string[];
}

/** The sort expression of each company column, on the companies `c`. */
const COMPANY_SORTS: Record<string, RawBuilder<unknown>> = {
  org: sql`c.org_number`,
  sector: sql`coalesce(c.primary_sector, c.primary_area)`,
  size: sql`array_position(array['micro','small','medium','large'], c.size_class)`,
  region: sql`c.region`,
};

/** The list row's sorts that migration 0022 indexes behind a band or next-step filter. */
const LATEST_SORTS: Record<string, string> = {
  date: "latest_at",
  score: "overall_score",
  change: "change",
};

/**
 * The order of the list: the column, then the name (Swedish order, decision 029) and the
 * id, ascending. Filtered on the list row (`onLatest`: band or next step), every key is a
 * column of `company_latest` `l`, so one of its filter + sort indexes returns the page in
 * order without sorting every matching row.
 */
function orderSql(column: string, dir: "asc" | "desc", onLatest: boolean): RawBuilder<unknown> {
  const d = dir === "desc" ? sql`desc` : sql`asc`;
  const ties = onLatest ? sql`l.sort_name, l.company_id` : sql`c.sort_name, c.id`;
  if (column === "name") {
    return onLatest ? sql`l.sort_name ${d}, l.company_id ${d}` : sql`c.sort_name ${d}, c.id ${d}`;
  }
  const latest = LATEST_SORTS[column];
  if (latest) return sql`${sql.ref(`l.${latest}`)} ${d} nulls last, ${ties}`;
  if (column === "stage") return sql`l.latest_stage ${d} nulls last, ${ties}`;
  if (column === "next") return sql`coalesce(l.next_step, 'none') ${d}, ${ties}`;
  const company = COMPANY_SORTS[column];
  return company ? sql`${company} ${d} nulls last, ${ties}` : sql`c.sort_name ${d}, c.id ${d}`;
}

/** The count stops here: past it the list says "more than 10,000" (decision 029). */
export const COUNT_CAP = 10_000;

function like(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * A page of the client list and the number of rows of all pages (at most COUNT_CAP, or the
 * rows up to this page's end; `more` when there are more): each company with its
 * list row (company_latest: the latest submitted main assessment, the change since the
 * previous stage, the next step; kept current at every write, decision 024) and its
 * advisers. The search uses the trigram index on `companies.search_name` (and the org
 * number's prefix index).
 */
export async function listCompanyPage(
  db: Executor,
  f: CompanyListFilter,
): Promise<{ rows: CompanyListRow[]; total: number; more: boolean }> {
  const where: RawBuilder<unknown>[] = [sql`true`];
  if (f.adviserScope) {
    where.push(sql`c.consent_advisers_at is not null and exists (
      select 1 from company_assignments ca where ca.company_id = c.id and ca.user_id = ${f.adviserScope})`);
  }
  if (f.search && f.search.folded !== "") {
    const byName = sql`c.search_name like ${`%${like(f.search.folded)}%`}`;
    where.push(
      f.search.digits.length >= 4
        ? sql`(${byName} or c.org_number like ${`${f.search.digits}%`})`
        : byName,
    );
  }
  if (f.sector?.startsWith("s:")) where.push(sql`c.primary_sector = ${f.sector.slice(2)}`);
  if (f.sector?.startsWith("g:")) where.push(sql`c.primary_area = ${f.sector.slice(2)}`);
  if (f.sizeClass) where.push(sql`c.size_class = ${f.sizeClass}`);
  if (f.region) where.push(sql`c.region = ${f.region}`);
  if (f.adviser === "none") {
    where.push(sql`not exists (select 1 from company_assignments ca where ca.company_id = c.id)`);
  } else if (f.adviser) {
    where.push(sql`exists (select 1 from company_assignments ca
      where ca.company_id = c.id and ca.user_id = ${f.adviser})`);
  }
  if (f.partner) {
    where.push(sql`exists (select 1 from company_assignments ca join users u on u.id = ca.user_id
      where ca.company_id = c.id and u.partner_id = ${f.partner})`);
  }
  // Conditions on the companies end here; the rest are on the list row only.
  const onCompanies = where.length > 1;
  // Every company has its list row (migration 0025), "none" included.
  if (f.nextStep) where.push(sql`l.next_step = ${f.nextStep}`);
  if (f.band) where.push(sql`l.band = ${f.band}`);
  if (f.questionnaire) where.push(sql`l.definition_id = ${f.questionnaire}`);
  const onLatest = f.band !== undefined || f.nextStep !== undefined;
  const from = sql`companies c left join company_latest l on l.company_id = c.id
    where ${sql.join(where, sql` and `)}`;

  const [result, counted] = await Promise.all([
    sql<Omit<CompanyListRow, "advisers">>`
      select c.id, c.name, c.org_number, c.customer_type, c.primary_sector, c.primary_area,
        c.size_class, c.region, l.latest_stage, l.latest_at, l.definition_id, l.overall_score,
        l.band, l.change, coalesce(l.next_step, 'none') as next_step
      from ${from}
      order by ${orderSql(f.sort, f.dir, onLatest)}
      limit ${f.limit} offset ${f.offset}`.execute(db),
    // An exact count of a million rows is slow: count up to the cap (or just past the page),
    // from the list row's index alone when no condition is on the companies (every list row
    // has its company: the foreign key cascades).
    sql<{ total: number }>`select count(*)::int as total from (select 1 from ${
      onLatest && !onCompanies ? sql`company_latest l where ${sql.join(where, sql` and `)}` : from
    } limit ${Math.max(COUNT_CAP, f.offset + f.limit) + 1}) capped`.execute(db),
  ]);

  const rows = result.rows;
  const names =
    rows.length === 0
      ? []
      : await db
          .selectFrom("company_assignments as ca")
          .innerJoin("users as u", "u.id", "ca.user_id")
          .select(["ca.company_id", "u.name"])
          .where(
            "ca.company_id",
            "in",
            rows.map((r) => r.id),
          )
          .orderBy("u.name")
          .execute();
  const total = counted.rows[0]?.total ?? 0;
  const cap = Math.max(COUNT_CAP, f.offset + f.limit);
  return {
    total: Math.min(total, cap),
    more: total > cap,
    rows: rows.map((row) => ({
      ...row,
      advisers: names.filter((n) => n.company_id === row.id).map((n) => n.name),
    })),
  };
}
