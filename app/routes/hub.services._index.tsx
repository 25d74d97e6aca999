import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../components/i18n";
import { requireHubPermission } from "../lib/http/guards.server";
import { catalogueOrder } from "../lib/view/catalogue-view";
import { formatStaffDate } from "../lib/view/dates";
import { getFixedT } from "../lib/server/i18n.server";
import { listCatalogue } from "../lib/server/services.server";

/** The service catalogue: every service, active and deactivated, with export and import. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireHubPermission(request, "catalogue.manage");
  const t = await getFixedT(request);
  const entries = await listCatalogue();
  return {
    title: `${t("hub.services.title")} – ${t("app.name")}`,
    services: entries.map((e) => ({
      id: e.service.id,
      name: e.service.name,
      category: e.service.category,
      priority: e.service.priority,
      rules: e.service.rules.length,
      active: e.active,
      updatedAt: e.updatedAt,
      updatedBy: e.updatedBy,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

export default function ServiceCatalogue() {
  const { services } = useLoaderData<typeof loader>();
  const { t, lang } = useTranslation();
  const active = services.filter((s) => s.active).length;
  return (
    <article className="services-page">
      <h1>{t("hub.services.title")}</h1>
      <p className="note">{t("hub.services.intro")}</p>
      <p className="button-row">
        <Link to="/hub/services/new" className="button button--primary">
          {t("hub.services.add")}
        </Link>
        <a href="/hub/services.json" className="button" download>
          {t("hub.services.export")}
        </a>
        <Link to="/hub/services/import" className="button">
          {t("hub.services.import")}
        </Link>
      </p>
      {services.length === 0 ? (
        <p>{t("hub.services.empty")}</p>
      ) : (
        // A keyboard can scroll a table wider than the screen (axe scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="services-caption">
          <table className="data-table services-table">
            <caption id="services-caption">
              {t("hub.services.caption", { count: services.length, active })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("hub.services.column.name")}</th>
                <th scope="col">{t("hub.services.column.category")}</th>
                <th scope="col" className="numeric">
                  {t("hub.services.column.priority")}
                </th>
                <th scope="col" className="numeric">
                  {t("hub.services.column.rules")}
                </th>
                <th scope="col">{t("hub.services.column.status")}</th>
                <th scope="col">{t("hub.services.column.edited")}</th>
              </tr>
            </thead>
            <tbody>
              {catalogueOrder(services, lang).map((s) => (
                <tr key={s.id} className={s.active ? undefined : "is-inactive"}>
                  <th scope="row">
                    <Link to={`/hub/services/${s.id}`}>{s.name[lang]}</Link>
                  </th>
                  <td>{t(`recommendations.category.${s.category}`)}</td>
                  <td className="numeric">{s.priority}</td>
                  <td className="numeric">{s.rules}</td>
                  <td>{s.active ? t("hub.services.active") : t("hub.services.inactive")}</td>
                  <td>
                    {formatStaffDate(lang, s.updatedAt)}
                    {s.updatedBy ? ` (${s.updatedBy})` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
