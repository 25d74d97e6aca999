import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { sectorOrArea } from "../components/company-table";
import { CompanyGaps } from "../components/company-latest-results";
import { formatEuros } from "../components/delivered-services";
import { useTranslation } from "../components/i18n";
import { displayOrgNumber } from "../lib/core/org-number";
import { requireCompanyPermission, requireStaff } from "../lib/http/guards.server";
import { companyWorkspace } from "../lib/server/company-page.server";
import { viewCompany } from "../lib/server/company-view.server";
import { getFixedT, getLanguage } from "../lib/server/i18n.server";
import { formatChange } from "../lib/view/numbers";
import { formatStaffDate } from "../lib/view/dates";

/** How much of each part fits one A4 page. */
const BRIEF = {
  notes: 3,
  noteChars: 400,
  gaps: 3,
  gapItems: 1,
  recommendations: 5,
  delivered: 5,
} as const;

/** The one-page brief before a meeting: what the company page says, on one printed A4 page. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireStaff(request);
  const companyId = params.id ?? "";
  await requireCompanyPermission(actor, companyId, "company.view");
  const { company, advisers } = await viewCompany(actor, companyId, context.clientAddress);
  const workspace = await companyWorkspace(actor, companyId, await getLanguage(request));
  const t = await getFixedT(request);
  const latest = workspace.latest;
  return {
    title: `${t("adviser.brief.title")}: ${company.name} – ${t("app.name")}`,
    company,
    advisers: advisers.map((a) => a.name),
    progress: workspace.progress,
    latest: latest
      ? {
          stage: latest.stage,
          submittedAt: latest.submittedAt,
          overall: latest.view.overall,
          band: latest.view.band.name,
          peers: latest.peerView.overall ?? latest.peerView.summary,
          dimensions: latest.chartInput.dimensions,
          gaps: latest.gaps
            .slice(0, BRIEF.gaps)
            .map((g) => ({ ...g, items: g.items.slice(0, BRIEF.gapItems) })),
          recommendations: latest.recommendations.slice(0, BRIEF.recommendations),
        }
      : null,
    delivered: workspace.delivered.slice(0, BRIEF.delivered),
    notes: workspace.notes.slice(0, BRIEF.notes).map((n) => ({
      ...n,
      body: n.body.length > BRIEF.noteChars ? `${n.body.slice(0, BRIEF.noteChars)}…` : n.body,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

export default function CompanyBrief() {
  const { company, advisers, progress, latest, delivered, notes } = useLoaderData<typeof loader>();
  const { t, lang } = useTranslation();
  const date = (value: string | Date | null) => formatStaffDate(lang, value);
  return (
    <article className="brief" data-testid="brief">
      <div className="no-print">
        <p className="button-row">
          <Link to={`/hub/companies/${company.id}`}>{t("adviser.brief.back")}</Link>
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t("adviser.brief.print")}
          </button>
        </p>
      </div>
      <header className="brief__header">
        <h1>{company.name}</h1>
        <p>
          {[
            company.org_number && displayOrgNumber(company.org_number),
            sectorOrArea(t, company),
            t(`adviser.size.${company.size_class}`),
            t(`region.${company.region}`),
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <p>
          {t("hub.company.contact")}:{" "}
          {[company.contact_name, company.contact_role, company.contact_email]
            .filter(Boolean)
            .join(", ") || "—"}{" "}
          · {t("hub.company.advisers")}: {advisers.join(", ") || t("hub.company.noAdvisers")}
        </p>
      </header>

      <div className="brief__grid">
        <section aria-labelledby="brief-scores">
          <h2 id="brief-scores">{t("adviser.brief.scores")}</h2>
          {latest ? (
            <>
              <p>
                <strong>
                  {latest.stage} ({date(latest.submittedAt)}): {latest.overall} / 100, {latest.band}
                </strong>
              </p>
              <p className="brief__small">{latest.peers}</p>
              <table className="brief-table">
                <thead>
                  <tr>
                    <th scope="col">{t("results.dimension")}</th>
                    <th scope="col" className="numeric">
                      {t("results.score")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("staff.results.peerMedian")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {latest.dimensions.map((d) => (
                    <tr key={d.id}>
                      <th scope="row">{d.label}</th>
                      <td className="numeric">{Math.round(d.score)}</td>
                      <td className="numeric">{d.peer ? Math.round(d.peer.median) : "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p>{t("adviser.progress.none")}</p>
          )}
        </section>

        <section aria-labelledby="brief-progress">
          <h2 id="brief-progress">{t("adviser.progress.title")}</h2>
          {progress.length === 0 ? <p>{t("adviser.progress.none")}</p> : null}
          {progress.map((p) => (
            <div key={p.definitionId}>
              <table className="brief-table" data-testid="brief-progress">
                <caption>{t(`adviser.questionnaire.${p.definitionId}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("adviser.brief.stage")}</th>
                    <th scope="col">{t("hub.company.submitted")}</th>
                    <th scope="col" className="numeric">
                      {t("results.overall")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("adviser.brief.sinceT0")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.stages.map((s) => (
                    <tr key={s.stage}>
                      <th scope="row">{s.stage}</th>
                      <td>{date(s.submittedAt)}</td>
                      <td className="numeric">{Math.round(s.overall)}</td>
                      <td className="numeric">
                        {s === p.stages[0]
                          ? "—"
                          : formatChange(s.overall - p.stages[0].overall, lang)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {p.excluded.length > 0 ? (
                <p className="brief__small">
                  {t("adviser.progress.excluded", {
                    stages: p.excluded.map((e) => `${e.stage} (${e.version})`).join(", "),
                    major: p.major,
                  })}
                </p>
              ) : null}
            </div>
          ))}
        </section>
      </div>

      {latest ? <CompanyGaps gaps={latest.gaps} limit={latest.gaps.length} /> : null}

      <div className="brief__grid">
        <section aria-labelledby="brief-recommended">
          <h2 id="brief-recommended">{t("adviser.brief.recommended")}</h2>
          {latest && latest.recommendations.length > 0 ? (
            <ol className="brief__list">
              {latest.recommendations.map((r) => (
                <li key={r.rank}>
                  {r.name}{" "}
                  <span className="brief__small">
                    ({t(`recommendations.category.${r.category}`)})
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p>{t("adviser.brief.noneYet")}</p>
          )}
        </section>
        <section aria-labelledby="brief-delivered">
          <h2 id="brief-delivered">{t("adviser.delivered.title")}</h2>
          {delivered.length > 0 ? (
            <ul className="brief__list">
              {delivered.map((d) => (
                <li key={d.id}>
                  {d.title}{" "}
                  <span className="brief__small">
                    ({date(d.startDate)}, {formatEuros(lang, d.priceEur)})
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("adviser.brief.noneYet")}</p>
          )}
        </section>
      </div>

      <section aria-labelledby="brief-notes">
        <h2 id="brief-notes">{t("adviser.brief.notes")}</h2>
        {notes.length > 0 ? (
          <ul className="brief__notes" data-testid="brief-notes">
            {notes.map((n) => (
              <li key={n.id}>
                <span className="brief__small">
                  {date(n.createdAt)} · {n.authorName ?? t("adviser.notes.formerStaff")}
                </span>
                <p>{n.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("adviser.notes.none")}</p>
        )}
      </section>
      <p className="brief__small">{t("adviser.brief.confidential")}</p>
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
