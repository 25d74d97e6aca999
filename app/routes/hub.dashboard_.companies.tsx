import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "../components/i18n";
import { STAGES } from "../lib/core/dashboard";
import { requireHubPermission } from "../lib/http/guards.server";
import {
  completenessPage,
  furthestStage,
  parseCompletenessPage,
  stageText,
} from "../lib/server/completeness.server";
import { dashboardNames, parseDashboardQuery } from "../lib/server/dashboard.server";
import { getFixedT } from "../lib/server/i18n.server";

/**
 * The completeness panel's list: per company of the dashboard's slice, its T0, T1 and T2
 * (hub leads; identifiable, so not under the privacy floor), paged on the server.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireHubPermission(request, "dashboard.view");
  const url = new URL(request.url);
  const filter = parseDashboardQuery(url);
  const page = parseCompletenessPage(url);
  const t = await getFixedT(request);
  const [list, labels] = await Promise.all([
    completenessPage(filter, page),
    dashboardNames(filter),
  ]);
  return {
    title: `${t("dashboard.panel.completenessList")} – ${t("app.name")}`,
    customerType: labels.customerType,
    partners: labels.partners,
    ...list,
    rows: list.rows.map((row) => ({
      ...row,
      stages: STAGES.map((s) => stageText(t, row.stages[s])),
      status: t(`dashboard.status.${furthestStage(row)}`),
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

export default function CompletenessList() {
  const { rows, total, page, pages, customerType, partners } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const withParams = (path: string, change: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    return query ? `${path}?${query}` : path;
  };
  const sectorKey = customerType === "pso" ? "governmentArea" : "sector";
  return (
    <article className="dashboard-page">
      <p>
        <Link to={withParams("/hub/dashboard", { page: undefined })}>
          {t("dashboard.companies.back")}
        </Link>
      </p>
      <h1>{t("dashboard.panel.completenessList")}</h1>
      <p className="note">{t("dashboard.companies.intro", { count: total })}</p>
      <p>
        <a href={withParams("/hub/dashboard/companies.csv", { page: undefined })} download>
          {t("dashboard.companies.csv")}
        </a>
      </p>
      {rows.length === 0 ? (
        <p className="empty-state">{t("dashboard.empty")}</p>
      ) : (
        // Focusable, so a keyboard can scroll a table wider than the screen.
        <div
          className="table-scroll"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label={t("dashboard.panel.completenessList")}
        >
          <table className="data-table" data-testid="completeness-list">
            <caption className="visually-hidden">{t("dashboard.panel.completenessList")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.companies.name")}</th>
                <th scope="col">{t("dashboard.companies.orgNumber")}</th>
                <th scope="col">{t("dashboard.region")}</th>
                <th scope="col">
                  {t(customerType === "pso" ? "dashboard.area" : "dashboard.sector")}
                </th>
                <th scope="col">{t("dashboard.size")}</th>
                <th scope="col">{t("dashboard.partner")}</th>
                {STAGES.map((s) => (
                  <th key={s} scope="col">
                    {s}
                  </th>
                ))}
                <th scope="col">{t("dashboard.companies.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.companyId}>
                  <th scope="row">
                    <Link to={`/hub/companies/${row.companyId}`}>{row.name}</Link>
                  </th>
                  <td className="nowrap">{row.orgNumber ?? ""}</td>
                  <td>{t(`region.${row.region}`)}</td>
                  <td>{row.sector ? t(`${sectorKey}.${row.sector}`) : ""}</td>
                  <td>{t(`sizeClass.${row.sizeClass}`)}</td>
                  <td>{row.partnerId ? (partners[row.partnerId] ?? row.partnerId) : ""}</td>
                  {row.stages.map((text, i) => (
                    <td key={i} className="nowrap">
                      {text || "–"}
                    </td>
                  ))}
                  <td>{row.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("adviser.list.pages")}>
          {page > 1 ? (
            <Link
              to={withParams("/hub/dashboard/companies", { page: String(page - 1) })}
              rel="prev"
            >
              {t("adviser.list.previous")}
            </Link>
          ) : null}
          <span>{t("adviser.list.pageOf", { page, pages })}</span>
          {page < pages ? (
            <Link
              to={withParams("/hub/dashboard/companies", { page: String(page + 1) })}
              rel="next"
            >
              {t("adviser.list.nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
