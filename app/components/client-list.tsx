import { Link } from "@remix-run/react";
import {
  companyListSearch,
  type CompanyListQuery,
  type SortColumn,
} from "../lib/core/company-list";
import { displayOrgNumber } from "../lib/core/org-number";
import { formatChange } from "../lib/view/numbers";
import { formatStaffDate } from "../lib/view/dates";
import { sectorOrArea } from "./company-table";
import { useTranslation } from "./i18n";

/** A row of the client list (serialised CompanyListRow). */
export interface ClientRow {
  id: string;
  name: string;
  org_number: string | null;
  primary_sector: string | null;
  primary_area: string | null;
  size_class: string;
  region: string;
  latest_stage: string | null;
  latest_at: string | Date | null;
  overall_score: number | null;
  band: string | null;
  change: number | null;
  next_step: string;
  advisers: string[];
}

const COLUMNS: { id: SortColumn | "advisers"; key: string; numeric?: boolean }[] = [
  { id: "name", key: "hub.companies.name" },
  { id: "org", key: "adviser.list.orgNumberShort" },
  { id: "sector", key: "hub.companies.sector" },
  { id: "size", key: "profile.sizeClass" },
  { id: "region", key: "hub.companies.region" },
  { id: "stage", key: "adviser.list.stage" },
  { id: "score", key: "adviser.list.score", numeric: true },
  { id: "change", key: "adviser.list.change", numeric: true },
  { id: "next", key: "adviser.list.next" },
  { id: "advisers", key: "hub.company.advisers" },
];

/**
 * The client list's table: every column sorts by a link (the sort lives in the URL); a
 * hub lead's rows have a checkbox for the bulk assignment form `selectForm`.
 */
export function ClientListTable({
  rows,
  query,
  selectForm,
}: {
  rows: ClientRow[];
  query: CompanyListQuery;
  selectForm?: string;
}) {
  const { t, lang } = useTranslation();
  const header = (column: (typeof COLUMNS)[number]) => {
    const label = t(column.key);
    if (column.id === "advisers") return label;
    const active = query.sort === column.id;
    const dir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <Link
        to={companyListSearch(query, { sort: column.id, dir, page: 1 })}
        aria-label={t("adviser.list.sortBy", { column: label })}
      >
        {label}
        {active ? (query.dir === "asc" ? " ▲" : " ▼") : null}
      </Link>
    );
  };
  return (
    <div className="table-scroll">
      <table className="data-table data-table--stack client-list" data-testid="client-list">
        <caption className="visually-hidden">{t("adviser.list.caption")}</caption>
        <thead>
          <tr>
            {selectForm ? (
              <th scope="col">
                <span className="visually-hidden">{t("adviser.list.select")}</span>
              </th>
            ) : null}
            {COLUMNS.map((column) => (
              <th
                key={column.id}
                scope="col"
                className={column.numeric ? "numeric" : undefined}
                aria-sort={
                  query.sort === column.id
                    ? query.dir === "asc"
                      ? "ascending"
                      : "descending"
                    : undefined
                }
              >
                {header(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {selectForm ? (
                <td>
                  <input
                    type="checkbox"
                    name="companyId"
                    value={row.id}
                    form={selectForm}
                    aria-label={t("adviser.list.selectNamed", { name: row.name })}
                  />
                </td>
              ) : null}
              <th scope="row">
                <Link to={`/hub/companies/${row.id}`}>{row.name}</Link>
              </th>
              <td className="client-list__org" data-label={t("hub.companies.orgNumber")}>
                {displayOrgNumber(row.org_number)}
              </td>
              <td data-label={t("hub.companies.sector")}>{sectorOrArea(t, row)}</td>
              <td data-label={t("profile.sizeClass")}>{t(`adviser.size.${row.size_class}`)}</td>
              <td className="client-list__region" data-label={t("hub.companies.region")}>
                {t(`region.${row.region}`)}
              </td>
              <td data-label={t("adviser.list.stage")}>
                {row.latest_stage
                  ? `${row.latest_stage} · ${formatStaffDate(lang, row.latest_at)}`
                  : "—"}
              </td>
              <td className="numeric" data-label={t("adviser.list.score")}>
                {row.overall_score === null
                  ? t("hub.companies.noScore")
                  : `${Math.round(row.overall_score)} (${t(`hub.band.${row.band}`)})`}
              </td>
              <td className="numeric" data-label={t("adviser.list.change")}>
                {formatChange(row.change, lang)}
              </td>
              <td data-label={t("adviser.list.next")}>{t(`adviser.nextStep.${row.next_step}`)}</td>
              <td data-label={t("hub.company.advisers")}>
                {row.advisers.length ? row.advisers.join(", ") : t("hub.company.noAdvisers")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
