import { useSearchParams } from "@remix-run/react";
import { useTranslation } from "./i18n";
import { NO_PARTNER, STAGES } from "../lib/core/dashboard";
import type { LocalisedText } from "../lib/core/definitions";
import { GOVERNMENT_AREAS, REGIONS, SECTORS, SIZE_CLASSES } from "../lib/core/vocabularies";
import type { DashboardLabels } from "../lib/view/dashboard-view";

/** A select of the filter form, keeping the URL's value. */
export function Select({
  name,
  label,
  options,
  all,
  current,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  all?: string;
  /** The value in force when the URL has none. */
  current?: string;
}) {
  const [params] = useSearchParams();
  return (
    <div className="field field--compact">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={params.get(name) || (current ?? "")}>
        {all !== undefined ? <option value="">{all}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A filter of the dashboard's as the loaders return it. */
interface FilterValues {
  definitionId: string;
  definitionMajor: number;
  from?: string;
  to?: string;
}

/**
 * The dashboard's filters (questionnaire, period, stage, county, sector or government area,
 * size class, partner organisation) as form fields; the dashboard and the exports share them.
 */
export function DashboardFilterFields({
  filter,
  labels,
  questionnaires,
}: {
  filter: FilterValues;
  labels: Pick<DashboardLabels, "customerType" | "partners">;
  questionnaires: readonly { key: string; major: number; title: LocalisedText }[];
}) {
  const { t, lang } = useTranslation();
  const pso = labels.customerType === "pso";
  return (
    <>
      <Select
        name="q"
        current={`${filter.definitionId}@${filter.definitionMajor}`}
        label={t("dashboard.questionnaire")}
        options={questionnaires.map((q) => ({
          value: q.key,
          label: t("dashboard.questionnaireOption", { title: q.title[lang], major: q.major }),
        }))}
      />
      <div className="field field--compact">
        <label htmlFor="filter-from">{t("dashboard.from")}</label>
        <input id="filter-from" name="from" type="month" defaultValue={filter.from ?? ""} />
      </div>
      <div className="field field--compact">
        <label htmlFor="filter-to">{t("dashboard.to")}</label>
        <input id="filter-to" name="to" type="month" defaultValue={filter.to ?? ""} />
      </div>
      <Select
        name="stage"
        label={t("dashboard.stage")}
        all={t("dashboard.allStages")}
        options={STAGES.map((s) => ({ value: s, label: s }))}
      />
      <Select
        name="region"
        label={t("dashboard.region")}
        all={t("dashboard.all")}
        options={REGIONS.map((r) => ({ value: r, label: t(`region.${r}`) }))}
      />
      <Select
        name="sector"
        label={pso ? t("dashboard.area") : t("dashboard.sector")}
        all={t("dashboard.all")}
        options={(pso ? GOVERNMENT_AREAS : SECTORS).map((s) => ({
          value: s,
          label: t(pso ? `governmentArea.${s}` : `sector.${s}`),
        }))}
      />
      <Select
        name="size"
        label={t("dashboard.size")}
        all={t("dashboard.all")}
        options={SIZE_CLASSES.map((s) => ({ value: s, label: t(`sizeClass.${s}`) }))}
      />
      <Select
        name="partner"
        label={t("dashboard.partner")}
        all={t("dashboard.all")}
        options={[
          ...Object.entries(labels.partners).map(([value, label]) => ({ value, label })),
          { value: NO_PARTNER, label: t("dashboard.noPartner") },
        ]}
      />
    </>
  );
}
