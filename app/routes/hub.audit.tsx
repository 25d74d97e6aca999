import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "../components/i18n";
import { Pager } from "../components/pager";
import { StackTable } from "../components/stack-table";
import { requireHubPermission } from "../lib/http/guards.server";
import { auditPage, parseAuditQuery } from "../lib/server/audit-log.server";
import { getFixedT } from "../lib/server/i18n.server";
import { formatStaffDate } from "../lib/view/dates";

/** The audit log for hub leads: filter by person, action and date; paginated; CSV. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireHubPermission(request, "audit.view");
  const query = parseAuditQuery(new URL(request.url));
  const t = await getFixedT(request);
  return { title: `${t("hub.audit.title")} – ${t("app.name")}`, ...(await auditPage(query)) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

export default function AuditLog() {
  const { entries, total, page, pages, people, actions } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, lang } = useTranslation();
  // Action ids contain dots, which the dictionary reads as nesting: look them up with "_".
  const label = (action: string) => {
    const key = `hub.audit.action.${action.replace(/\./g, "_")}`;
    const text = t(key);
    return text === key ? action : text;
  };
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next.toString()}`;
  };
  const csv = new URLSearchParams(params);
  csv.delete("page");
  return (
    <article className="audit-page">
      <h1>{t("hub.audit.title")}</h1>
      <p className="note">{t("hub.audit.intro")}</p>
      <Form method="get" className="filter-form" aria-label={t("hub.audit.filters")}>
        <div className="field field--compact">
          <label htmlFor="person">{t("hub.audit.person")}</label>
          <select id="person" name="person" defaultValue={params.get("person") ?? ""}>
            <option value="">{t("hub.audit.everyone")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.email})
              </option>
            ))}
          </select>
        </div>
        <div className="field field--compact">
          <label htmlFor="action">{t("hub.audit.actionLabel")}</label>
          <select id="action" name="action" defaultValue={params.get("action") ?? ""}>
            <option value="">{t("hub.audit.allActions")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {label(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--compact">
          <label htmlFor="from">{t("hub.audit.from")}</label>
          <input id="from" name="from" type="date" defaultValue={params.get("from") ?? ""} />
        </div>
        <div className="field field--compact">
          <label htmlFor="to">{t("hub.audit.to")}</label>
          <input id="to" name="to" type="date" defaultValue={params.get("to") ?? ""} />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {t("hub.audit.filter")}
          </button>
          <Link to="/hub/audit" className="button">
            {t("hub.audit.clear")}
          </Link>
        </div>
      </Form>
      <p className="meta-line" role="status">
        {t("hub.audit.count", { count: total })}{" "}
        <a href={`/hub/audit.csv?${csv.toString()}`} download>
          {t("hub.audit.csv")}
        </a>
      </p>
      <StackTable
        caption={t("hub.audit.title")}
        testId="audit-table"
        empty={
          entries.length === 0 ? { text: t("hub.audit.empty"), testId: "audit-empty" } : undefined
        }
        head={
          <>
            <th scope="col">{t("hub.audit.time")}</th>
            <th scope="col">{t("hub.audit.person")}</th>
            <th scope="col">{t("hub.audit.actionLabel")}</th>
            <th scope="col">{t("hub.audit.target")}</th>
            <th scope="col">{t("hub.audit.details")}</th>
          </>
        }
      >
        {entries.map((e) => (
          <tr key={e.id}>
            <td className="nowrap" data-label={t("hub.audit.time")}>
              {formatStaffDate(lang, e.at, "compactDateTime")}
            </td>
            <td data-label={t("hub.audit.person")}>{e.actorEmail ?? "—"}</td>
            <th scope="row">{label(e.action)}</th>
            <td data-label={t("hub.audit.target")}>
              {e.targetType === "company" && e.targetId ? (
                <Link to={`/hub/companies/${e.targetId}`}>{t("hub.audit.company")}</Link>
              ) : e.targetType === "service" && e.targetId ? (
                <Link to={`/hub/services/${e.targetId}`}>{e.targetId}</Link>
              ) : e.targetType ? (
                <span className="mono">
                  {e.targetType} {e.targetId?.slice(0, 8)}
                </span>
              ) : (
                "—"
              )}
            </td>
            <td className="mono small" data-label={t("hub.audit.details")}>
              {Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : ""}
              {e.ip ? ` ${e.ip}` : ""}
            </td>
          </tr>
        ))}
      </StackTable>
      <Pager
        page={page}
        pages={pages}
        link={pageLink}
        labels={{
          nav: t("hub.audit.pages"),
          previous: t("hub.audit.previous"),
          next: t("hub.audit.next"),
          pageOf: t("hub.audit.pageOf", { page, pages }),
        }}
      />
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
