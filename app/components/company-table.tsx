import { Link } from "@remix-run/react";
import { displayOrgNumber } from "../lib/core/org-number";
import { useTranslation } from "./i18n";

/** A company row as the staff pages list it (serialised CompanySummary). */
export interface CompanyRow {
  id: string;
  name: string;
  org_number: string | null;
  region: string;
  primary_sector: string | null;
  primary_area: string | null;
  overall_score: number | null;
  band: string | null;
}

/** An SME's sector or a public sector organisation's government area, in words. */
export function sectorOrArea(
  t: (key: string) => string,
  company: { primary_sector: string | null; primary_area: string | null },
): string {
  if (company.primary_sector) return t(`sector.${company.primary_sector}`);
  return company.primary_area ? t(`governmentArea.${company.primary_area}`) : "—";
}

/** A table of companies, each linking to its page; `actions` renders a last cell. */
export function CompanyTable({
  companies,
  caption,
  actions,
}: {
  companies: CompanyRow[];
  caption: string;
  actions?: (company: CompanyRow) => React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="data-table data-table--stack" data-testid="company-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("hub.companies.name")}</th>
            <th scope="col">{t("hub.companies.orgNumber")}</th>
            <th scope="col">{t("hub.companies.region")}</th>
            <th scope="col">{t("hub.companies.sector")}</th>
            <th scope="col" className="numeric">
              {t("hub.companies.score")}
            </th>
            {actions ? <th scope="col">{t("hub.companies.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {companies.map((company) => (
            <tr key={company.id}>
              <th scope="row">
                <Link to={`/hub/companies/${company.id}`}>{company.name}</Link>
              </th>
              <td data-label={t("hub.companies.orgNumber")}>
                {displayOrgNumber(company.org_number)}
              </td>
              <td data-label={t("hub.companies.region")}>{t(`region.${company.region}`)}</td>
              <td data-label={t("hub.companies.sector")}>{sectorOrArea(t, company)}</td>
              <td className="numeric" data-label={t("hub.companies.score")}>
                {company.overall_score === null
                  ? t("hub.companies.noScore")
                  : `${Math.round(company.overall_score)} (${t(`hub.band.${company.band}`)})`}
              </td>
              {actions ? <td data-label={t("hub.companies.actions")}>{actions(company)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
