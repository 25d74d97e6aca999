import { sql, type RawBuilder } from "kysely";
import type { Executor } from "../database";

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

/** One row of the client list. */
export interface CompanyListRow {
  id: string;
  name: string;
  org_number: string | null;
  customer_type: string;
  primary_sector: string | null;
  primary_area: string | null;
  size_class: string;
  region: string;
  latest_stage: string | null;
  latest_at: Date | null;
  definition_id: string | null;
  overall_score: number | null;
  band: string | null;
  /** The latest overall score minus the previous stage's (same questionnaire, same major). */
  change: number | null;
  next_step: string;
  advisers: string[];
}

// The main questionnaires (app/lib/core/next-assessments.ts MAIN_DEFINITIONS).
const MAIN = sql`('dma-sme', 'dma-pso')`;

/** The sort expression of each column, on the row alias `x`. */
function sortSql(column: string, x: string): RawBuilder<unknown> {
  const ref = (name: string) => sql.ref(`${x}.${name}`);
  switch (column) {
    case "org":
      return sql`${ref("org_number")}`;
    case "sector":
      return sql`coalesce(${ref("primary_sector")}, ${ref("primary_area")})`;
    case "size":
      return sql`array_position(array['micro','small','medium','large'], ${ref("size_class")})`;
    case "region":
      return sql`${ref("region")}`;
    case "stage":
      return sql`${ref("latest_stage")}`;
    case "date":
      return sql`${ref("latest_at")}`;
    case "score":
      return sql`${ref("overall_score")}`;
    case "change":
      return sql`${ref("change")}`;
    case "next":
      return sql`${ref("next_step")}`;
    default:
      return sql`${ref("search_name")}`;
  }
}

/** Columns of the company itself: a page of companies can be cut before the joins. */
const COMPANY_SORTS = new Set(["name", "org", "sector", "size", "region"]);

function like(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * A page of the client list and the number of rows of all pages: each company with its
 * latest submitted main assessment, the change since the previous stage, its next step
 * and its advisers. The search uses the trigram index on `companies.search_name` (and the
 * org number's prefix index).
 */
export async function listCompanyPage(
  db: Executor,
  f: CompanyListFilter,
): Promise<{ rows: CompanyListRow[]; total: number }> {
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
  const outer: RawBuilder<unknown>[] = [sql`true`];
  if (f.nextStep) outer.push(sql`x.next_step = ${f.nextStep}`);
  if (f.band) outer.push(sql`x.band = ${f.band}`);
  if (f.questionnaire) outer.push(sql`x.definition_id = ${f.questionnaire}`);
  const direction = f.dir === "desc" ? sql`desc` : sql`asc`;
  const companyWhere = sql.join(where, sql` and `);
  // Without filters on the latest assessment and sorted by a company column, the page of
  // companies is cut first (an index-friendly scan) and only its rows are joined.
  const pageFirst = outer.length === 1 && COMPANY_SORTS.has(f.sort);
  const source = pageFirst
    ? sql`(select * from companies c where ${companyWhere}
        order by ${sortSql(f.sort, "c")} ${direction} nulls last, c.search_name, c.id
        limit ${f.limit} offset ${f.offset}) c`
    : sql`companies c`;
  const total = pageFirst
    ? sql`(select count(*)::int from companies c where ${companyWhere})`
    : sql`count(*) over ()::int`;

  const result = await sql<CompanyListRow & { total: number; search_name: string }>`
    select x.*, ${total} as total from (
      select c.id, c.name, c.search_name, c.org_number, c.customer_type, c.primary_sector,
        c.primary_area, c.size_class, c.region,
        latest.stage as latest_stage, latest.submitted_at as latest_at,
        latest.definition_id, latest.overall_score, latest.band,
        latest.overall_score - previous.overall_score as change,
        case
          when exists (select 1 from assessments o where o.company_id = c.id
            and o.status = 'in_progress' and o.definition_id in ${MAIN}) then 'in-progress'
          when latest.stage = 'T0' then 't1-due'
          when latest.stage = 'T1' then 't2-due'
          else 'none'
        end as next_step
      from ${source}
      left join lateral (
        select a.stage, a.submitted_at, a.definition_id, a.definition_major, a.overall_score, a.band
        from assessments a
        where a.company_id = c.id and a.status = 'submitted' and a.definition_id in ${MAIN}
        order by a.submitted_at desc limit 1
      ) latest on true
      left join lateral (
        select p.overall_score from assessments p
        where p.company_id = c.id and p.status = 'submitted'
          and p.definition_id = latest.definition_id and p.definition_major = latest.definition_major
          and p.submitted_at < latest.submitted_at
        order by p.submitted_at desc limit 1
      ) previous on true
      where ${pageFirst ? sql`true` : companyWhere}
    ) x
    where ${sql.join(outer, sql` and `)}
    order by ${sortSql(f.sort, "x")} ${direction} nulls last, x.search_name, x.id
    ${pageFirst ? sql`` : sql`limit ${f.limit} offset ${f.offset}`}`.execute(db);

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
  return {
    total: rows[0]?.total ?? (f.offset > 0 ? await countOnly(db, f) : 0),
    rows: rows.map((row) => {
      const { total, search_name, ...rest } = row;
      void total;
      void search_name;
      return {
        ...rest,
        advisers: names.filter((n) => n.company_id === row.id).map((n) => n.name),
      };
    }),
  };
}

/** The total when the page asked for lies beyond the last one. */
async function countOnly(db: Executor, f: CompanyListFilter): Promise<number> {
  const first = await listCompanyPage(db, { ...f, offset: 0, limit: 1 });
  return first.total;
}
