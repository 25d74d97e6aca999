import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CompanyTable } from "../components/company-table";
import { useTranslation } from "../components/i18n";
import { requireStaff } from "../lib/http/guards.server";
import { getFixedT } from "../lib/server/i18n.server";
import { staffHome } from "../lib/server/staff-home.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaff(request);
  const t = await getFixedT(request);
  return {
    title: `${t("hub.home.title")} – ${t("app.name")}`,
    name: actor.name,
    home: await staffHome(actor),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

export default function StaffHome() {
  const { name, home } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article>
      <h1>{t("hub.home.welcome", { name })}</h1>
      {home.kind === "adviser" ? (
        <section aria-labelledby="companies-title">
          <h2 id="companies-title">
            {t("hub.home.yourCompanies", { count: home.companies.length })}
          </h2>
          {home.companies.length === 0 ? (
            <p className="note" data-testid="no-companies">
              {t("hub.home.noCompanies")}
            </p>
          ) : (
            <CompanyTable companies={home.companies} caption={t("hub.home.yourCompaniesCaption")} />
          )}
        </section>
      ) : (
        <section aria-labelledby="hub-title">
          <h2 id="hub-title">{t("hub.home.hubTitle")}</h2>
          <dl className="figures">
            <div>
              <dt>{t("hub.home.advisers")}</dt>
              <dd>{home.figures.advisers}</dd>
            </div>
            <div>
              <dt>{t("hub.home.hubLeads")}</dt>
              <dd>{home.figures.hubLeads}</dd>
            </div>
            <div>
              <dt>{t("hub.home.companies")}</dt>
              <dd>{home.figures.companies}</dd>
            </div>
            <div>
              <dt>{t("hub.home.unassigned")}</dt>
              <dd>{home.figures.unassigned}</dd>
            </div>
          </dl>
          <ul className="link-list">
            <li>
              <Link to="/hub/assignments">{t("hub.home.toAssignments")}</Link>
            </li>
            <li>
              <Link to="/hub/staff">{t("hub.home.toStaff")}</Link>
            </li>
            <li>
              <Link to="/hub/services">{t("hub.home.toServices")}</Link>
            </li>
            <li>
              <Link to="/hub/audit">{t("hub.home.toAudit")}</Link>
            </li>
          </ul>
        </section>
      )}
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
