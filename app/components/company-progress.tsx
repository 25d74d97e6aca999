import { lazy, Suspense } from "react";
import type { Progress } from "../lib/view/company-progress";
import { formatChange } from "../lib/view/numbers";
import { formatStaffDate } from "../lib/view/dates";
import { ClientOnly } from "./client-only";
import { useTranslation } from "./i18n";

const CompanyProgressChart = lazy(() => import("./company-progress-chart.client"));

/**
 * Progress T0 → T1 → T2 of each questionnaire: a chart (after hydration) and a table of the
 * same numbers with the change since the first stage; stages of another major version are
 * named, not compared.
 */
export function CompanyProgress({
  progress,
  chart = true,
}: {
  progress: Progress[];
  chart?: boolean;
}) {
  const { t, lang } = useTranslation();
  return (
    <section aria-labelledby="progress-title" className="company-progress">
      <h2 id="progress-title">{t("adviser.progress.title")}</h2>
      {progress.length === 0 ? <p className="note">{t("adviser.progress.none")}</p> : null}
      {progress.map((p) => {
        const first = p.stages[0];
        const title = t("adviser.progress.chartTitle", {
          questionnaire: t(`adviser.questionnaire.${p.definitionId}`),
          major: p.major,
        });
        return (
          <div key={p.definitionId} className="company-progress__questionnaire">
            {chart && p.stages.length > 1 ? (
              <ClientOnly>
                {() => (
                  <Suspense fallback={null}>
                    <CompanyProgressChart
                      progress={p}
                      overallLabel={t("results.overall")}
                      title={title}
                    />
                  </Suspense>
                )}
              </ClientOnly>
            ) : null}
            <div className="table-scroll">
              <table className="data-table progress-table" data-testid="progress-table">
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.dimension")}</th>
                    {p.stages.map((s) => (
                      <th key={s.stage} scope="col" className="numeric">
                        {s.stage}
                        <span className="progress-table__date">
                          {formatStaffDate(lang, s.submittedAt)}
                        </span>
                      </th>
                    ))}
                    {p.stages.length > 1 ? (
                      <th scope="col" className="numeric">
                        {t("adviser.progress.change", {
                          from: first.stage,
                          to: p.stages[p.stages.length - 1].stage,
                        })}
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {[
                    ...p.dimensions.map((d) => ({ id: d.id, label: d.label })),
                    { id: "", label: t("results.overall") },
                  ].map((row) => {
                    const value = (s: (typeof p.stages)[number]) =>
                      row.id === "" ? s.overall : (s.scores[row.id] ?? 0);
                    const last = p.stages[p.stages.length - 1];
                    return (
                      <tr
                        key={row.id || "overall"}
                        className={row.id === "" ? "total-row" : undefined}
                      >
                        <th scope="row">{row.label}</th>
                        {p.stages.map((s) => (
                          <td key={s.stage} className="numeric">
                            {Math.round(value(s))}
                          </td>
                        ))}
                        {p.stages.length > 1 ? (
                          <td className="numeric">
                            {formatChange(value(last) - value(first), lang)}
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {p.excluded.length > 0 ? (
              <p className="note" data-testid="progress-excluded">
                {t("adviser.progress.excluded", {
                  stages: p.excluded.map((e) => `${e.stage} (${e.version})`).join(", "),
                  major: p.major,
                })}
              </p>
            ) : null}
            {p.stages.length === 1 ? <p className="note">{t("adviser.progress.onlyOne")}</p> : null}
          </div>
        );
      })}
    </section>
  );
}
