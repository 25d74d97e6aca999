import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DashboardFilterFields } from "../components/dashboard-filters";
import { useTranslation } from "../components/i18n";
import { EXPORT_FORMATS, EXPORT_KINDS } from "../lib/core/exports";
import { requireHubPermission } from "../lib/http/guards.server";
import {
  dashboardNames,
  dashboardQuestionnaires,
  parseDashboardQuery,
} from "../lib/server/dashboard.server";
import { getFixedT, getLanguage } from "../lib/server/i18n.server";

/** The exports for hub leads: DMA results and all answers, CSV or XLSX, filtered. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireHubPermission(request, "export.run");
  const filter = parseDashboardQuery(new URL(request.url));
  const t = await getFixedT(request);
  const labels = await dashboardNames(filter);
  return {
    title: `${t("exports.title")} – ${t("app.name")}`,
    filter,
    labels: { customerType: labels.customerType, partners: labels.partners },
    lang: await getLanguage(request),
    questionnaires: dashboardQuestionnaires().map((q) => ({
      key: q.key,
      major: q.major,
      title: q.entry.definition.title,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

function Choice({
  name,
  legend,
  options,
  initial,
}: {
  name: string;
  legend: string;
  options: readonly { value: string; label: string; hint?: string }[];
  initial: string;
}) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <div key={o.value} className="choice">
          <input
            type="radio"
            id={`${name}-${o.value}`}
            name={name}
            value={o.value}
            defaultChecked={o.value === initial}
          />
          <label htmlFor={`${name}-${o.value}`}>
            {o.label}
            {o.hint ? <span className="note"> {o.hint}</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export default function HubExports() {
  const { filter, labels, questionnaires, lang } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="exports-page">
      <h1>{t("exports.title")}</h1>
      <p className="note">{t("exports.intro")}</p>
      <form method="get" action="/hub/exports/download" className="export-form">
        <Choice
          name="kind"
          legend={t("exports.what")}
          initial="dma-results"
          options={EXPORT_KINDS.map((k) => ({
            value: k,
            label: t(`exports.kind.${k}`),
            hint: t(`exports.hint.${k}`),
          }))}
        />
        <Choice
          name="format"
          legend={t("exports.format")}
          initial="csv"
          options={EXPORT_FORMATS.map((f) => ({ value: f, label: t(`exports.formatName.${f}`) }))}
        />
        <Choice
          name="sep"
          legend={t("exports.separator")}
          initial={lang === "sv" ? "semicolon" : "comma"}
          options={[
            { value: "semicolon", label: t("exports.semicolon") },
            { value: "comma", label: t("exports.comma") },
          ]}
        />
        <Choice
          name="lang"
          legend={t("exports.headers")}
          initial={lang}
          options={[
            { value: "sv", label: "Svenska" },
            { value: "en", label: "English" },
          ]}
        />
        <fieldset className="filter-form">
          <legend>{t("dashboard.filters")}</legend>
          <DashboardFilterFields filter={filter} labels={labels} questionnaires={questionnaires} />
        </fieldset>
        <p className="note">{t("exports.sectorNote")}</p>
        <button type="submit" className="button button--primary">
          {t("exports.download")}
        </button>
      </form>
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
