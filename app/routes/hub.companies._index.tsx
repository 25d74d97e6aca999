import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ClientListTable } from "../components/client-list";
import { useTranslation } from "../components/i18n";
import { Pager } from "../components/pager";
import {
  companyListSearch,
  LIST_QUESTIONNAIRES,
  MAIN_BANDS,
  NEXT_STEPS,
  PAGE_SIZES,
  parseCompanyListQuery,
} from "../lib/core/company-list";
import { GOVERNMENT_AREAS, REGIONS, SECTORS, SIZE_CLASSES } from "../lib/core/vocabularies";
import { requireCompanyPermission, requireStaff } from "../lib/http/guards.server";
import { AssignmentError } from "../lib/server/assignments.server";
import { assignCompanies, listClientCompanies } from "../lib/server/company-list.server";
import { getFixedT } from "../lib/server/i18n.server";
import { StaffError } from "../lib/server/staff.server";

/** The client list: an adviser's companies, or every company for a hub lead. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaff(request);
  const url = new URL(request.url);
  const query = parseCompanyListQuery(url.searchParams);
  const t = await getFixedT(request);
  return {
    title: `${t("adviser.list.title")} – ${t("app.name")}`,
    lead: actor.role === "hub_lead",
    erased: url.searchParams.get("erased") === "1",
    query,
    ...(await listClientCompanies(actor, query)),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Mognad" }];

const BulkAssignSchema = z.object({
  adviserId: z.string().uuid(),
  companyIds: z.array(z.string().uuid()).min(1).max(100),
});

type ActionData = { ok: number } | { error: "noCompanies" | "noAdviser" | string };

/** Bulk assignment (hub leads): the checked companies to one adviser. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaff(request, "hub_lead");
  const form = await request.formData();
  const parsed = BulkAssignSchema.safeParse({
    adviserId: form.get("adviserId"),
    companyIds: form.getAll("companyId"),
  });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    const error = field === "adviserId" ? "noAdviser" : "noCompanies";
    return data({ error } satisfies ActionData, { status: 400 });
  }
  const { adviserId, companyIds } = parsed.data;
  for (const id of companyIds) await requireCompanyPermission(actor, id, "company.assign");
  try {
    const count = await assignCompanies(companyIds, adviserId, {
      actor,
      ip: context.clientAddress,
    });
    return { ok: count } satisfies ActionData;
  } catch (error) {
    if (error instanceof StaffError || error instanceof AssignmentError) {
      return data({ error: "noAdviser" } satisfies ActionData, { status: 400 });
    }
    throw error;
  }
}

export default function ClientList() {
  const { lead, erased, query, rows, total, more, advisers, partners } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { t, lang } = useTranslation();
  // With `more`, total is a lower bound past this page, so there is always a next page.
  const pages = Math.max(1, Math.ceil(total / query.per));
  const filters = [query.next, query.band, query.sector, query.size, query.region]
    .concat([query.questionnaire, query.adviser, query.partner])
    .filter((v) => v !== undefined).length;
  const filtered = query.q !== "" || filters > 0;
  const select = (
    name: string,
    label: string,
    options: readonly { value: string; label: string }[],
    value: string | undefined,
  ) => (
    <div className="field field--compact">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t("adviser.list.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <article className="client-list-page">
      <h1>{t("adviser.list.title")}</h1>
      <Form
        method="get"
        className="filter-form"
        role="search"
        aria-label={t("adviser.list.filters")}
      >
        <div className="field field--compact field--grow">
          <label htmlFor="filter-q">{t("adviser.list.search")}</label>
          <input
            id="filter-q"
            name="q"
            type="search"
            maxLength={100}
            defaultValue={query.q}
            aria-describedby="filter-q-hint"
          />
          <p id="filter-q-hint" className="field__hint">
            {t("adviser.list.searchHint")}
          </p>
        </div>
        {/* A disclosure (keyboard and no-JS ready) so that on a phone the list starts on the
            first screen; open whenever a filter is set, so a set filter is never hidden. */}
        <details className="filter-disclosure" open={filters > 0}>
          <summary>
            {filters > 0
              ? t("adviser.list.filtersSet", { count: filters })
              : t("adviser.list.filtersToggle")}
          </summary>
          <div className="filter-disclosure__fields">
            {select(
              "next",
              t("adviser.list.next"),
              NEXT_STEPS.map((s) => ({ value: s, label: t(`adviser.nextStep.${s}`) })),
              query.next,
            )}
            {select(
              "band",
              t("adviser.list.band"),
              MAIN_BANDS.map((b) => ({ value: b, label: t(`hub.band.${b}`) })),
              query.band,
            )}
            {select(
              "sector",
              t("hub.companies.sector"),
              [
                ...SECTORS.map((s) => ({ value: `s:${s}`, label: t(`sector.${s}`) })),
                ...GOVERNMENT_AREAS.map((a) => ({
                  value: `g:${a}`,
                  label: t(`governmentArea.${a}`),
                })),
              ],
              query.sector,
            )}
            {select(
              "size",
              t("profile.sizeClass"),
              SIZE_CLASSES.map((s) => ({ value: s, label: t(`sizeClass.${s}`) })),
              query.size,
            )}
            {select(
              "region",
              t("hub.companies.region"),
              REGIONS.map((r) => ({ value: r, label: t(`region.${r}`) })),
              query.region,
            )}
            {select(
              "questionnaire",
              t("hub.company.questionnaire"),
              LIST_QUESTIONNAIRES.map((q) => ({
                value: q,
                label: t(`adviser.questionnaire.${q}`),
              })),
              query.questionnaire,
            )}
            {lead
              ? select(
                  "adviser",
                  t("adviser.list.adviser"),
                  [
                    { value: "none", label: t("hub.company.noAdvisers") },
                    ...advisers.map((a) => ({ value: a.id, label: a.name })),
                  ],
                  query.adviser,
                )
              : null}
            {lead
              ? select(
                  "partner",
                  t("adviser.list.partner"),
                  partners.map((p) => ({ value: p.id, label: p.name })),
                  query.partner,
                )
              : null}
            <div className="field field--compact">
              <label htmlFor="filter-per">{t("adviser.list.perPage")}</label>
              <select id="filter-per" name="per" defaultValue={String(query.per)}>
                {PAGE_SIZES.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </details>
        {query.sort !== "name" ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <button type="submit" className="button button--primary">
          {t("adviser.list.apply")}
        </button>
        {filtered ? (
          <Link to="/hub/companies" className="button">
            {t("adviser.list.clear")}
          </Link>
        ) : null}
      </Form>

      {erased ? (
        <p className="success-summary" role="status">
          {t("adviser.erase.done")}
        </p>
      ) : null}
      {result && "ok" in result ? (
        <p className="success-summary" role="status">
          {t("adviser.list.assigned", { count: result.ok })}
        </p>
      ) : null}
      {result && "error" in result ? (
        <div className="error-summary" role="alert">
          {t(`adviser.list.errors.${result.error}`)}
        </div>
      ) : null}

      <p role="status" data-testid="client-count">
        {t(more ? "adviser.list.countMore" : "adviser.list.count", {
          count: total.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB"),
        })}
      </p>
      {rows.length === 0 ? (
        <p className="note" data-testid="client-list-empty">
          {filtered
            ? t("adviser.list.emptyFiltered")
            : lead
              ? t("adviser.list.emptyLead")
              : t("adviser.list.emptyAdviser")}
        </p>
      ) : (
        <>
          <ClientListTable
            rows={rows}
            query={query}
            selectForm={lead ? "bulk-assign" : undefined}
          />
          {/* After the list, not above it: on a phone it pushed the first company off the first
              screen, and one ticks the companies before choosing whom to assign them to. */}
          {lead ? (
            <Form method="post" id="bulk-assign" className="filter-form bulk-assign">
              <div className="field field--compact">
                <label htmlFor="bulk-adviser">{t("adviser.list.assignChecked")}</label>
                <select id="bulk-adviser" name="adviserId" defaultValue="">
                  <option value="">{t("hub.assign.chooseAdviser")}</option>
                  {advisers.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button">
                {t("hub.assign.assign")}
              </button>
            </Form>
          ) : null}
          <Pager
            page={query.page}
            pages={pages}
            link={(page) => companyListSearch(query, { page })}
            always
            labels={{
              nav: t("adviser.list.pages"),
              previous: t("adviser.list.previous"),
              next: t("adviser.list.nextPage"),
              pageOf: t(more ? "adviser.list.pageOfMore" : "adviser.list.pageOf", {
                page: query.page,
                pages,
              }),
            }}
          />
        </>
      )}
    </article>
  );
}

export { StaffErrorBoundary as ErrorBoundary } from "../components/staff-error";
