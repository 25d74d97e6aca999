import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { ClientOnly } from "../components/client-only";
import { useTranslation } from "../components/i18n";
import { DashboardFilterFields, Select } from "../components/dashboard-filters";
import { OVERALL_METRIC, PRIVACY_FLOOR } from "../lib/core/benchmark";
import type { PanelTable } from "../lib/core/dashboard";
import { requireHubPermission } from "../lib/http/guards.server";
import {
  dashboardNames,
  dashboardOf,
  dashboardQuestionnaires,
  parseDashboardQuery,
} from "../lib/server/dashboard.server";
import { getFixedT } from "../lib/server/i18n.server";
import {
  chartOf,
  inReadingOrder,
  wordTable,
  type DashboardLabels,
} from "../lib/view/dashboard-view";
import chartStylesHref from "../styles/charts.css";

const DashboardChart = lazy(() => import("../components/dashboard-chart.client"));

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartStylesHref }];

/** The hub lead's dashboard: filters in the URL, six panels from the rollups. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireHubPermission(request, "dashboard.view");
  const filter = parseDashboardQuery(new URL(request.url));
  const t = await getFixedT(request);
  const [dashboard, labels] = await Promise.all([dashboardOf(filter), dashboardNames(filter)]);
  return {
    title: `${t("dashboard.title")} – ${t("app.name")}`,
    filter,
    dashboard,
    labels,
    questionnaires: dashboardQuestionnaires().map((q) => ({
      key: q.key,
      major: q.major,
      title: q.entry.definition.title,
    })),
    metrics: Object.keys(labels.metrics),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

/** A panel's table with its chart and CSV download. */
function TableBlock({
  table: given,
  labels,
  chart,
  wide = false,
}: {
  table: PanelTable;
  labels: DashboardLabels;
  chart?: { columns: number[]; horizontal?: boolean };
  /** Spans the panel's width (tables of many columns). */
  wide?: boolean;
}) {
  const { t, lang } = useTranslation();
  const [params] = useSearchParams();
  const table = inReadingOrder(t, given, labels, lang);
  const worded = wordTable(t, table, labels, lang);
  const csv = new URLSearchParams(params);
  csv.set("table", table.id);
  const hasRows = table.rows.some((r) => r.id !== "total");
  return (
    <figure
      className={`dashboard-block${wide ? " dashboard-block--wide" : ""}`}
      data-testid={`table-${table.id}`}
    >
      <figcaption className="dashboard-block__title">{worded.caption}</figcaption>
      {chart && hasRows ? (
        <ClientOnly>
          {() => (
            <Suspense fallback={null}>
              <DashboardChart
                chart={chartOf(t, table, chart.columns, labels, lang)}
                title={`${worded.caption}. ${t("dashboard.chartNote")}`}
                horizontal={chart.horizontal}
              />
            </Suspense>
          )}
        </ClientOnly>
      ) : null}
      {/* Focusable, so a keyboard can scroll a table wider than the screen (axe's
          scrollable-region-focusable, WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={worded.caption}>
        {/* On a phone a table of four columns or more becomes a card per row, each figure
            with its column's name (app.css), as the staff's other wide tables do. */}
        <table className={`data-table${worded.header.length > 3 ? " data-table--stack" : ""}`}>
          <caption className="visually-hidden">{worded.caption}</caption>
          <thead>
            <tr>
              {worded.header.map((h, i) => (
                <th key={i} scope="col" className={i > 0 ? "numeric" : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {worded.rows.map(([label, ...cells], r) => (
              <tr
                key={table.rows[r].id}
                className={table.rows[r].id === "total" ? "total-row" : undefined}
              >
                <th scope="row" className={table.id === "activity" ? "nowrap" : undefined}>
                  {label}
                </th>
                {cells.map((text, c) => (
                  <td
                    key={c}
                    data-label={worded.header[c + 1]}
                    className={`numeric${table.rows[r].cells[c].kind === "value" ? "" : " suppressed"}`}
                  >
                    {text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="dashboard-block__download">
        <a href={`/hub/dashboard.csv?${csv.toString()}`} download>
          {t("dashboard.csvOf", { table: worded.caption })}
        </a>
      </p>
    </figure>
  );
}

function Panel({ id, children }: { id: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="dashboard-panel" aria-labelledby={`panel-${id}`}>
      <h2 id={`panel-${id}`}>{t(`dashboard.panel.${id}`)}</h2>
      <p className="note">{t(`dashboard.panel.${id}Intro`)}</p>
      <div className="dashboard-panel__blocks">{children}</div>
    </section>
  );
}

export default function HubDashboard() {
  const { filter, dashboard, labels, questionnaires, metrics } = useLoaderData<typeof loader>();
  const { t, lang } = useTranslation();
  const [params] = useSearchParams();
  const search = params.toString() ? `?${params.toString()}` : "";
  const metricLabel = (id: string) => labels.metrics[id]?.[lang] ?? t("dashboard.overall");
  return (
    <article className="dashboard-page">
      <h1>{t("dashboard.title")}</h1>
      <p className="note">{t("dashboard.intro")}</p>
      <Form method="get" className="filter-form" aria-label={t("dashboard.filters")}>
        <DashboardFilterFields filter={filter} labels={labels} questionnaires={questionnaires} />
        <Select
          name="metric"
          label={t("dashboard.metric")}
          current={filter.metric}
          options={[
            { value: OVERALL_METRIC, label: t("dashboard.overall") },
            ...metrics.map((m) => ({ value: m, label: metricLabel(m) })),
          ]}
        />
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {t("dashboard.apply")}
          </button>
          <Link to="/hub/dashboard" className="button">
            {t("dashboard.clear")}
          </Link>
        </div>
      </Form>
      <p className="note dashboard-privacy" data-testid="privacy-note">
        {t("dashboard.privacy", { floor: PRIVACY_FLOOR })}
      </p>
      <Panel id="activity">
        <TableBlock
          table={dashboard.activity}
          labels={labels}
          chart={{ columns: [0, 1, 2, 3] }}
          wide
        />
        <TableBlock table={dashboard.rates} labels={labels} />
      </Panel>
      <Panel id="standing">
        <TableBlock
          table={dashboard.standing}
          labels={labels}
          chart={{ columns: [1], horizontal: true }}
        />
        <TableBlock table={dashboard.histogram} labels={labels} chart={{ columns: [0] }} />
        <TableBlock table={dashboard.bands} labels={labels} chart={{ columns: [0] }} />
      </Panel>
      <Panel id="breakdowns">
        <TableBlock
          table={dashboard.byRegion}
          labels={labels}
          chart={{ columns: [1], horizontal: true }}
        />
        <TableBlock
          table={dashboard.bySector}
          labels={labels}
          chart={{ columns: [1], horizontal: true }}
        />
        <TableBlock
          table={dashboard.bySize}
          labels={labels}
          chart={{ columns: [1], horizontal: true }}
        />
      </Panel>
      <Panel id="demand">
        <TableBlock
          table={dashboard.demandByCategory}
          labels={labels}
          chart={{ columns: [0, 1], horizontal: true }}
        />
        <TableBlock
          table={dashboard.demandByService}
          labels={labels}
          chart={{ columns: [0, 1], horizontal: true }}
        />
      </Panel>
      <Panel id="effect">
        <TableBlock
          table={dashboard.effect}
          labels={labels}
          chart={{ columns: [1], horizontal: true }}
          wide
        />
        <TableBlock
          table={dashboard.effectByCategory}
          labels={labels}
          chart={{ columns: [2, 4], horizontal: true }}
          wide
        />
        <p className="note dashboard-caution" data-testid="effect-caution">
          {t("dashboard.panel.effectCaution")}
        </p>
      </Panel>
      <Panel id="completeness">
        <TableBlock
          table={dashboard.completeness}
          labels={labels}
          chart={{ columns: [0], horizontal: true }}
        />
        <p className="dashboard-caution">
          <Link to={`/hub/dashboard/companies${search}`} data-testid="completeness-link">
            {t("dashboard.companies.link")}
          </Link>
        </p>
      </Panel>
      <p className="note">{t("dashboard.stageNote")}</p>
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
