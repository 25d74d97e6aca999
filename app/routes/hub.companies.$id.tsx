import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "../components/i18n";
import { PeerConfirmationSection } from "../components/peer-confirmation";
import { requireCompanyPermission, requireStaff } from "../lib/http/guards.server";
import { viewCompany } from "../lib/server/company-view.server";
import { sectorOrArea } from "../components/company-table";
import { CompanyWorkspace } from "../components/company-workspace";
import { companyWorkspace, workspacePermissions } from "../lib/server/company-page.server";
import { getServiceCatalogue } from "../lib/server/services.server";
import { getFixedT, getLanguage } from "../lib/server/i18n.server";
import { peerConfirmationOf } from "../lib/server/peer-confirmation.server";
import { displayOrgNumber } from "../lib/core/org-number";
import { formatStaffDate } from "../lib/view/dates";
import chartStylesHref from "../styles/charts.css";

/** A company's profile, consents, advisers and assessments (404 for an adviser it is not assigned to). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = await requireStaff(request);
  const companyId = params.id ?? "";
  await requireCompanyPermission(actor, companyId, "company.view");
  const view = await viewCompany(actor, companyId, context.clientAddress);
  const peerConfirmation = (await peerConfirmationOf(companyId))!;
  const t = await getFixedT(request);
  const workspace = await companyWorkspace(actor, companyId, await getLanguage(request));
  return {
    title: `${view.company.name} – ${t("app.name")}`,
    ...view,
    peerConfirmation,
    workspace,
    permissions: await workspacePermissions(actor, companyId),
    hub: getServiceCatalogue().hub,
  };
}

// The score table and the progress chart of the adviser's workspace.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

export default function CompanyPage() {
  const { company, assessments, advisers, peerConfirmation, workspace, permissions, hub } =
    useLoaderData<typeof loader>();
  const { t, lang } = useTranslation();
  const date = (value: Date | string | null) => formatStaffDate(lang, value);
  return (
    <article className="company-page">
      <h1 data-testid="company-name">{company.name}</h1>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t("hub.company.profile")}</h2>
        <dl className="facts">
          <dt>{t("hub.companies.orgNumber")}</dt>
          <dd>{displayOrgNumber(company.org_number)}</dd>
          <dt>{t("profile.sizeClass")}</dt>
          <dd>{t(`sizeClass.${company.size_class}`)}</dd>
          <dt>{t(company.primary_area ? "pso.profile.primaryArea" : "profile.primarySector")}</dt>
          <dd>{sectorOrArea(t, company)}</dd>
          <dt>{t("profile.region")}</dt>
          <dd>{t(`region.${company.region}`)}</dd>
          <dt>{t("hub.company.contact")}</dt>
          <dd>
            {[company.contact_name, company.contact_role, company.contact_email]
              .filter(Boolean)
              .join(", ") || "—"}
          </dd>
          <dt>{t("hub.company.consentAdvisers")}</dt>
          <dd>
            {company.consent_advisers_at ? date(company.consent_advisers_at) : t("hub.company.no")}
          </dd>
          <dt>{t("hub.company.consentBenchmark")}</dt>
          <dd>
            {company.consent_benchmark_at
              ? date(company.consent_benchmark_at)
              : t("hub.company.no")}
          </dd>
          <dt>{t("hub.company.advisers")}</dt>
          <dd>
            {advisers.length ? advisers.map((a) => a.name).join(", ") : t("hub.company.noAdvisers")}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="assessments-title">
        <h2 id="assessments-title">{t("hub.company.assessments")}</h2>
        {assessments.length === 0 ? (
          <p className="note">{t("hub.company.noAssessments")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table data-table--stack">
              <thead>
                <tr>
                  <th scope="col">{t("hub.company.stage")}</th>
                  <th scope="col">{t("hub.company.questionnaire")}</th>
                  <th scope="col">{t("hub.company.status")}</th>
                  <th scope="col">{t("hub.company.started")}</th>
                  <th scope="col">{t("hub.company.submitted")}</th>
                  <th scope="col" className="numeric">
                    {t("hub.company.score")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {assessments.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.stage}</th>
                    <td data-label={t("hub.company.questionnaire")}>
                      {a.definition_id} {a.definition_version}
                    </td>
                    <td data-label={t("hub.company.status")}>
                      {t(`hub.company.statuses.${a.status}`)}
                    </td>
                    <td data-label={t("hub.company.started")}>{date(a.created_at)}</td>
                    <td data-label={t("hub.company.submitted")}>{date(a.submitted_at)}</td>
                    <td className="numeric" data-label={t("hub.company.score")}>
                      {a.overall_score === null
                        ? "—"
                        : `${Math.round(a.overall_score)} (${t(`hub.band.${a.band}`)})`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <PeerConfirmationSection companyId={company.id} state={peerConfirmation} />
      <CompanyWorkspace
        companyId={company.id}
        workspace={workspace}
        permissions={permissions}
        hub={hub}
      />
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
